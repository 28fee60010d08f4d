import { RoutingEngine, type Decision, type RoutingEvent, type RoutingResult } from '@linia/engine';
import { unaudited, withTenant, type Database, type Tx } from '../db/index.ts';
import type { EventBus } from '../realtime/bus.ts';
import { envelope, type EventEnvelope } from '../realtime/envelope.ts';
import { persistDecisions, type QueueFacts } from './persist.ts';
import { ArrivalJournal } from './arrivalJournal.ts';
import { loadRouting } from './rebuild.ts';
import { sqlRows } from '../db/index.ts';
import { sql } from 'drizzle-orm';

const system = { kind: 'system' as const, id: null, name: 'acd' };

/** A routing event without its time: the router stamps it when its turn comes. */
export type Unstamped = RoutingEvent extends infer E ? (E extends RoutingEvent ? Omit<E, 'now'> : never) : never;

/** A request waiting its turn: a routing event (built in its turn), or work that only needs the order. */
type Pending =
  | {
      kind: 'event';
      prepare: () => Promise<Unstamped | null>;
      after?: (tx: Tx, r: RoutingResult) => Promise<void>;
      /** Announced with the batch's decisions, before them (an arrival's contact.created). */
      before?: EventEnvelope[];
      resolve: (r: RoutingResult) => void;
      reject: (e: unknown) => void;
    }
  | { kind: 'turn'; work: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };

/**
 * Another module's writes that belong in the transaction of the decisions they follow from (a
 * chat's "agent joined" line with the accept). Runs in a savepoint: its failure leaves the
 * routing written. Returns what to do after the commit (tell the chat's two sides), or nothing.
 */
export interface PersistHook {
  /** Whether a decision is the hook's business (asked first: a burst it has nothing in costs nothing). */
  concerns(d: Decision, router: TenantRouter): boolean;
  /** Writes for the decisions it concerns, in the routing transaction. */
  write(tx: Tx, decisions: readonly Decision[], router: TenantRouter): Promise<(() => Promise<void>) | void>;
}

/** Events written in one transaction at most (a burst larger than this takes several). */
const MAX_BATCH = 256;

/**
 * The ACD of one tenant on this node: the routing engine, fed one event at a time.
 *
 * Events wait their turn in one queue, so the engine's state and the tables change in the same
 * order and the engine's guarantee — a contact is offered from "waiting" only, so never to two
 * agents — holds for any number of concurrent requests. Each event is stamped with the clock
 * (never earlier than the last) and applied in its turn; the decisions of the events that queued
 * up meanwhile are then written in ONE transaction (group commit: under load a burst of arrivals
 * and accepts costs one commit, not one each), and only after that commit is any of them
 * answered or announced to the agents and the wallboard. So nothing is acknowledged or offered
 * before it is stored, and a restart rebuilds exactly what was announced. An event with its own
 * `after` work is written alone (its work must not be able to roll back other events' decisions).
 * The engine's next deadline (offer timeout, wrap-up end, overflow) is one timer that submits a `tick`.
 */
export class TenantRouter {
  private readonly queue: Pending[] = [];
  private draining = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private wallboardTimer: NodeJS.Timeout | null = null;
  private arrivalJournal: ArrivalJournal | null = null;

  private constructor(
    readonly tenantId: string,
    private readonly db: Database,
    private readonly bus: EventBus,
    readonly engine: RoutingEngine,
    readonly queues: Map<string, QueueFacts>,
    readonly timeZone: string,
    private nextSeq: number,
    private readonly hooks: readonly PersistHook[],
  ) {}

  /** Rebuilds the tenant's routing state from its tables. */
  static async open(db: Database, bus: EventBus, tenantId: string, hooks: readonly PersistHook[] = []): Promise<TenantRouter> {
    const { loaded, seq } = await withTenant(db, { tenantId, clientId: null, actor: system }, async (tx) => {
      const loaded = await loadRouting(tx, tenantId);
      const [row] = await sqlRows<{ seq: string | number | null }>(tx, sql`SELECT max(seq) AS seq FROM routing_decisions`);
      return { loaded, seq: Number(row?.seq ?? 0) + 1 };
    });
    const router = new TenantRouter(tenantId, db, bus, RoutingEngine.restore(loaded.snapshot), loaded.queues, loaded.timeZone, seq, hooks);
    // Pair what the rebuilt state leaves unpaired and fire what fell due while the node was down.
    await router.submit({ type: 'tick' });
    return router;
  }

  /**
   * Applies one event in its turn. `after` runs in the same transaction as the decisions'
   * persistence, after the engine accepted the event (e.g. reading what the reply needs).
   */
  submit(event: Unstamped, after?: (tx: Tx, r: RoutingResult) => Promise<void>): Promise<RoutingResult> {
    return this.submitPrepared(async () => event, after);
  }

  /**
   * Like `submit`, with events to announce together with the batch's decisions and ahead of
   * them — one NOTIFY for a burst, where each arrival used to send its own.
   */
  submitAnnouncing(event: Unstamped, before: EventEnvelope[]): Promise<RoutingResult> {
    return this.enqueue({ prepare: async () => event, before });
  }

  /**
   * Like `submit`, with the event built in its turn (e.g. a queue re-read from the database after
   * a change, so a later event cannot overtake it). `null`: nothing to apply.
   */
  submitPrepared(prepare: () => Promise<Unstamped | null>, after?: (tx: Tx, r: RoutingResult) => Promise<void>): Promise<RoutingResult> {
    return this.enqueue({ prepare, ...(after ? { after } : {}) });
  }

