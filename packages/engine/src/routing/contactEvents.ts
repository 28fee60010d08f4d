// A contact's life: arrival (sticky reservation, queueing, routing), offer accepted or
// withdrawn, abandoned, ended (wrap-up) and released.

import { NO_ANSWER } from './agentStates.ts';
import { isAvailable, refreshAvailability, setPresence, syncState } from './availability.ts';
import { addLoad } from './capacity.ts';
import type { WithdrawReason } from './decisions.ts';
import type { ContactArrived } from './events.ts';
import { smoothedAht } from './ewt.ts';
import { afterAgentChange, offer, pull } from './matching.ts';
import type { Agent, Contact, Queue } from './model.ts';
import { overflowOrRoute, scheduleOverflow } from './overflow.ts';
import { NO_NEED, qualifies } from './requirements.ts';
import { refuse, type RoutingState } from './state.ts';
import { dequeue, derive, emitQueued, enqueue, reserve } from './waitingList.ts';

/** Shared by contacts without extra skills or declines (never mutated: a decline copies). */
const NONE: never[] = [];

export function contactArrived(s: RoutingState, e: ContactArrived): void {
  const q = s.queue(e.queueId);
  if (s.contacts.has(e.contactId)) refuse('duplicateContact', `contact ${e.contactId} is already routed`);
  for (const r of e.skills ?? []) if (!(r.min >= 1 && r.min <= 5)) refuse('invalid', `skill ${r.skill}: minimum must be 1…5`);
  const c: Contact = {
    id: e.contactId,
    queueId: q.config.id,
    channel: q.config.channel,
    priority: e.priority ?? 0,
    extraSkills: e.skills === undefined || e.skills.length === 0 ? NONE : e.skills.map((r) => ({ ...r })),
    arrivedAt: s.now,
    queueEnteredAt: s.now,
    overflowStage: 0,
    seq: ++s.seq,
    status: 'waiting',
    agentId: null,
    offerDeadline: null,
    connectedAt: null,
    wrapUpDeadline: null,
    nextOverflowAt: null,
    declinedBy: NONE,
    lastAgentId: e.lastAgentId ?? null,
    stickyUntil: null,
    // Every field spelled out, not `...notYetFiled()`: a spread adds them one by one and
    // leaves a slow dictionary-mode object, read on every comparison of the hot paths.
    requirements: NONE,
    need: NO_NEED,
    signature: '',
    rankKey: 0,
    group: null,
    heapIndex: -1,
  };
  s.contacts.set(c.id, c);
  derive(s, c, q);
  scheduleOverflow(s, c);
  const last = c.lastAgentId === null ? undefined : s.agents.get(c.lastAgentId);
  const stickyMs = (q.config.stickySeconds ?? 0) * 1000;
  if (q.config.strategy === 'stickyLastAgent' && last !== undefined && stickyMs > 0 && couldServe(last, q, c) && last.presence !== 'offline') {
    if (isAvailable(last, q)) return offer(s, c, last);
    reserve(s, c, q, last, s.now + stickyMs);
    emitQueued(s, c, q);
    return;
  }
  enqueue(c, q);
  overflowOrRoute(s, c, true);
}

function couldServe(a: Agent, q: Queue, c: Contact): boolean {
  return q.members.has(a) && qualifies(a.prof, c.need);
}

export function acceptOffer(s: RoutingState, contactId: string, agentId: string): void {
  const c = s.offeredTo(contactId, agentId);
  c.status = 'connected';
  c.connectedAt = s.now;
  c.offerDeadline = null;
  s.emit({ type: 'contactConnected', contactId: c.id, agentId, queueId: c.queueId });
}

/** The offer is off: the contact waits again in its place (and is re-routed), the agent is freed. */
export function withdrawOffer(s: RoutingState, c: Contact, reason: WithdrawReason, rematch = true): void {
  const a = s.agents.get(c.agentId as string) as Agent;
  s.emit({ type: 'offerWithdrawn', contactId: c.id, agentId: a.config.id, reason });
  unhold(s, c, a);
  c.status = 'waiting';
  c.agentId = null;
  c.offerDeadline = null;
  if (reason === 'declined') c.declinedBy = [...c.declinedBy, a.config.id];
  if (reason === 'timeout' && a.presence === 'ready') setPresence(s, a, 'notReady', NO_ANSWER);
  enqueue(c, s.queues.get(c.queueId) as Queue);
  refreshAvailability(s, a);
  syncState(s, a);
  overflowOrRoute(s, c, true);
  if (rematch) pull(s, a);
}

