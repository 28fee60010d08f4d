// Firing the engine's deadlines (offer timeouts, forced wrap-up end, end of a sticky
// reservation, overflow steps) at their own time, before the event that comes after them.
// Entries are lazily deleted: one that no longer matches its contact is skipped.

import { release, withdrawOffer } from './contactEvents.ts';
import { route } from './matching.ts';
import type { Contact } from './model.ts';
import { overflow } from './overflow.ts';
import type { RoutingState } from './state.ts';
import type { TimerKind } from './timers.ts';
import { unreserve } from './waitingList.ts';

export function fireTimers(s: RoutingState, until: number): void {
  for (let at = s.timers.peekAt(); at <= until; at = s.timers.peekAt()) {
    const kind = s.timers.peekKind();
    const c = s.contacts.get(s.timers.peekContactId());
    s.timers.pop();
    if (c === undefined || !timerValid(c, kind, at)) continue;
    s.now = Math.max(s.now, at);
    switch (kind) {
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
    if (s.timers.size === 0) return null;
    const at = s.timers.peekAt();
    const c = s.contacts.get(s.timers.peekContactId());
    if (c !== undefined && timerValid(c, s.timers.peekKind(), at)) return at;
    s.timers.pop();
  }
}

function timerValid(c: Contact, kind: TimerKind, at: number): boolean {
  switch (kind) {
    case 'offer':
      return c.status === 'offered' && c.offerDeadline === at;
    case 'wrapUp':
      return c.status === 'wrapUp' && c.wrapUpDeadline === at;
    case 'sticky':
      return c.status === 'waiting' && c.stickyUntil === at;
    case 'overflow':
      return c.status === 'waiting' && c.nextOverflowAt === at;
  }
}
