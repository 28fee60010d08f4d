// An agent asks for a presence (ready, not ready with a reason, offline; `force` for a
// supervisor). Work wins over presence: a not-ready asked for during a contact waits until the
// agent's contacts are over; offline with contacts in hand needs `force`.

import { allowedTransitions, isAllowedTransition, type NotReadyReason, type Presence } from './agentStates.ts';
import { refreshAvailability, setPresence } from './availability.ts';
import { release, withdrawOffer } from './contactEvents.ts';
import { afterAgentChange, releaseSticky } from './matching.ts';
import type { Contact } from './model.ts';
import { Refusal, refuse, type RoutingState } from './state.ts';

export function agentStateRequested(s: RoutingState, agentId: string, to: Presence, reason: NotReadyReason | undefined, force: boolean): void {
  const a = s.agent(agentId);
  if (!isAllowedTransition(a.state, to, force) || (to === 'notReady' && a.state === 'notReady' && reason === a.reason)) {
    const allowed = allowedTransitions(a.state);
    throw new Refusal({
      code: 'illegalTransition',
      agentId,
      from: a.state,
      to,
      allowed,
      message: `agent ${agentId} is ${to === a.state ? 'already ' : ''}${a.state}${to === a.state && a.reason ? ` (${a.reason})` : ''}; allowed: ${allowed.join(', ') || 'none'}`,
    });
  }
  if (to === 'notReady' && (reason === undefined || reason === '')) refuse('invalid', 'not ready needs a reason code');
  if (to === 'offline') {
    // Leave first, so withdrawn offers are not offered straight back.
    setPresence(s, a, 'offline', null);
    refreshAvailability(s, a);
  }
  // Ending wrap-up early, or leaving by force: finish what blocks the new state.
  for (const id of [...a.contacts]) {
    const c = s.contacts.get(id) as Contact;
    if (c.status === 'wrapUp' && (a.state === 'wrapUp' || to === 'offline')) release(s, c, false, false);
    else if (c.status === 'offered' && to === 'offline') withdrawOffer(s, c, 'agentOffline', false);
  }
  setPresence(s, a, to, to === 'notReady' ? (reason as string) : null);
  if (to === 'offline') releaseSticky(s, a);
  afterAgentChange(s, a);
}
