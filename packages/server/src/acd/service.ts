import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { asSystem, sqlRows, withTenant, type Database } from '../db/index.ts';
import type { EventBus } from '../realtime/bus.ts';
import type { EventEnvelope } from '../realtime/envelope.ts';
import { HttpProblem } from '../http/problem.ts';
import { hotlines } from '../tenants/schema.ts';
import { agentConfigOf, queueConfigOf } from './engineConfig.ts';
import { queueFacts } from './rebuild.ts';
import { TenantRouter, type PersistHook, type Unstamped } from './router.ts';
import { isNodeRegistry, singleNode, type NodeRegistry } from './cluster.ts';
import { acdAgents, acdQueues } from './schema.ts';

/** What the ACD needs from the WebSocket hub: how many sockets a user has open here. */
export interface SocketCounts {
  socketsOf(tenantId: string, userId: string): number;
  onSocketCount(listener: (tenantId: string, userId: string, sockets: number) => void): void;
}

const system = { kind: 'system' as const, id: null, name: 'acd' };
/** Advisory-lock key of the routing node (any constant; "linia acd"). */
const LEADER_LOCK = 0x6c696e61;

/**
 * The ACD on this node: one TenantRouter per tenant, created on first use and, at start, for
 * every tenant with queues (so agents' offline timers and due offers run without waiting for a
 * request). Also the two things that are not requests: an agent whose last WebSocket has been
 * gone for `offlineAfterMs` is set offline (forced), and configuration changes announced on the
 * bus are fed to the engine.
 *
 * One routing node: on PostgreSQL the node that holds the advisory lock runs the engines; the
 * others send the ACD's live routes on to it (forward.ts) and tell it their agents' sockets
 * (cluster.ts; see docs/ROUTING.md § "Server"). PGlite is one process, always the routing node.
 */
