import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { kpiContactCell, kpiStateSpanCells, type Decision, type KpiCell, type RoutingEngine } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { contacts } from '../contacts/schema.ts';
import { addKpiCells } from '../kpi/store.ts';
import { acdAgents, agentStateLog, routingDecisions } from './schema.ts';

/** What persisting needs to know about a queue: where its KPI cells go and their thresholds. */
export interface QueueFacts {
  hotlineId: string;
  timeZone: string;
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
}

export interface PersistContext {
  engine: RoutingEngine;
  queues: ReadonlyMap<string, QueueFacts>;
  /** The tenant's time zone: agent-state cells are per the centre's local intervals. */
  timeZone: string;
  /** Next routing_decisions.seq. */
  nextSeq: number;
}

const when = (ms: number) => new Date(ms);
/** A timestamp inside raw SQL (both drivers take the ISO text). */
const tsParam = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/**
 * Writes the decisions of one event in the caller's transaction: the routing journal, the
 * contacts' timestamps and routing status, the agent-state log, and the KPI cells of contacts
 * that ended and states that closed. Returns the next decision seq.
 */
export async function persistDecisions(tx: Tx, ctx: PersistContext, decisions: readonly Decision[]): Promise<number> {
  if (decisions.length === 0) return ctx.nextSeq;
  let seq = ctx.nextSeq;
  await tx.insert(routingDecisions).values(
    decisions.map((d) => {
      const { type, at, ...data } = d;
      const r = data as { contactId?: string; agentId?: string; queueId?: string; toQueueId?: string };
      return { seq: seq++, at: when(at), type, contactId: r.contactId ?? null, agentId: r.agentId ?? null, queueId: r.queueId ?? r.toQueueId ?? null, data };
    }),
  );
  // One UPDATE per contact however many decisions name it (each update is also an audit row).
  const changes = new Map<string, ContactChanges>();
  const ended: string[] = [];
  for (const d of decisions) {
    if (d.type === 'agentStateChanged') await agentStateChanged(tx, ctx, d);
    else contactChanges(changes, d, ended);
  }
  for (const [id, values] of changes) {
    // The engine's own record of each contact still active, for the rebuild after a restart.
    const snap = ctx.engine.contactSnapshot(id);
    if (snap) Object.assign(values, { routingStatus: snap.status, routing: snap as unknown as Record<string, unknown> });
    await tx.update(contacts).set(values).where(eq(contacts.id, id));
  }
  const cells: KpiCell[] = [];
  for (const id of ended) {
    const cell = await contactCell(tx, ctx, id);
    if (cell) cells.push(cell);
  }
  await addKpiCells(tx, cells);
  return seq;
}

/** Column values of one contact's UPDATE; SQL where a value depends on what is stored. */
type ContactChanges = { [K in keyof typeof contacts.$inferInsert]?: (typeof contacts.$inferInsert)[K] | SQL };

/** What one decision changes in its contact's row (merged into `changes`). */
function contactChanges(changes: Map<string, ContactChanges>, d: Exclude<Decision, { type: 'agentStateChanged' }>, ended: string[]): void {
  let c = changes.get(d.contactId);
  if (!c) changes.set(d.contactId, (c = {}));
  switch (d.type) {
    case 'offer':
      // The first offer is the contact's offered_at; later offers (after a decline) keep it.
      c.offeredAt ??= sql`coalesce(${contacts.offeredAt}, ${tsParam(d.at)})`;
      return;
    case 'contactConnected':
      c.answeredAt = when(d.at);
      c.agentId = d.agentId;
      c.agentIds = sql`case when ${d.agentId}::uuid = any(${contacts.agentIds}) then ${contacts.agentIds} else array_append(${contacts.agentIds}, ${d.agentId}::uuid) end`;
      return;
    case 'contactQueued':
      c.queueId = d.queueId;
      return;
    case 'overflowApplied':
      c.queueId = d.toQueueId;
      return;
    case 'contactAbandoned':
      Object.assign(c, { abandonedAt: when(d.at), endedAt: when(d.at), routingStatus: 'abandoned', routing: null, status: 'closed', outcome: 'abandoned' });
      ended.push(d.contactId);
      return;
    case 'wrapUpStarted':
      c.endedAt = when(d.at);
      return;
    case 'wrapUpEnded':
      c.wrapUpEndedAt = when(d.at);
      return;
    case 'contactReleased':
      // Without wrap-up (0 s) there was no wrapUpStarted: it ended now, and its wrap-up is empty.
      c.routingStatus = 'released';
      c.routing = null;
      c.endedAt ??= sql`coalesce(${contacts.endedAt}, ${tsParam(d.at)})`;
      c.wrapUpEndedAt ??= sql`coalesce(${contacts.wrapUpEndedAt}, ${tsParam(d.at)})`;
      ended.push(d.contactId);
      return;
    case 'offerWithdrawn':
      return;
  }
}

/** Closes the agent's open state span (adding its KPI cells) and opens the new one. */
async function agentStateChanged(tx: Tx, ctx: PersistContext, d: Extract<Decision, { type: 'agentStateChanged' }>): Promise<void> {
  const closed = await tx
    .update(agentStateLog)
    .set({ endedAt: when(d.at) })
    .where(and(eq(agentStateLog.agentId, d.agentId), isNull(agentStateLog.endedAt)))
    .returning();
  const cells = closed.flatMap((s) =>
    kpiStateSpanCells({ agentId: s.agentId, state: s.state, reason: s.reason, start: s.startedAt.getTime(), end: d.at }, { timeZone: ctx.timeZone }),
  );
  await addKpiCells(tx, cells);
  await tx.insert(agentStateLog).values({ agentId: d.agentId, state: d.to, reason: d.to === 'notReady' ? d.reason : null, startedAt: when(d.at) });
  const snap = ctx.engine.agentSnapshot(d.agentId);
  if (snap) {
    await tx
      .update(acdAgents)
      .set({ routing: { presence: snap.presence, reason: snap.reason, state: snap.state, stateSince: snap.stateSince, lastActivityAt: snap.lastActivityAt } })
      .where(eq(acdAgents.userId, d.agentId));
  }
}

/** The KPI cell of a contact that has ended (abandoned, or released after wrap-up). */
async function contactCell(tx: Tx, ctx: PersistContext, id: string): Promise<KpiCell | null> {
  const [c] = await tx.select().from(contacts).where(eq(contacts.id, id));
  if (!c || !c.queueId || !c.queuedAt) return null;
  const q = ctx.queues.get(c.queueId);
  if (!q) return null;
  const ms = (d: Date | null) => (d ? d.getTime() : null);
  const answered = ms(c.answeredAt);
  const endedAt = ms(c.endedAt);
  const wrapEnd = ms(c.wrapUpEndedAt);
  return kpiContactCell(
    {
      contactId: c.id,
      queueId: c.queueId,
      hotlineId: c.hotlineId,
      channel: c.channel,
      offeredAt: c.queuedAt.getTime(),
      answeredAt: c.abandonedAt ? null : answered,
      abandonedAt: ms(c.abandonedAt),
      agentId: c.agentId,
      talkSeconds: answered !== null && endedAt !== null && !c.abandonedAt ? Math.max(0, endedAt - answered) / 1000 : 0,
      wrapUpSeconds: endedAt !== null && wrapEnd !== null && answered !== null && !c.abandonedAt ? Math.max(0, wrapEnd - endedAt) / 1000 : 0,
    },
    { timeZone: q.timeZone, thresholds: { serviceLevelSeconds: q.serviceLevelSeconds, shortAbandonSeconds: q.shortAbandonSeconds } },
  );
}
