// Configuration while running: queues and agents created, changed (skills, queues, capacity,
// rules) or removed. Waiting contacts are re-filed under new rules; agents re-join their queues.

import { join, leave, refreshAvailability } from './availability.ts';
import { capacityOf, emptyLoad } from './capacity.ts';
import { afterAgentChange, releaseSticky } from './matching.ts';
import type { Agent } from './model.ts';
import { overflowOrRoute, scheduleOverflow } from './overflow.ts';
import { rankedBefore } from './priority.ts';
import { NO_NEED, proficiencyVector } from './requirements.ts';
import { createQueue, setQueueConfig } from './queueState.ts';
import { refuse, type RoutingState } from './state.ts';
import type { AgentConfig, QueueConfig } from './types.ts';
import { validateAgent, validateQueue } from './validate.ts';
import { dequeue, derive, enqueue } from './waitingList.ts';

export function configureQueue(s: RoutingState, config: QueueConfig): void {
  const problem = validateQueue(config);
  if (problem !== null) refuse('invalid', problem);
  const cfg = structuredClone(config);
  let q = s.queues.get(cfg.id);
  if (q === undefined) {
    q = createQueue(cfg, (cfg.expectedHandleSeconds ?? 180) * 1000, 0, s.skills);
    s.queues.set(cfg.id, q);
    for (const a of s.agents.values()) if (a.config.queues.includes(cfg.id)) join(s, a, q);
    return;
  }
  // Take the waiting contacts out under the old order, then re-file them under the new rules.
  const waiting = [...q.waiting];
  for (const c of waiting) dequeue(s, c, q);
  setQueueConfig(q, cfg, s.skills);
  q.staffedSlots = 0;
  for (const a of q.members) {
    if (a.presence === 'ready') q.staffedSlots += capacityOf(a.config.capacity, s.options, cfg.channel);
    refreshAvailability(s, a);
  }
  for (const c of waiting) {
    c.channel = cfg.channel;
    c.overflowStage = Math.min(c.overflowStage, cfg.overflow.length);
    derive(s, c, q);
  }
  // (A sticky reservation ends here: the queue's rules changed under it.)
  for (const c of waiting) {
    enqueue(c, q);
    scheduleOverflow(s, c);
  }
  waiting.sort((x, y) => (rankedBefore(x, y) ? -1 : 1));
  for (const c of waiting) if (c.status === 'waiting') overflowOrRoute(s, c, false);
}

export function removeQueue(s: RoutingState, queueId: string): void {
  const q = s.queue(queueId);
  for (const c of s.contacts.values()) if (c.queueId === queueId) refuse('queueInUse', `queue ${queueId} still has contacts`);
  for (const a of q.members) {
    a.lastTurn.delete(queueId);
    leave(s, a, q);
  }
  s.queues.delete(queueId);
}

export function configureAgent(s: RoutingState, config: AgentConfig): void {
  const problem = validateAgent(config);
  if (problem !== null) refuse('invalid', problem);
  const cfg = structuredClone(config);
  const existing = s.agents.get(cfg.id);
  const a: Agent = existing ?? {
    config: cfg,
    prof: NO_NEED,
    presence: 'offline',
    reason: null,
    state: 'offline',
    shownReason: null,
    stateSince: s.now,
    lastActivityAt: s.now,
    load: emptyLoad(),
    engaged: 0,
    inWrapUp: 0,
    contacts: new Set(),
    lastTurn: new Map(),
    sticky: [],
    memberOf: [],
    availableAt: [],
  };
  if (existing === undefined) s.agents.set(cfg.id, a);
  for (const q of [...a.memberOf]) leave(s, a, q);
  a.config = cfg;
  a.prof = proficiencyVector(cfg.skills, s.skills);
  joinConfiguredQueues(s, a);
  if (existing !== undefined) afterAgentChange(s, a);
}

/** The agent joins every existing queue its configuration names. */
function joinConfiguredQueues(s: RoutingState, a: Agent): void {
  for (const qid of a.config.queues) {
    const q = s.queues.get(qid);
    if (q !== undefined) join(s, a, q);
  }
}

export function removeAgent(s: RoutingState, agentId: string): void {
  const a = s.agent(agentId);
  if (a.contacts.size > 0) refuse('agentBusy', `agent ${agentId} still holds contacts`);
  for (const q of [...a.memberOf]) leave(s, a, q);
  releaseSticky(s, a);
  s.agents.delete(agentId);
}
