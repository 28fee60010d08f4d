/**
 * Colour alerts of a queue on the wallboard (M1). A supervisor's rule of thumb, relative to the
 * queue's own service-level threshold T so one rule fits a 20-second voice queue and a 1-hour
 * e-mail queue:
 * - red: someone has waited over 3 × T, or today's service level is under 60 %;
 * - amber: someone has waited over T, today's service level is under 80 %, or contacts wait
 *   while no member is available.
 */
export type Alert = 'ok' | 'warn' | 'danger';

export interface QueueNow {
  serviceLevelSeconds: number;
  waiting: number;
  longestWaitSeconds: number;
  availableAgents: number;
  serviceLevelToday: number | null;
}

export const SL_TARGET_WARN = 0.8;
export const SL_TARGET_DANGER = 0.6;

export function queueAlert(q: QueueNow): Alert {
  const t = q.serviceLevelSeconds;
  if (q.longestWaitSeconds > 3 * t || (q.serviceLevelToday !== null && q.serviceLevelToday < SL_TARGET_DANGER)) return 'danger';
  if (q.longestWaitSeconds > t || (q.serviceLevelToday !== null && q.serviceLevelToday < SL_TARGET_WARN) || (q.waiting > 0 && q.availableAgents === 0)) return 'warn';
  return 'ok';
}
