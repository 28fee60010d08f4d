// Who can take work: queue membership, presence, free slots and the visible agent state.
// Each queue keeps the set of its members that could take one more of its contacts right now
// (`available`) and its staffed slots (EWT); these functions keep both in step with the agent.

import { derivedState, type AgentState, type NotReadyReason, type Presence } from './agentStates.ts';
import { capacityOf, fits } from './capacity.ts';
import type { Agent, Queue } from './model.ts';
import type { RoutingState } from './state.ts';

export function join(s: RoutingState, a: Agent, q: Queue): void {
  if (q.members.has(a)) return;
  q.members.add(a);
  a.memberOf.push(q);
  if (a.presence === 'ready') q.staffedSlots += capacityOf(a.config.capacity, s.options, q.config.channel);
}

export function leave(s: RoutingState, a: Agent, q: Queue): void {
  if (!q.members.delete(a)) return;
  a.memberOf.splice(a.memberOf.indexOf(q), 1);
  q.available.delete(a);
  if (a.presence === 'ready') q.staffedSlots -= capacityOf(a.config.capacity, s.options, q.config.channel);
}

export function setPresence(s: RoutingState, a: Agent, to: Presence, reason: NotReadyReason | null): void {
  if (a.presence !== to) {
    for (const q of a.memberOf) {
      const cap = capacityOf(a.config.capacity, s.options, q.config.channel);
      if (a.presence === 'ready') q.staffedSlots -= cap;
      if (to === 'ready') q.staffedSlots += cap;
    }
    if (to === 'ready' && a.load.total === 0) a.lastActivityAt = s.now;
  }
  a.presence = to;
  a.reason = reason;
}

/** Keep each queue's set of members with a free slot in step with the agent. */
export function refreshAvailability(s: RoutingState, a: Agent): void {
  for (const q of a.memberOf) {
    const ch = q.config.channel;
    if (a.presence === 'ready' && fits(a.load, ch, capacityOf(a.config.capacity, s.options, ch), s.exclusive.has(ch))) q.available.add(a);
    else q.available.delete(a);
  }
}

/** Emit agentStateChanged when the visible state (or the not-ready reason) changed. */
export function syncState(s: RoutingState, a: Agent): void {
  const next: AgentState = derivedState(a.presence, a.engaged, a.inWrapUp);
  const reason = next === 'notReady' ? a.reason : null;
  if (next === a.state && reason === a.shownReason) return;
  s.emit({ type: 'agentStateChanged', agentId: a.config.id, from: a.state, to: next, reason });
  a.state = next;
  a.stateSince = s.now;
  a.shownReason = reason;
}
