// Agent states (SPEC R2) and which changes an agent (or supervisor) may ask for.
//
// The engine keeps two things apart:
//  * presence — what the agent chose: ready, not ready (with a reason) or offline;
//  * work — the contacts the agent holds (offered, connected, in wrap-up).
// The state everybody sees is derived from both: work wins over presence, so an agent who asks
// for a break during a call stays "on contact" and goes "not ready: break" when the call and its
// wrap-up are over (the usual "pending not ready" of an ACD).

export type Presence = 'ready' | 'notReady' | 'offline';
export type AgentState = 'offline' | 'ready' | 'notReady' | 'onContact' | 'wrapUp';
export const AGENT_STATES: readonly AgentState[] = ['offline', 'ready', 'notReady', 'onContact', 'wrapUp'];

/** Reason codes of "not ready" that every tenant has; tenants add their own (any other string). */
export const STANDARD_NOT_READY_REASONS = ['break', 'lunch', 'training', 'meeting', 'technical', 'noAnswer'] as const;
export type StandardNotReadyReason = (typeof STANDARD_NOT_READY_REASONS)[number];
/** A reason code: a standard one or a tenant's own. */
export type NotReadyReason = StandardNotReadyReason | (string & {});
/** Set by the engine when an agent lets an offer time out (R3 "re-route on no answer with automatic not-ready"). */
export const NO_ANSWER: NotReadyReason = 'noAnswer';

/** The state shown to people: work first, then presence. */
export function derivedState(presence: Presence, offeredOrConnected: number, inWrapUp: number): AgentState {
  if (offeredOrConnected > 0) return 'onContact';
  if (inWrapUp > 0) return 'wrapUp';
  return presence;
}

/**
 * Presence changes that may be asked for in each state. "offline" with contacts in hand needs
 * `force` (a supervisor, or the server when the agent's last connection has been gone too long):
 * an agent does not log out in the middle of a call by accident. In wrap-up, ready/not ready
 * end the wrap-up at once. Asking for the state one is in is refused too, so a client's stale
 * view shows up as a 409 rather than a silent no-op — except changing the not-ready reason.
 */
const ALLOWED: Record<AgentState, readonly Presence[]> = {
  offline: ['ready', 'notReady'],
  ready: ['notReady', 'offline'],
  notReady: ['ready', 'notReady', 'offline'],
  onContact: ['ready', 'notReady'],
  wrapUp: ['ready', 'notReady'],
};

/** The presence changes allowed from `state` (without force). */
export function allowedTransitions(state: AgentState): readonly Presence[] {
  return ALLOWED[state];
}

/** Whether `to` may be requested in `state`; `force` also allows offline from any state. */
export function isAllowedTransition(state: AgentState, to: Presence, force = false): boolean {
  if (force && to === 'offline') return state !== 'offline';
  return ALLOWED[state].includes(to);
}