export class AcdService {
  private readonly routers = new Map<string, Promise<TenantRouter>>();
  /** Other modules' writes in the routers' transactions (every tenant's router shares the list). */
  private readonly persistHooks: PersistHook[] = [];
  private readonly offlineTimers = new Map<string, NodeJS.Timeout>();
  /** `tenant:agent` whose presence an integration drives, not a desk: no offline timer (docs/ROUTING.md). */
  private readonly drivenByIntegration = new Set<string>();
  private leaderClient: pg.Client | null = null;
  private leaderRetry: NodeJS.Timeout | null = null;
  private leader: boolean;
  private stopped = false;
  /** The nodes of the installation: the cluster's view on PostgreSQL, this process alone on PGlite. */
  readonly nodes: NodeRegistry;

  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly sockets: SocketCounts,
    readonly offlineAfterMs: number,
    /** Told each time this node takes the routing lock (the cluster asks every node for its sockets). */
    private readonly onLeading: () => void = () => {},
  ) {
    this.leader = db.kind === 'pglite';
    this.nodes = isNodeRegistry(sockets) ? sockets : singleNode();
    sockets.onSocketCount((tenantId, userId, n) => this.socketCount(tenantId, userId, n));
    bus.subscribe((e) => {
      this.configEvent(e);
      this.stateEvent(e);
    });
  }

  async start(): Promise<void> {
    if (this.db.kind === 'postgres') await this.tryLead();
    if (this.leader) await this.openAll();
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /** The tenant's router (rebuilt from the database on first use). 503 on a node that does not route. */
  router(tenantId: string): Promise<TenantRouter> {
    if (!this.leader) throw new HttpProblem(503, 'Routing runs on another node of this installation', undefined, { 'retry-after': '1' });
    let r = this.routers.get(tenantId);
    if (!r) {
      r = TenantRouter.open(this.db, this.bus, tenantId, this.persistHooks).then((router) => {
        this.armOfflineTimers(router);
        return router;
      });
      r.catch(() => this.routers.delete(tenantId));
      this.routers.set(tenantId, r);
    }
    return r;
  }

  /** Adds writes to every router's transaction after its decisions (see PersistHook). */
  onPersist(hook: PersistHook): void {
    this.persistHooks.push(hook);
  }

  /** The router if it is already open (config events for an idle tenant need no engine yet). */
  private loaded(tenantId: string): Promise<TenantRouter> | undefined {
    return this.routers.get(tenantId);
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const t of this.offlineTimers.values()) clearTimeout(t);
    this.offlineTimers.clear();
    if (this.leaderRetry) clearTimeout(this.leaderRetry);
    for (const r of this.routers.values()) {
      const router = await r.catch(() => null);
      if (router) {
        await router.inTurn(() => undefined).catch(() => {});
        router.close();
      }
    }
    this.routers.clear();
    await this.leaderClient?.end().catch(() => {});
  }

  private async openAll(): Promise<void> {
    const rows = await asSystem(this.db, (tx) => sqlRows<{ tenant_id: string }>(tx, sql`SELECT DISTINCT tenant_id FROM acd_queues`));
    for (const r of rows) await this.router(r.tenant_id);
  }

  /** PostgreSQL: hold a session advisory lock on a connection of our own; retry while another node has it. */
  private async tryLead(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.leaderClient) {
        this.leaderClient = new pg.Client({ connectionString: this.db.url! });
        this.leaderClient.on('error', () => {
          // Lost the connection, so the lock: stop routing here until it is taken again.
          this.leader = false;
          this.leaderClient = null;
          this.retryLead();
        });
        await this.leaderClient.connect();
      }
      const { rows } = await this.leaderClient.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LEADER_LOCK]);
      this.leader = rows[0]?.ok === true;
      if (this.leader) {
        await this.openAll();
        this.onLeading();
      } else this.retryLead();
    } catch {
      this.retryLead();
    }
  }

  private retryLead(): void {
    if (this.stopped || this.leaderRetry) return;
    this.leaderRetry = setTimeout(() => {
      this.leaderRetry = null;
      void this.tryLead();
    }, 5000);
    this.leaderRetry.unref?.();
  }

  // ── offline after the last WebSocket has gone ──

  private socketCount(tenantId: string, userId: string, n: number): void {
    const key = `${tenantId}:${userId}`;
    if (n > 0) {
      const t = this.offlineTimers.get(key);
      if (t) clearTimeout(t);
      this.offlineTimers.delete(key);
      return;
    }
    void this.loaded(tenantId)?.then((router) => this.armOfflineTimer(router, userId));
  }

  /**
   * Who changes an agent's presence: a person (the agent at the desk, a lead on the floor) or an
   * integration (an API token — a softphone or CTI connector —, the demo floor's virtual agents).
   * The last change decides: an agent an integration drives has no desk socket to count, so no
   * offline timer while the integration has the last word.
   */
  presenceDrivenBy(tenantId: string, agentId: string, driver: 'person' | 'integration'): void {
    const key = `${tenantId}:${agentId}`;
    if (driver === 'person') return void this.drivenByIntegration.delete(key);
    this.drivenByIntegration.add(key);
    const t = this.offlineTimers.get(key);
    if (t) clearTimeout(t);
    this.offlineTimers.delete(key);
  }

  /**
   * An agent put in a state other than offline (through the API, by anyone) while holding no
   * socket on any node: the same offline timer as after the last socket closed — nobody could
   * see an offer (docs/ROUTING.md § "Offline when the connection is gone"). A socket opening cancels it.
   */
  private stateEvent(e: EventEnvelope): void {
    if (e.type !== 'acd.agentState' || !this.leader) return;
    const d = e.data as { agentId?: string; to?: string };
    if (!d.agentId || d.to === 'offline') return;
    const agentId = d.agentId;
    void this.loaded(e.tenantId)?.then((router) => this.armOfflineTimer(router, agentId));
  }

  private armOfflineTimers(router: TenantRouter): void {
    for (const id of router.agentIds()) this.armOfflineTimer(router, id);
  }

  private armOfflineTimer(router: TenantRouter, userId: string): void {
    const key = `${router.tenantId}:${userId}`;
    if (this.offlineTimers.has(key) || this.drivenByIntegration.has(key) || this.sockets.socketsOf(router.tenantId, userId) > 0) return;
    const view = router.engine.agentView(userId);
    if (!view || view.presence === 'offline') return;
    const timer = setTimeout(() => {
      this.offlineTimers.delete(key);
      if (this.drivenByIntegration.has(key) || this.sockets.socketsOf(router.tenantId, userId) > 0) return;
      router
        .submitPrepared(async () => {
          const v = router.engine.agentView(userId);
          return v && v.state !== 'offline' ? { type: 'agentStateRequested', agentId: userId, to: 'offline', force: true } : null;
        })
        .catch(() => {});
    }, this.offlineAfterMs);
    timer.unref?.();
    this.offlineTimers.set(key, timer);
  }

  // ── configuration changes, as announced after commit by the entity routes ──

  private configEvent(e: EventEnvelope): void {
    // Only the routing node keeps engines; on the others the next rebuild reads the tables.
    if (e.topic !== 'tenant' || !this.leader) return;
    const { id } = e.data as { id?: string };
    if (!id) return;
    const routerP = this.loaded(e.tenantId);
    if (e.type === 'acdQueue.changed') {
      // A first queue of a tenant: open its router (which reads the queue itself).
      if (!routerP) return void this.router(e.tenantId).catch(() => {});
      void routerP.then((router) => router.submitPrepared(() => this.queueEvent(router, id))).catch(() => {});
    } else if (e.type === 'acdAgent.changed' && routerP) {
      void routerP.then((router) => router.submitPrepared(() => this.agentEvent(router, id))).catch(() => {});
    }
  }

  private inTenant<T>(tenantId: string, work: Parameters<typeof withTenant<T>>[2]): Promise<T> {
    return withTenant(this.db, { tenantId, clientId: null, actor: system }, work);
  }

  private async queueEvent(router: TenantRouter, queueId: string): Promise<Unstamped | null> {
    const [row] = await this.inTenant(router.tenantId, (tx) =>
      tx.select({ q: acdQueues, timeZone: hotlines.timeZone }).from(acdQueues).innerJoin(hotlines, eq(hotlines.id, acdQueues.hotlineId)).where(eq(acdQueues.id, queueId)),
    );
    if (!row) {
      router.queues.delete(queueId);
      return router.engine.queueView(queueId, router.engine.now) ? { type: 'queueRemoved', queueId } : null;
    }
    router.queues.set(queueId, queueFacts(row.q, row.timeZone));
    return { type: 'queueConfigured', queue: queueConfigOf(row.q) };
  }

  private async agentEvent(router: TenantRouter, agentRowId: string): Promise<Unstamped | null> {
    const [row] = await this.inTenant(router.tenantId, (tx) => tx.select().from(acdAgents).where(eq(acdAgents.id, agentRowId)));
    if (!row) {
      // The row is gone; its user id is no longer known here, so find the engine's agent no row names.
      const rows = await this.inTenant(router.tenantId, (tx) => tx.select({ userId: acdAgents.userId }).from(acdAgents));
      const kept = new Set(rows.map((r) => r.userId));
      const orphan = router.agentIds().find((id) => !kept.has(id));
      return orphan ? { type: 'agentRemoved', agentId: orphan } : null;
    }
    const queues = new Set(router.queues.keys());
    return { type: 'agentConfigured', agent: agentConfigOf(row, queues) };
  }
}
