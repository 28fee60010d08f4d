// Overflow steps of a waiting contact (R3): the queue's rules fire in order of `afterSeconds`
// since the contact entered the queue; each widens its requirements or moves it to another
// queue, after which it looks for an agent again.

import { route } from './matching.ts';
import type { Contact, Queue } from './model.ts';
import type { RoutingState } from './state.ts';
import { dequeue, derive, enqueue, unreserve } from './waitingList.ts';

/** At most this many overflow steps per contact per event (guards A→B→A rules with 0 s). */
const MAX_OVERFLOW_STEPS = 16;

/** When the contact's next rule in its queue falls due, or null (the timer is the caller's). */
export function nextOverflowAt(c: Contact, q: Queue): number | null {
  const rule = q.rules[c.overflowStage];
  return rule === undefined ? null : c.queueEnteredAt + rule.afterSeconds * 1000;
}

function scheduleIfLater(s: RoutingState, c: Contact): void {
  if (c.nextOverflowAt !== null && c.nextOverflowAt > s.now) s.timers.schedule(c.nextOverflowAt, 'overflow', c.id, c.seq);
}

export function scheduleOverflow(s: RoutingState, c: Contact): void {
  c.nextOverflowAt = nextOverflowAt(c, s.queues.get(c.queueId) as Queue);
  scheduleIfLater(s, c);
}

/** Whether an overflow step is already due for the contact. */
export function overflowDue(s: RoutingState, c: Contact): boolean {
  return c.nextOverflowAt !== null && c.nextOverflowAt <= s.now;
}

/** Apply every overflow rule that is due, then look for an agent. Waiting contacts only. */
export function overflow(s: RoutingState, c: Contact): void {
  for (let step = 0; step < MAX_OVERFLOW_STEPS && overflowDue(s, c); step++) {
    const from = s.queues.get(c.queueId) as Queue;
    const rule = from.rules[c.overflowStage];
    if (rule === undefined) break;
    if (c.stickyUntil !== null) unreserve(s, c);
    dequeue(s, c, from);
    let to = from;
    if (rule.action.kind === 'moveToQueue' && s.queues.has(rule.action.queueId)) {
      to = s.queues.get(rule.action.queueId) as Queue;
      c.queueId = to.config.id;
      c.channel = to.config.channel;
      c.queueEnteredAt = s.now;
      c.overflowStage = 0;
    } else {
      c.overflowStage++;
    }
    derive(s, c, to);
    enqueue(c, to);
    s.emit({ type: 'overflowApplied', contactId: c.id, fromQueueId: from.config.id, toQueueId: to.config.id, action: rule.action, requirements: c.requirements.map((r) => ({ ...r })) });
    c.nextOverflowAt = nextOverflowAt(c, to);
  }
  scheduleIfLater(s, c);
  route(s, c, true);
}

/** A contact that starts waiting again: overflow if a step is due, else look for an agent. */
export function overflowOrRoute(s: RoutingState, c: Contact, announce: boolean): void {
  if (overflowDue(s, c)) overflow(s, c);
  else route(s, c, announce);
}
