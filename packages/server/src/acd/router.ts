import { RoutingEngine, type Decision, type RoutingEvent, type RoutingResult } from '@linia/engine';
import { withTenant, type Database, type Tx } from '../db/index.ts';
import type { EventBus } from '../realtime/bus.ts';
import { envelope } from '../realtime/envelope.ts';
import { persistDecisions, type QueueFacts } from './persist.ts';
import { loadRouting } from './rebuild.ts';
import { sqlRows } from '../db/index.ts';
import { sql } from 'drizzle-orm';

const system = { kind: 'system' as const, id: null, name: 'acd' };

/** A routing event without its time: the router stamps it when its turn comes. */
export type Unstamped = RoutingEvent extends infer E ? (E extends RoutingEvent ? Omit<E, 'now'> : never) : never;

/**
 * The ACD of one tenant on this node: the routing engine, fed one event at a time.
 *
 * Each event's turn: stamp it with the clock (never earlier than the last), apply it, write its
 * decisions in one transaction, then tell the agents and the wallboard. Events wait their turn
 * in a promise chain, so the engine's state and the tables change in the same order and the
 * engine's guarantee — a contact is offered from "waiting" only, so never to two agents — holds
 * for any number of concurrent requests. The engine's next deadline (offer timeout, wrap-up end,
 * overflow) is one timer that submits a `tick`.
 */
export class TenantRouter {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private wallboardTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly tenantId: string,
    private readonly db: Database,
    private readonly bus: EventBus,
    readonly engine: RoutingEngine,
    readonly queues: Map<string, QueueFacts>,
    readonly timeZone: string,
    private nextSeq: number,
  ) {}

  /** Rebuilds the tenant's routing state from its tables. */
  static async open(db: Database, bus: EventBus, tenantId: string): Promise<TenantRouter> {
    const { loaded, seq } = await withTenant(db, { tenantId, clientId: null, actor: system }, async (tx) => {
      const loaded = await loadRouting(tx, tenantId);
      const [row] = await sqlRows<{ seq: string | number | null }>(tx, sql`SELECT max(seq) AS seq FROM routing_decisions`);
      return { loaded, seq: Number(row?.seq ?? 0) + 1 };
    });
    const router = new TenantRouter(tenantId, db, bus, RoutingEngine.restore(loaded.snapshot), loaded.queues, loaded.timeZone, seq);
    // Pair what the rebuilt state leaves unpaired and fire what fell due while the node was down.
    await router.submit({ type: 'tick' });
    return router;
  }

  /**
   * Applies one event in its turn. `before` runs in the same transaction as the decisions'
   * persistence, after the engine accepted the event (e.g. reading what the reply needs).
   */
  submit(event: Unstamped, after?: (tx: Tx, r: RoutingResult) => Promise<void>): Promise<RoutingResult> {
    return this.submitPrepared(async () => event, after);
  }

  /**
   * Like `submit`, with the event built in its turn (e.g. a queue re-read from the database after
   * a change, so a later event cannot overtake it). `null`: nothing to apply.
   */
  submitPrepared(prepare: () => Promise<Unstamped | null>, after?: (tx: Tx, r: RoutingResult) => Promise<void>): Promise<RoutingResult> {
    const run = async (): Promise<RoutingResult> => {
      if (this.closed) throw new Error('routing stopped');
      const event = await prepare();
      if (event === null) return { ok: true, decisions: [] };
      const now = Math.max(Date.now(), Number.isFinite(this.engine.now) ? this.engine.now : 0);
      const r = this.engine.apply({ ...event, now } as RoutingEvent);
      if (r.decisions.length > 0 || after) {
        await withTenant(this.db, { tenantId: this.tenantId, clientId: null, actor: system }, async (tx) => {
          this.nextSeq = await persistDecisions(tx, { engine: this.engine, queues: this.queues, timeZone: this.timeZone, nextSeq: this.nextSeq }, r.decisions);
          if (after) await after(tx, r);
        });
      }
      await this.announce(r.decisions);
      this.schedule();
      return r;
    };
    const turn = this.chain.then(run, run);
    this.chain = turn.catch(() => {});
    return turn;
  }

  /** Runs `work` in the event order without an engine event (reading a consistent view). */
  inTurn<T>(work: () => Promise<T> | T): Promise<T> {
    const turn = this.chain.then(work, work);
    this.chain = turn.catch(() => {});
    return turn;
  }

  /** Every agent the engine knows (without copying its whole state as `snapshot()` would). */
  agentIds(): string[] {
    return [...this.engine.agents.keys()];
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.wallboardTimer) clearTimeout(this.wallboardTimer);
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = this.engine.nextDeadline();
    if (due === null) return;
    // setTimeout holds 32-bit ms; a far deadline is simply re-armed after the next event.
    const wait = Math.min(Math.max(0, due - Date.now()), 2 ** 30);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.submit({ type: 'tick' }).catch(() => {});
    }, wait);
    this.timer.unref?.();
  }

  /** After commit: offers and state changes to the agents' own topics, a nudge to wallboards. */
  private async announce(decisions: readonly Decision[]): Promise<void> {
    for (const d of decisions) {
      if (d.type === 'offer' || d.type === 'offerWithdrawn' || d.type === 'contactConnected' || d.type === 'wrapUpStarted' || d.type === 'wrapUpEnded' || d.type === 'contactReleased') {
        await this.bus.publish(envelope(this.tenantId, `user:${d.agentId}`, `acd.${d.type}`, d));
      } else if (d.type === 'agentStateChanged') {
        await this.bus.publish(envelope(this.tenantId, `user:${d.agentId}`, 'acd.agentState', d));
      }
    }
    if (decisions.length > 0) this.nudgeWallboard();
  }

  /** At most a few wallboard updates a second, however busy the floor. */
  private nudgeWallboard(): void {
    if (this.wallboardTimer || this.closed) return;
    this.wallboardTimer = setTimeout(() => {
      this.wallboardTimer = null;
      void this.bus.publish(envelope(this.tenantId, 'wallboard', 'acd.changed', {}));
    }, 250);
    this.wallboardTimer.unref?.();
  }
}
