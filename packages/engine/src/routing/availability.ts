// Who can take work: queue membership, presence, free slots and the visible agent state.
// Each queue keeps the list of its members that could take one more of its contacts right now
// (`available`; each agent knows its index there, per queue, so no set lookups) and its
// staffed slots (EWT); these functions keep both in step with the agent.

import { derivedState, type AgentState, type NotReadyReason, type Presence } from './agentStates.ts';
import { capacityOf, fits } from './capacity.ts';
import type { Agent, Queue } from './model.ts';
import type { RoutingState } from './state.ts';

export function join(s: RoutingState, a: Agent, q: Queue): void {
  if (q.members.has(a)) return;
  q.members.add(a);
  a.memberOf.push(q);
  a.availableAt.push(-1);
  if (a.presence === 'ready') q.staffedSlots += capacityOf(a.config.capacity, s.options, q.config.channel);
}

export function leave(s: RoutingState, a: Agent, q: Queue): void {
  if (!q.members.delete(a)) return;
  const k = a.memberOf.indexOf(q);
  markAvailable(a, k, q, false);
  a.memberOf.splice(k, 1);
  a.availableAt.splice(k, 1);
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
  const ready = a.presence === 'ready';
  for (let k = 0; k < a.memberOf.length; k++) {
    const q = a.memberOf[k] as Queue;
    const ch = q.config.channel;
    markAvailable(a, k, q, ready && fits(a.load, ch, capacityOf(a.config.capacity, s.options, ch), s.exclusive.has(ch)));
  }
}

/** Whether the agent is in q's `available` list. */
export function isAvailable(a: Agent, q: Queue): boolean {
  const k = a.memberOf.indexOf(q);
  return k >= 0 && (a.availableAt[k] as number) >= 0;
}

/**
 * Put the agent in or out of the `available` list of q, its k-th queue. The list is unordered
 * (the strategies order candidates, ties by id), so removal swaps the last agent into the hole.
 */
function markAvailable(a: Agent, k: number, q: Queue, on: boolean): void {
  const at = a.availableAt[k] as number;
  if (on === at >= 0) return;
  const list = q.available;
  if (on) {
    a.availableAt[k] = list.length;
    list.push(a);
    return;
  }
  const last = list.pop() as Agent;
  if (last !== a) {
    list[at] = last;
    last.availableAt[last.memberOf.indexOf(q)] = at;
  }
  a.availableAt[k] = -1;
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