/** `contactEnded`: a connected contact goes to wrap-up (or is released); a waiting or offered one was abandoned. */
export function contactEnded(s: RoutingState, contactId: string): void {
  const c = s.contact(contactId);
  if (c.status === 'waiting' || c.status === 'offered') return abandon(s, c);
  if (c.status === 'wrapUp') refuse('notConnected', `contact ${c.id} has already ended`);
  endConnected(s, c);
}

/** `contactAbandoned`: the customer left before being connected. */
export function contactAbandoned(s: RoutingState, contactId: string): void {
  const c = s.contact(contactId);
  if (c.status !== 'waiting' && c.status !== 'offered') refuse('alreadyConnected', `contact ${c.id} is ${c.status}`);
  abandon(s, c);
}

/** `wrapUpEnded` from the agent. */
export function wrapUpEnded(s: RoutingState, contactId: string): void {
  const c = s.contact(contactId);
  if (c.status !== 'wrapUp') refuse('notInWrapUp', `contact ${c.id} is ${c.status}`);
  release(s, c, false);
}

function abandon(s: RoutingState, c: Contact): void {
  const q = s.queues.get(c.queueId) as Queue;
  const abandoned = { type: 'contactAbandoned', contactId: c.id, queueId: q.config.id, waitedMs: s.now - c.arrivedAt } as const;
  if (c.status === 'offered') {
    const a = s.agents.get(c.agentId as string) as Agent;
    s.emit({ type: 'offerWithdrawn', contactId: c.id, agentId: a.config.id, reason: 'abandoned' });
    unhold(s, c, a);
    s.contacts.delete(c.id);
    s.emit(abandoned);
    afterAgentChange(s, a);
    return;
  }
  dequeue(s, c, q);
  s.contacts.delete(c.id);
  s.emit(abandoned);
}

function endConnected(s: RoutingState, c: Contact): void {
  const q = s.queues.get(c.queueId) as Queue;
  const a = s.agents.get(c.agentId as string) as Agent;
  if (q.config.wrapUpSeconds <= 0) return release(s, c, false);
  c.status = 'wrapUp';
  c.wrapUpDeadline = s.now + q.config.wrapUpSeconds * 1000;
  a.engaged--;
  a.inWrapUp++;
  s.timers.schedule(c.wrapUpDeadline, 'wrapUp', c.id, c.seq);
  s.emit({ type: 'wrapUpStarted', contactId: c.id, agentId: a.config.id, deadline: c.wrapUpDeadline });
  syncState(s, a);
}

/** The contact is done with: free the agent's slot, learn its handle time, forget it. */
export function release(s: RoutingState, c: Contact, forced: boolean, rematch = true): void {
  const a = s.agents.get(c.agentId as string) as Agent;
  const q = s.queues.get(c.queueId);
  if (c.status === 'wrapUp') s.emit({ type: 'wrapUpEnded', contactId: c.id, agentId: a.config.id, forced });
  const handleMs = s.now - (c.connectedAt ?? s.now);
  if (q !== undefined) q.ahtMs = smoothedAht(q.ahtMs, handleMs);
  unhold(s, c, a);
  s.contacts.delete(c.id);
  a.lastActivityAt = s.now;
  s.emit({ type: 'contactReleased', contactId: c.id, agentId: a.config.id, queueId: c.queueId, handleMs });
  if (rematch) afterAgentChange(s, a);
}

/** Take a contact off its agent (load, counters); the caller decides where it goes. */
function unhold(s: RoutingState, c: Contact, a: Agent): void {
  addLoad(a.load, c.channel, s.exclusive.has(c.channel), -1);
  if (c.status === 'wrapUp') a.inWrapUp--;
  else a.engaged--;
  a.contacts.delete(c.id);
}
