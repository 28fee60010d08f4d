// After a restore: rebuild every index (memberships, heaps, loads, timers) from the facts a
// snapshot holds, and — on the next event — pair whatever the rebuilt state leaves unpaired.

import { join, refreshAvailability } from './availability.ts';
import { addLoad } from './capacity.ts';
import { pull, route } from './matching.ts';
import type { Agent, Queue } from './model.ts';
import { nextOverflowAt } from './overflow.ts';
import type { RoutingState } from './state.ts';
import { derive, enqueue, reserve } from './waitingList.ts';

export function restoreIndexes(s: RoutingState): void {
  for (const q of s.queues.values()) {
    q.staffedSlots = 0;
    for (const a of s.agents.values()) if (a.config.queues.includes(q.config.id)) join(s, a, q);
  }
  const contacts = [...s.contacts.values()].sort((x, y) => x.seq - y.seq);
  for (const c of contacts) {
    const q = s.queues.get(c.queueId) as Queue;
    derive(s, c, q);
    c.nextOverflowAt = nextOverflowAt(c, q);
    if (c.status === 'waiting') {
      if (c.stickyUntil !== null) reserve(s, c, q, s.agents.get(c.lastAgentId as string) as Agent, c.stickyUntil);
      else enqueue(c, q);
      if (c.nextOverflowAt !== null) s.timers.schedule(c.nextOverflowAt, 'overflow', c.id, c.seq);
      continue;
    }
    const a = s.agents.get(c.agentId as string) as Agent;
    addLoad(a.load, c.channel, s.exclusive.has(c.channel), 1);
    a.contacts.add(c.id);
    if (c.status === 'wrapUp') {
      a.inWrapUp++;
      s.timers.schedule(c.wrapUpDeadline as number, 'wrapUp', c.id, c.seq);
    } else {
      a.engaged++;
      if (c.status === 'offered' && c.offerDeadline !== null) s.timers.schedule(c.offerDeadline, 'offer', c.id, c.seq);
    }
  }
  for (const a of s.agents.values()) refreshAvailability(s, a);
}

/** Pair everything that can be paired (after restore from a snapshot built outside the engine). */
export function settle(s: RoutingState): void {
  const waiting = [...s.contacts.values()].filter((c) => c.status === 'waiting' && c.stickyUntil === null).sort((x, y) => x.seq - y.seq);
  for (const c of waiting) if (c.status === 'waiting') route(s, c, false);
  const agents = [...s.agents.values()].sort((x, y) => (x.config.id < y.config.id ? -1 : 1));
  for (const a of agents) pull(s, a);
}
