// Pairing contacts with agents. The invariant after every event: no waiting contact and
// available agent could be paired.
//  push  a contact that starts waiting scans its queue's available members; the strategy picks.
//  pull  an agent that gains a free slot peeks the top of each heap of each of its queues and
//        takes the highest score, repeating while it has room.
// Neither scans all agents or all contacts. An offer takes the contact out of "waiting" and
// reserves the agent's slot, so no contact is offered twice and no agent beyond its capacity.

import { addLoad } from './capacity.ts';
import { isAvailable, refreshAvailability, syncState } from './availability.ts';
import type { Agent, Contact, ContactGroup, Queue } from './model.ts';
import { rankedBefore, scoreAt } from './priority.ts';
import { qualifies } from './requirements.ts';
import type { RoutingState } from './state.ts';
import { strategyComparer } from './strategies.ts';
import { dequeue, emitQueued, unreserve } from './waitingList.ts';

/** Push: offer a waiting contact to the best available agent of its queue, if any. */
export function route(s: RoutingState, c: Contact, announce: boolean): boolean {
  const q = s.queues.get(c.queueId) as Queue;
  let best: Agent | undefined;
  if (q.available.length > 0) {
    const better = strategyComparer(q.config.strategy, q, c, s.options);
    for (const a of q.available) {
      if (!qualifies(a.prof, c.need) || c.declinedBy.includes(a.config.id)) continue;
      if (best === undefined) best = a;
      else {
        const d = better(a, best);
        if (d < 0 || (d === 0 && a.config.id < best.config.id)) best = a;
      }
    }
  }
  if (best !== undefined) {
    offer(s, c, best);
    return true;
  }
  if (announce) emitQueued(s, c, q);
  return false;
}

/** Pull: while the agent has a free slot, take the highest-scoring contact it can serve. */
export function pull(s: RoutingState, a: Agent): void {
  while (a.presence === 'ready') {
    let best: Contact | undefined;
    let bestScore = -Infinity;
    for (const c of a.sticky) {
      const q = s.queues.get(c.queueId) as Queue;
      if (!isAvailable(a, q)) continue;
      const sc = scoreAt(c.rankKey, q.ratePerMs, s.now);
      if (best === undefined || sc > bestScore || (sc === bestScore && c.seq < best.seq)) {
        best = c;
        bestScore = sc;
      }
    }
    for (let k = 0; k < a.memberOf.length; k++) {
      const q = a.memberOf[k] as Queue;
      if (q.waiting.size === 0 || (a.availableAt[k] as number) < 0) continue;
      for (const g of q.groupList) {
        if (g.heap.size === 0 || !qualifies(a.prof, g.need)) continue;
        const c = topFor(g, a);
        if (c === undefined) continue;
        const sc = scoreAt(c.rankKey, q.ratePerMs, s.now);
        if (best === undefined || sc > bestScore || (sc === bestScore && c.seq < best.seq)) {
          best = c;
          bestScore = sc;
        }
      }
    }
    if (best === undefined) return;
    offer(s, best, a);
  }
}

/** The group's best contact that the agent has not declined (declines are rare: scan only then). */
function topFor(g: ContactGroup, a: Agent): Contact | undefined {
  const top = g.heap.peek() as Contact;
  if (top.declinedBy.length === 0 || !top.declinedBy.includes(a.config.id)) return top;
  let best: Contact | undefined;
  for (const c of g.heap.values()) {
    if (c.declinedBy.includes(a.config.id)) continue;
    if (best === undefined || rankedBefore(c, best)) best = c;
  }
  return best;
}

/** Offer a waiting contact to an agent with a free slot (auto-accept queues connect at once). */
export function offer(s: RoutingState, c: Contact, a: Agent): void {
  const q = s.queues.get(c.queueId) as Queue;
  dequeue(s, c, q);
  c.status = 'offered';
  c.agentId = a.config.id;
  addLoad(a.load, c.channel, s.exclusive.has(c.channel), 1);
  a.engaged++;
  a.contacts.add(c.id);
  a.lastActivityAt = s.now;
  a.lastTurn.set(q.config.id, ++q.turn);
  const auto = q.config.autoAccept === true;
  c.offerDeadline = auto ? null : s.now + q.config.offerTimeoutSeconds * 1000;
  s.emit({ type: 'offer', contactId: c.id, agentId: a.config.id, queueId: q.config.id, deadline: c.offerDeadline, autoAccept: auto, waitedMs: s.now - c.arrivedAt });
  if (auto) {
    c.status = 'connected';
    c.connectedAt = s.now;
    s.emit({ type: 'contactConnected', contactId: c.id, agentId: a.config.id, queueId: q.config.id });
  } else {
    s.timers.schedule(c.offerDeadline as number, 'offer', c.id, c.seq);
  }
  refreshAvailability(s, a);
  syncState(s, a);
}

/** After anything that may free the agent or change what it can take: update, then pull. */
export function afterAgentChange(s: RoutingState, a: Agent): void {
  refreshAvailability(s, a);
  syncState(s, a);
  pull(s, a);
}

/** The agent left: the contacts reserved for it are routed to everybody. */
export function releaseSticky(s: RoutingState, a: Agent): void {
  for (const c of [...a.sticky]) {
    unreserve(s, c);
    route(s, c, false);
  }
}