  private enqueue(item: Omit<Extract<Pending, { kind: 'event' }>, 'kind' | 'resolve' | 'reject'>): Promise<RoutingResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'event', ...item, resolve, reject });
      this.kick();
    });
  }

  /** Runs `work` in the event order without an engine event (reading a consistent view). */
  inTurn<T>(work: () => Promise<T> | T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind: 'turn', work, resolve: resolve as (v: unknown) => void, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = true;
    // Started on the next microtask, so requests arriving together join the same batch.
    queueMicrotask(() => void this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0]!;
        if (head.kind === 'turn') {
          this.queue.shift();
          try {
            head.resolve(await head.work());
          } catch (e) {
            head.reject(e);
          }
          continue;
        }
        const batch: Extract<Pending, { kind: 'event' }>[] = [];
        while (batch.length < MAX_BATCH) {
          const next = this.queue[0];
          if (!next || next.kind !== 'event') break;
          // An event with its own transactional work goes alone.
          if (next.after && batch.length > 0) break;
          batch.push(next);
          this.queue.shift();
          if (next.after) break;
        }
        await this.runBatch(batch);
      }
    } finally {
      this.draining = false;
      if (this.queue.length > 0) this.kick();
    }
  }

  /** Applies a run of events in order, stores all their decisions in one transaction, then answers and announces. */
  private async runBatch(batch: Extract<Pending, { kind: 'event' }>[]): Promise<void> {
    const applied: { item: (typeof batch)[number]; r: RoutingResult }[] = [];
    for (const item of batch) {
      if (this.closed) {
        item.reject(new Error('routing stopped'));
        continue;
      }
      let event: Unstamped | null;
      try {
        event = await item.prepare();
      } catch (e) {
        item.reject(e);
        continue;
      }
      if (event === null) {
        item.resolve({ ok: true, decisions: [] });
        continue;
      }
      const now = Math.max(Date.now(), Number.isFinite(this.engine.now) ? this.engine.now : 0);
      try {
        applied.push({ item, r: this.engine.apply({ ...event, now } as RoutingEvent) });
      } catch (e) {
        item.reject(e); // a fault of the engine fails its request, not the node
      }
    }
    const decisions = applied.flatMap((a) => a.r.decisions);
    const before = batch.flatMap((item) => item.before ?? []);
    const after = applied.find((a) => a.item.after);
    const afterCommit: (() => Promise<void>)[] = [];
    if (decisions.length > 0 || after) {
      try {
        await withTenant(this.db, { tenantId: this.tenantId, clientId: null, actor: system }, async (tx) => {
          // One write of the whole run: persistDecisions already merges what several decisions change in one row.
          // Not audited row by row: the routing journal written here is the record of these changes.
          this.nextSeq = await unaudited(tx, () => persistDecisions(tx, { engine: this.engine, queues: this.queues, timeZone: this.timeZone, nextSeq: this.nextSeq }, decisions));
          for (const hook of this.hooks) {
            const mine = decisions.filter((d) => hook.concerns(d, this));
            if (mine.length === 0) continue;
            // A savepoint each: a hook's failure must not undo the routing (its module catches up later).
            const then = await tx.transaction((sp) => hook.write(sp as unknown as Tx, mine, this)).catch(() => undefined);
            if (then) afterCommit.push(then);
          }
          if (after) await after.item.after!(tx, after.r);
        });
      } catch (e) {
        for (const a of applied) a.item.reject(e);
        // What happened before routing (a contact committed to the journal) is still told.
        await this.bus.publishAll(before).catch(() => {});
        this.schedule();
        return;
      }
    }
    try {
      await this.announce(before, decisions);
    } catch (e) {
      // Stored but not told (the bus failed): the callers hear the error, as with one event each.
      for (const a of applied) a.item.reject(e);
      this.schedule();
      return;
    }
    this.schedule();
    for (const a of applied) a.item.resolve(a.r);
    for (const then of afterCommit) await then().catch(() => {});
  }

  /** The tenant's arrivals' journal half, group-committed like the routing decisions (arrivalJournal.ts). */
  get journal(): ArrivalJournal {
    return (this.arrivalJournal ??= new ArrivalJournal(this.db, this.tenantId));
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
  private async announce(before: readonly EventEnvelope[], decisions: readonly Decision[]): Promise<void> {
    const events: EventEnvelope[] = [...before];
    for (const d of decisions) {
      if (d.type === 'offer' || d.type === 'offerWithdrawn' || d.type === 'contactConnected' || d.type === 'wrapUpStarted' || d.type === 'wrapUpEnded' || d.type === 'contactReleased') {
        // With the contact's channel, so a listener for one channel (the web chat) skips the others without a look-up.
        const channel = this.engine.contactView(d.contactId)?.channel ?? ('queueId' in d ? this.queues.get(d.queueId)?.channel : undefined) ?? null;
        events.push(envelope(this.tenantId, `user:${d.agentId}`, `acd.${d.type}`, { ...d, channel }));
      } else if (d.type === 'agentStateChanged') {
        events.push(envelope(this.tenantId, `user:${d.agentId}`, 'acd.agentState', d));
      }
    }
    // A burst's announcements in one go: on PostgreSQL one NOTIFY statement, not one round trip each.
    await this.bus.publishAll(events);
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
