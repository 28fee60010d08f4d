import { eq, inArray } from 'drizzle-orm';
import { DEFAULT_OPTIONS, SNAPSHOT_VERSION, type AgentSnapshot, type ContactSnapshot, type RoutingSnapshot } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { contacts } from '../contacts/schema.ts';
import { hotlines, tenants } from '../tenants/schema.ts';
import { agentConfigOf, queueConfigOf } from './engineConfig.ts';
import type { QueueFacts } from './persist.ts';
import { acdAgents, acdQueues } from './schema.ts';

export const ACTIVE_ROUTING = ['waiting', 'offered', 'connected', 'wrapUp'] as const;

export interface LoadedRouting {
  snapshot: RoutingSnapshot;
  queues: Map<string, QueueFacts>;
  timeZone: string;
}

/** What persisting a queue's contacts needs (its hotline's zone and the KPI thresholds). */
export function queueFacts(q: typeof acdQueues.$inferSelect, timeZone: string): QueueFacts {
  return { hotlineId: q.hotlineId, channel: q.channel, timeZone, serviceLevelSeconds: q.serviceLevelSeconds, shortAbandonSeconds: q.shortAbandonSeconds };
}

/**
 * The routing state of one tenant, built from its tables (ROUTING.md "build a RoutingSnapshot
 * from the tables"): queues and agents as configured, each agent's last stored presence, and
 * every contact still active with the engine's record stored after its last decision — or, for
 * a contact committed but not yet routed when the process died, a fresh waiting entry.
 * Offers whose deadline passed while the server was down are withdrawn by the first tick.
 */
export async function loadRouting(tx: Tx, tenantId: string): Promise<LoadedRouting> {
  const [tenant] = await tx.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId));
  const queueRows = await tx.select({ q: acdQueues, timeZone: hotlines.timeZone }).from(acdQueues).innerJoin(hotlines, eq(hotlines.id, acdQueues.hotlineId));
  const queueIds = new Set(queueRows.map((r) => r.q.id));
  const agentRows = await tx.select().from(acdAgents);
  const agentIds = new Set(agentRows.map((a) => a.userId));
  // An agent never seen by the engine has been offline "since the start" as far as anyone can tell.
  const loadedAt = Date.now();
  const agents: AgentSnapshot[] = agentRows.map((a) => {
    const r = a.routing;
    return {
      config: agentConfigOf(a, queueIds),
      presence: r?.presence ?? 'offline',
      reason: r?.reason ?? null,
      state: r?.state ?? 'offline',
      stateSince: r?.stateSince ?? loadedAt,
      lastActivityAt: r?.lastActivityAt ?? 0,
      lastTurn: {},
    };
  });

  const rows = await tx
    .select({ id: contacts.id, queueId: contacts.queueId, queuedAt: contacts.queuedAt, routing: contacts.routing })
    .from(contacts)
    .where(inArray(contacts.routingStatus, [...ACTIVE_ROUTING]));
  const active: ContactSnapshot[] = [];
  for (const row of rows) {
    if (!row.queueId || !queueIds.has(row.queueId)) continue;
    const stored = row.routing as unknown as Partial<ContactSnapshot> | null;
    const base = freshEntry(row.id, row.queueId, queueRows.find((r) => r.q.id === row.queueId)!.q.channel, row.queuedAt?.getTime() ?? 0, stored);
    // An agent deleted meanwhile cannot hold the contact: it waits again.
    const holderGone = base.status !== 'waiting' && (base.agentId === null || !agentIds.has(base.agentId));
    active.push(holderGone ? { ...base, status: 'waiting', agentId: null, offerDeadline: null, connectedAt: null, wrapUpDeadline: null } : base);
    if (base.stickyUntil !== null && (base.lastAgentId === null || !agentIds.has(base.lastAgentId))) active[active.length - 1]!.stickyUntil = null;
  }
  // Arrival order is the tie-break of equal scores: renumber densely in the stored order.
  active.sort((x, y) => x.seq - y.seq || x.arrivedAt - y.arrivedAt || (x.id < y.id ? -1 : 1));
  active.forEach((c, i) => (c.seq = i + 1));

  return {
    snapshot: {
      version: SNAPSHOT_VERSION,
      now: null,
      seq: active.length + 1,
      options: DEFAULT_OPTIONS,
      queues: queueRows.map((r) => ({ config: queueConfigOf(r.q), ahtMs: r.q.expectedHandleSeconds * 1000, turn: 0 })),
      agents,
      contacts: active,
    },
    queues: new Map(queueRows.map((r) => [r.q.id, queueFacts(r.q, r.timeZone)])),
    timeZone: tenant?.timeZone ?? 'Europe/Moscow',
  };
}

/** A contact's snapshot entry: the stored one, completed where a field is missing. */
export function freshEntry(id: string, queueId: string, channel: string, arrivedAt: number, stored: Partial<ContactSnapshot> | null): ContactSnapshot {
  return {
    id,
    queueId: stored?.queueId ?? queueId,
    channel: stored?.channel ?? channel,
    priority: stored?.priority ?? 0,
    skills: stored?.skills ?? [],
    arrivedAt: stored?.arrivedAt ?? arrivedAt,
    queueEnteredAt: stored?.queueEnteredAt ?? arrivedAt,
    overflowStage: stored?.overflowStage ?? 0,
    seq: stored?.seq ?? Number.MAX_SAFE_INTEGER,
    status: stored?.status ?? 'waiting',
    agentId: stored?.agentId ?? null,
    offerDeadline: stored?.offerDeadline ?? null,
    connectedAt: stored?.connectedAt ?? null,
    wrapUpDeadline: stored?.wrapUpDeadline ?? null,
    declinedBy: stored?.declinedBy ?? [],
    lastAgentId: stored?.lastAgentId ?? null,
    stickyUntil: stored?.stickyUntil ?? null,
  };
}
