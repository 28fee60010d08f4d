import { sql, type SQL } from 'drizzle-orm';
import { kpiContactCell, kpiStateSpanCells, type AgentState, type Decision, type KpiCell, type RoutingEngine } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { bulkInsert, bulkUpdate, type BulkColumn } from '../db/bulk.ts';
import { addKpiCells } from '../kpi/store.ts';
import type { StoredAgentRouting } from './schema.ts';

/** What persisting needs to know about a queue: where its KPI cells go and their thresholds. */
export interface QueueFacts {
  hotlineId: string;
  /** The engine's channel class (voice, chat, email): told with the queue's decisions. */
  channel: string;
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
/** A timestamp as a raw-SQL parameter (both drivers take the ISO text). */
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Writes the decisions of a batch of events in the caller's transaction: the routing journal,
 * the contacts' timestamps and routing status, the agent-state log, and the KPI cells of
 * contacts that ended and states that closed. Returns the next decision seq.
 *
 * Set-based: however many decisions, a handful of statements — one INSERT of the journal, one
 * UPDATE per kind of contact change (offers, connections, releases…), three for the agents'
 * states, three for the KPI cells. Under load the router's batches grow, and a statement per row
 * was what the ACD's throughput was made of (docs/SIMULATION.md "Load benchmark").
 */
export async function persistDecisions(tx: Tx, ctx: PersistContext, decisions: readonly Decision[]): Promise<number> {
  if (decisions.length === 0) return ctx.nextSeq;
  let seq = ctx.nextSeq;
  await bulkInsert(tx, {
    table: 'routing_decisions',
    columns: [
      { name: 'seq', type: 'bigint' },
      { name: 'at', type: 'timestamptz' },
      { name: 'type', type: 'text' },
      { name: 'contact_id', type: 'uuid' },
      { name: 'agent_id', type: 'uuid' },
      { name: 'queue_id', type: 'uuid' },
      { name: 'data', type: 'jsonb' },
    ],
    rows: decisions.map((d) => {
      const { type, at, ...data } = d;
      const r = data as { contactId?: string; agentId?: string; queueId?: string; toQueueId?: string };
      return [seq++, iso(at), type, r.contactId ?? null, r.agentId ?? null, r.queueId ?? r.toQueueId ?? null, data];
    }),
  });
  // One change per contact however many decisions name it (each updated row is also an audit row).
  const changes = new Map<string, ContactChange>();
  const ended = new Set<string>();
  const stateChanges: StateChange[] = [];
  for (const d of decisions) {
    if (d.type === 'agentStateChanged') stateChanges.push(d);
    else contactChange(changes, d, ended);
  }
  for (const [id, change] of changes) {
    // The engine's own record of each contact still active, for the rebuild after a restart.
    const snap = ctx.engine.contactSnapshot(id);
    if (snap) {
      change.set('routing_status', { value: snap.status });
      change.set('routing', { value: snap });
    }
  }
  const rows = await writeContactChanges(tx, changes);
  const cells: KpiCell[] = [];
  for (const row of rows) {
    if (!ended.has(row.id)) continue;
    const cell = contactCell(ctx, row);
    if (cell) cells.push(cell);
  }
  cells.push(...(await writeAgentStates(tx, ctx, stateChanges)));
  await addKpiCells(tx, cells);
  return seq;
}

/** The contact columns a routing decision sets, with their SQL types and how they combine with what is stored. */
const CONTACT_COLUMNS = {
  offered_at: { type: 'timestamptz' },
  answered_at: { type: 'timestamptz' },
  agent_id: { type: 'uuid' },
  queue_id: { type: 'uuid' },
  abandoned_at: { type: 'timestamptz' },
  ended_at: { type: 'timestamptz' },
  wrap_up_ended_at: { type: 'timestamptz' },
  routing_status: { type: 'text' },
  routing: { type: 'jsonb' },
  status: { type: 'text' },
  outcome: { type: 'text' },
  // Given an agent id: added to the contact's agents unless already there.
  agent_ids: { type: 'uuid', set: (stored: SQL, agent: SQL) => sql`case when ${agent} = any(${stored}) then ${stored} else array_append(${stored}, ${agent}) end` },
} satisfies Record<string, Omit<BulkColumn, 'name'>>;
type ContactColumn = keyof typeof CONTACT_COLUMNS;

/** A column's new value; `keepStored`: only where the stored one is null (the first offer, the first end). */
type ColumnChange = { value: unknown; keepStored?: boolean };
type ContactChange = Map<ContactColumn, ColumnChange>;

/** What a contact's KPI cell needs, returned by its UPDATE (no second read). */
const CELL_COLUMNS = ['id', 'queue_id', 'hotline_id', 'channel', 'queued_at', 'answered_at', 'ended_at', 'wrap_up_ended_at', 'abandoned_at', 'agent_id'] as const;
type CellRow = Record<(typeof CELL_COLUMNS)[number], string | Date | null> & { id: string };

/**
 * One UPDATE per shape of change (the same columns combined the same way): a burst of offers is
 * one statement, its connections another. Returns the updated rows' KPI columns.
 */
async function writeContactChanges(tx: Tx, changes: ReadonlyMap<string, ContactChange>): Promise<CellRow[]> {
  const shapes = new Map<string, { columns: [ContactColumn, boolean][]; rows: unknown[][] }>();
  for (const [id, change] of changes) {
    if (change.size === 0) continue;
    const columns = [...change].map(([name, c]) => [name, c.keepStored === true] as [ContactColumn, boolean]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const key = columns.map(([n, keep]) => `${n}${keep ? '?' : ''}`).join(',');
    let shape = shapes.get(key);
    if (!shape) shapes.set(key, (shape = { columns, rows: [] }));
    shape.rows.push([id, ...columns.map(([n]) => change.get(n)!.value)]);
  }
  const out: CellRow[] = [];
  for (const { columns, rows } of shapes.values()) {
    const bulk: BulkColumn[] = columns.map(([name, keep]) => {
      const spec: Omit<BulkColumn, 'name'> = CONTACT_COLUMNS[name];
      return { name, type: spec.type, ...(keep ? { set: (stored: SQL, given: SQL) => sql`coalesce(${stored}, ${given})` } : spec.set ? { set: spec.set } : {}) };
    });
    out.push(...(await bulkUpdate<CellRow>(tx, { table: 'contacts', key: { name: 'id', type: 'uuid' }, columns: bulk, rows, returning: CELL_COLUMNS })));
  }
  return out;
}

/** What one decision changes in its contact's row (merged into `changes`: a value set earlier in the batch stays where the decision only fills a gap). */
function contactChange(changes: Map<string, ContactChange>, d: Exclude<Decision, { type: 'agentStateChanged' }>, ended: Set<string>): void {
  let c = changes.get(d.contactId);
  if (!c) changes.set(d.contactId, (c = new Map()));
  const at = iso(d.at);
  const set = (name: ContactColumn, value: unknown) => c.set(name, { value });
  const fill = (name: ContactColumn, value: unknown) => void (c.has(name) || c.set(name, { value, keepStored: true }));
  switch (d.type) {
    case 'offer':
      // The first offer is the contact's offered_at; later offers (after a decline) keep it.
      return fill('offered_at', at);
    case 'contactConnected':
      set('answered_at', at);
      set('agent_id', d.agentId);
      set('agent_ids', d.agentId);
      return;
    case 'contactQueued':
      return void set('queue_id', d.queueId);
    case 'overflowApplied':
      return void set('queue_id', d.toQueueId);
    case 'contactAbandoned':
      for (const [name, value] of Object.entries({ abandoned_at: at, ended_at: at, routing_status: 'abandoned', routing: null, status: 'closed', outcome: 'abandoned' })) set(name as ContactColumn, value);
      ended.add(d.contactId);
      return;
    case 'wrapUpStarted':
      return void set('ended_at', at);
    case 'wrapUpEnded':
      return void set('wrap_up_ended_at', at);
    case 'contactReleased':
      // Without wrap-up (0 s) there was no wrapUpStarted: it ended now, and its wrap-up is empty.
      set('routing_status', 'released');
      set('routing', null);
      fill('ended_at', at);
      fill('wrap_up_ended_at', at);
      ended.add(d.contactId);
      return;
    case 'offerWithdrawn':
      return;
  }
}

type StateChange = Extract<Decision, { type: 'agentStateChanged' }>;

/**
 * The agents' state changes of a batch: closes each agent's span stored open (one UPDATE), writes
 * the batch's spans — those it also closed, and each agent's last one, open — (one INSERT), and
 * stores each agent's engine view once (one UPDATE). Returns the KPI cells of the closed spans.
 */
async function writeAgentStates(tx: Tx, ctx: PersistContext, changes: readonly StateChange[]): Promise<KpiCell[]> {
  if (changes.length === 0) return [];
  const firstAt = new Map<string, number>();
  const spans: { agentId: string; state: string; reason: string | null; start: number; end: number | null }[] = [];
  const open = new Map<string, number>();
  for (const d of changes) {
    if (!firstAt.has(d.agentId)) firstAt.set(d.agentId, d.at);
    const previous = open.get(d.agentId);
    if (previous !== undefined) spans[previous]!.end = d.at;
    open.set(d.agentId, spans.push({ agentId: d.agentId, state: d.to, reason: d.to === 'notReady' ? d.reason : null, start: d.at, end: null }) - 1);
  }
  const closed = await bulkUpdate<{ agent_id: string; state: string; reason: string | null; started_at: string | Date }>(tx, {
    table: 'agent_state_log',
    key: { name: 'agent_id', type: 'uuid' },
    columns: [{ name: 'ended_at', type: 'timestamptz' }],
    rows: [...firstAt].map(([agentId, at]) => [agentId, iso(at)]),
    where: sql`t.ended_at IS NULL`,
    returning: ['agent_id', 'state', 'reason', 'started_at'],
  });
  const ended = [
    ...closed.map((s) => ({ agentId: s.agent_id, state: s.state, reason: s.reason, start: new Date(s.started_at).getTime(), end: firstAt.get(s.agent_id)! })),
    ...spans.filter((s) => s.end !== null).map((s) => ({ ...s, end: s.end! })),
  ];
  await bulkInsert(tx, {
    table: 'agent_state_log',
    columns: [
      { name: 'agent_id', type: 'uuid' },
      { name: 'state', type: 'text' },
      { name: 'reason', type: 'text' },
      { name: 'started_at', type: 'timestamptz' },
      { name: 'ended_at', type: 'timestamptz' },
    ],
    rows: spans.map((s) => [s.agentId, s.state, s.reason, iso(s.start), s.end === null ? null : iso(s.end)]),
  });
  await bulkUpdate(tx, {
    table: 'acd_agents',
    key: { name: 'user_id', type: 'uuid' },
    columns: [{ name: 'routing', type: 'jsonb' }],
    rows: [...firstAt.keys()].flatMap((agentId) => {
      const snap = ctx.engine.agentSnapshot(agentId);
      if (!snap) return [];
      const stored: StoredAgentRouting = { presence: snap.presence, reason: snap.reason, state: snap.state, stateSince: snap.stateSince, lastActivityAt: snap.lastActivityAt };
      return [[agentId, stored]];
    }),
  });
  return ended.flatMap((s) =>
    kpiStateSpanCells({ agentId: s.agentId, state: s.state as AgentState, reason: s.reason, start: s.start, end: s.end }, { timeZone: ctx.timeZone }),
  );
}

/** The KPI cell of a contact that has ended (abandoned, or released after wrap-up), from its updated row. */
function contactCell(ctx: PersistContext, c: CellRow): KpiCell | null {
  const ms = (d: string | Date | null) => (d === null ? null : new Date(d).getTime());
  const queuedAt = ms(c.queued_at);
  if (!c.queue_id || queuedAt === null) return null;
  const q = ctx.queues.get(c.queue_id as string);
  if (!q) return null;
  const answered = ms(c.answered_at);
  const endedAt = ms(c.ended_at);
  const wrapEnd = ms(c.wrap_up_ended_at);
  const abandoned = ms(c.abandoned_at);
  return kpiContactCell(
    {
      contactId: c.id,
      queueId: c.queue_id as string,
      hotlineId: c.hotline_id as string,
      channel: c.channel as string,
      offeredAt: queuedAt,
      answeredAt: abandoned !== null ? null : answered,
      abandonedAt: abandoned,
      agentId: c.agent_id as string | null,
      talkSeconds: answered !== null && endedAt !== null && abandoned === null ? Math.max(0, endedAt - answered) / 1000 : 0,
      wrapUpSeconds: endedAt !== null && wrapEnd !== null && answered !== null && abandoned === null ? Math.max(0, wrapEnd - endedAt) / 1000 : 0,
    },
    { timeZone: q.timeZone, thresholds: { serviceLevelSeconds: q.serviceLevelSeconds, shortAbandonSeconds: q.shortAbandonSeconds } },
  );
}
