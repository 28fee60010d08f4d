// Read-only views for the server: the desk (an agent's state and contacts), the widget (position
// and EWT) and the wallboard (a queue's waiting contacts). Plain objects, safe to serialise.

import type { AgentState, NotReadyReason, Presence } from './agentStates.ts';
import { capacityOf } from './capacity.ts';
import { expectedWaitMs } from './ewt.ts';
import type { ContactStatus, Queue } from './model.ts';
import type { RoutingState } from './state.ts';
import type { Channel, SkillRequirement } from './types.ts';
import { positionOf } from './waitingList.ts';

export interface AgentView {
  agentId: string;
  state: AgentState;
  presence: Presence;
  reason: NotReadyReason | null;
  stateSince: number;
  /** channel → contacts held (offered, connected, wrap-up). */
  load: Record<Channel, number>;
  capacity: Record<Channel, number>;
  contactIds: string[];
}

export interface ContactView {
  contactId: string;
  queueId: string;
  channel: Channel;
  status: ContactStatus;
  agentId: string | null;
  arrivedAt: number;
  requirements: SkillRequirement[];
  offerDeadline: number | null;
  wrapUpDeadline: number | null;
  overflowStage: number;
  stickyUntil: number | null;
}

export interface WaitingInfo {
  contactId: string;
  queueId: string;
  /** 1 = next in its queue. */
  position: number;
  /** Expected wait from now in ms; null when nobody is staffed for the queue. */
  ewtMs: number | null;
  waitedMs: number;
}

export interface QueueView {
  queueId: string;
  waiting: number;
  longestWaitMs: number;
  staffedSlots: number;
  availableAgents: number;
  members: number;
  ahtMs: number;
  /** Waiting contacts in order, with position and EWT. */
  contacts: WaitingInfo[];
}

export function agentView(engine: RoutingState, agentId: string): AgentView | null {
  const a = engine.agents.get(agentId);
  if (a === undefined) return null;
  const capacity: Record<Channel, number> = { ...engine.options.defaultCapacity, ...(a.config.capacity ?? {}) };
  return {
    agentId,
    state: a.state,
    presence: a.presence,
    reason: a.state === 'notReady' || a.presence === 'notReady' ? a.reason : null,
    stateSince: a.stateSince,
    load: Object.fromEntries(a.load.byChannel),
    capacity: Object.fromEntries(Object.keys(capacity).map((ch) => [ch, capacityOf(a.config.capacity, engine.options, ch)])),
    contactIds: [...a.contacts],
  };
}

export function contactView(engine: RoutingState, contactId: string): ContactView | null {
  const c = engine.contacts.get(contactId);
  if (c === undefined) return null;
  return {
    contactId,
    queueId: c.queueId,
    channel: c.channel,
    status: c.status,
    agentId: c.agentId,
    arrivedAt: c.arrivedAt,
    requirements: c.requirements.map((r) => ({ ...r })),
    offerDeadline: c.offerDeadline,
    wrapUpDeadline: c.wrapUpDeadline,
    overflowStage: c.overflowStage,
    stickyUntil: c.stickyUntil,
  };
}

/** Position and EWT of one waiting contact (O(contacts waiting in its queue)). */
export function waitingInfo(engine: RoutingState, contactId: string, now: number): WaitingInfo | null {
  const c = engine.contacts.get(contactId);
  if (c === undefined || c.status !== 'waiting') return null;
  const q = engine.queues.get(c.queueId) as Queue;
  const position = positionOf(c, q);
  return { contactId, queueId: q.config.id, position, ewtMs: expectedWaitMs(position, q.ahtMs, q.staffedSlots), waitedMs: Math.max(0, now - c.arrivedAt) };
}

/** The wallboard's view of a queue (O(waiting in the queue)). */
export function queueView(engine: RoutingState, queueId: string, now: number): QueueView | null {
  const q = engine.queues.get(queueId);
  if (q === undefined) return null;
  const sorted = q.waiting.values();
  let longest = 0;
  for (const c of sorted) longest = Math.max(longest, now - c.arrivedAt);
  return {
    queueId,
    waiting: sorted.length,
    longestWaitMs: Math.max(0, longest),
    staffedSlots: q.staffedSlots,
    availableAgents: q.available.length,
    members: q.members.size,
    ahtMs: q.ahtMs,
    contacts: sorted.map((c, i) => ({ contactId: c.id, queueId, position: i + 1, ewtMs: expectedWaitMs(i + 1, q.ahtMs, q.staffedSlots), waitedMs: Math.max(0, now - c.arrivedAt) })),
  };
}
