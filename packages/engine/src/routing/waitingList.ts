// Filing waiting contacts: each queue groups its waiting contacts by identical requirements,
// one indexed heap per group (best first), plus one list of all of them in service order for
// positions. A sticky-reserved contact is in the list but in no heap: only its last agent sees it.

import type { Agent, Contact, Queue } from './model.ts';
import { IndexedHeap } from './heap.ts';
import { expectedWaitMs } from './ewt.ts';
import { rankKey, rankedBefore } from './priority.ts';
import { compileRequirements, requirementsAt, signature } from './requirements.ts';
import type { RoutingState } from './state.ts';

/** Requirements and heap key of a contact in queue q (after its overflow stage). */
export function derive(s: RoutingState, c: Contact, q: Queue): void {
  const stage = q.stageRequirements[Math.min(c.overflowStage, q.stageRequirements.length - 1)];
  if (c.extraSkills.length === 0 && stage !== undefined) {
    c.requirements = stage.requirements;
    c.need = stage.need;
    c.signature = stage.signature;
  } else {
    c.requirements = requirementsAt(q.config, c.extraSkills, c.overflowStage);
    c.need = compileRequirements(c.requirements, s.skills);
    c.signature = signature(c.requirements);
  }
  c.rankKey = rankKey(q.config.priority, c.priority, q.ratePerMs, c.arrivedAt);
}

export function enqueue(c: Contact, q: Queue): void {
  const sig = c.signature;
  let g = q.groups.get(sig);
  if (g === undefined) {
    g = { signature: sig, requirements: c.requirements, need: c.need, heap: new IndexedHeap<Contact>(rankedBefore) };
    q.groups.set(sig, g);
    q.groupList.push(g);
  }
  g.heap.push(c);
  c.group = g;
  q.waiting.add(c);
}

export function dequeue(s: RoutingState, c: Contact, q: Queue): void {
  if (c.stickyUntil !== null) {
    const a = s.agents.get(c.lastAgentId as string);
    if (a !== undefined) a.sticky.splice(a.sticky.indexOf(c), 1);
    c.stickyUntil = null;
  }
  const g = c.group;
  if (g !== null) {
    g.heap.remove(c);
    if (g.heap.size === 0) {
      q.groups.delete(g.signature);
      q.groupList.splice(q.groupList.indexOf(g), 1);
    }
    c.group = null;
  }
  q.waiting.delete(c);
}

/** Hold a waiting contact for its last agent only, until `until`. */
export function reserve(s: RoutingState, c: Contact, q: Queue, a: Agent, until: number): void {
  c.stickyUntil = until;
  q.waiting.add(c);
  a.sticky.push(c);
  s.timers.schedule(until, 'sticky', c.id, c.seq);
}

/** End a sticky reservation: the contact joins its queue's heap for everybody. */
export function unreserve(s: RoutingState, c: Contact): void {
  const a = s.agents.get(c.lastAgentId as string);
  if (a !== undefined) {
    const i = a.sticky.indexOf(c);
    if (i >= 0) a.sticky.splice(i, 1);
  }
  c.stickyUntil = null;
  const q = s.queues.get(c.queueId) as Queue;
  q.waiting.delete(c);
  enqueue(c, q);
}

/** 1 + contacts of the same queue ahead (same aging rate, so the order is fixed). O(log n). */
export function positionOf(c: Contact, q: Queue): number {
  return q.waiting.position(c);
}

export function emitQueued(s: RoutingState, c: Contact, q: Queue): void {
  const position = positionOf(c, q);
  s.emit({ type: 'contactQueued', contactId: c.id, queueId: q.config.id, position, ewtMs: expectedWaitMs(position, q.ahtMs, q.staffedSlots) });
}
