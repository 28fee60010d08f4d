// Choosing one agent among several who could take a contact (R3). Each strategy is an order on
// candidates; the engine scans the queue's available members (only those with a free slot, so
// the scan is short exactly when contacts wait) and keeps the best.
//
//  longestIdle      fully free agents first, then the one whose last activity (became ready,
//                   got or finished work) is oldest — the classic UCD of ACDs.
//  leastOccupied    lowest share of capacity in use on the contact's channel, then longest idle
//                   (spreads chats: 0/3 before 1/3 before 2/3).
//  roundRobin       the member who was offered a contact from this queue longest ago (never
//                   offered first): a rotation that survives members joining and leaving.
// Every tie is broken by agent id, so a decision never depends on the order of a Set (and an
// engine restored from a snapshot decides exactly as the original would have).
//  bestProficiency  highest sum of proficiency in the contact's required skills, then longest idle.
//  stickyLastAgent  the customer's last agent (handled by the engine: the contact waits for that
//                   agent up to stickySeconds); otherwise the queue's fallback strategy.

import { capacityOf, occupancyOn } from './capacity.ts';
import type { Agent, Contact, Queue } from './model.ts';
import { compiledProficiencyScore, proficiencyScore } from './requirements.ts';
import type { RoutingOptions, Strategy } from './types.ts';

export type Comparer = (a: Agent, b: Agent) => number;

function longestIdle(a: Agent, b: Agent): number {
  const busyA = a.load.total > 0 ? 1 : 0;
  const busyB = b.load.total > 0 ? 1 : 0;
  return busyA - busyB || a.lastActivityAt - b.lastActivityAt;
}

/** A comparer: negative when `a` should get the contact before `b`. Ties keep the first seen. */
export function strategyComparer(strategy: Strategy, queue: Queue, contact: Contact, options: RoutingOptions): Comparer {
  const effective = strategy === 'stickyLastAgent' ? (queue.config.fallbackStrategy ?? 'longestIdle') : strategy;
  switch (effective) {
    case 'longestIdle':
      return longestIdle;
    case 'leastOccupied': {
      const ch = contact.channel;
      return (a, b) =>
        occupancyOn(a.load, ch, capacityOf(a.config.capacity, options, ch)) - occupancyOn(b.load, ch, capacityOf(b.config.capacity, options, ch)) ||
        a.load.total - b.load.total ||
        longestIdle(a, b);
    }
    case 'roundRobin': {
      const q = queue.config.id;
      return (a, b) => (a.lastTurn.get(q) ?? 0) - (b.lastTurn.get(q) ?? 0);
    }
    case 'bestProficiency': {
      const need = contact.need;
      if (contact.requirements.length > 0) return (a, b) => compiledProficiencyScore(b.prof, need) - compiledProficiencyScore(a.prof, need) || longestIdle(a, b);
      const reqs = contact.requirements.length > 0 ? contact.requirements : queue.config.skills;
      return (a, b) => proficiencyScore(b.config.skills, reqs) - proficiencyScore(a.config.skills, reqs) || longestIdle(a, b);
    }
  }
}
