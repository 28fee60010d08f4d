// Firing the engine's deadlines (offer timeouts, forced wrap-up end, end of a sticky
// reservation, overflow steps) at their own time, before the event that comes after them.
// Entries are lazily deleted: one that no longer matches its contact is skipped.

import { release, withdrawOffer } from './contactEvents.ts';
import { route } from './matching.ts';
import type { Contact } from './model.ts';
import { overflow } from './overflow.ts';
import type { RoutingState } from './state.ts';
import type { Timer } from './timers.ts';
import { unreserve } from './waitingList.ts';

export function fireTimers(s: RoutingState, until: number): void {
  for (let t = s.timers.peek(); t !== undefined && t.at <= until; t = s.timers.peek()) {
    s.timers.pop();
    if (!timerValid(s, t)) continue;
    s.now = Math.max(s.now, t.at);
    const c = s.contacts.get(t.contactId) as Contact;
    switch (t.kind) {
      case 'offer':
        withdrawOffer(s, c, 'timeout');
        break;
      case 'wrapUp':
        release(s, c, true);
        break;
      case 'sticky':
        unreserve(s, c);
        route(s, c, false);
        break;
      case 'overflow':
        overflow(s, c);
        break;
    }
  }
}

/** The earliest pending deadline (stale entries are dropped on the way), or null. */
export function nextDeadline(s: RoutingState): number | null {
  for (;;) {
    const t = s.timers.peek();
    if (t === undefined) return null;
    if (timerValid(s, t)) return t.at;
    s.timers.pop();
  }
}

function timerValid(s: RoutingState, t: Timer): boolean {
  const c = s.contacts.get(t.contactId);
  if (c === undefined) return false;
  switch (t.kind) {
    case 'offer':
      return c.status === 'offered' && c.offerDeadline === t.at;
    case 'wrapUp':
      return c.status === 'wrapUp' && c.wrapUpDeadline === t.at;
    case 'sticky':
      return c.status === 'waiting' && c.stickyUntil === t.at;
    case 'overflow':
      return c.status === 'waiting' && c.nextOverflowAt === t.at;
  }
}
