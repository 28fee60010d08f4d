/**
 * Callback tasks (A10): a customer to call back — after a missed call, or on request — with a
 * due time, an assignee and attempts until one reaches them. The rules of an attempt are here,
 * pure; the server stores what they decide.
 */
export const CALLBACK_STATUSES = ['open', 'done', 'failed', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** What happened when the operator called. */
export const ATTEMPT_OUTCOMES = ['reached', 'no_answer', 'busy', 'voicemail', 'wrong_number', 'refused'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export interface CallbackPolicy {
  /** Attempts before the task is given up (the customer could not be reached). */
  maxAttempts: number;
  /** When the next attempt is due after an unanswered one, unless the operator sets a time. */
  retryMinutes: number;
}

/** Three tries half an hour apart: the common practice for missed-call callbacks. */
export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = { maxAttempts: 3, retryMinutes: 30 };

export interface AttemptDecision {
  status: CallbackStatus;
  /** The next due time while the task stays open. */
  dueAt: Date | null;
  attempts: number;
}

/**
 * After an attempt: reached → done; a wrong number or a refusal → nothing more to try (failed);
 * no answer / busy / voicemail → try again at `retryAt` (or after the policy's pause), unless
 * that was the last allowed attempt.
 */
export function afterAttempt(
  attemptsBefore: number,
  outcome: AttemptOutcome,
  now: Date,
  policy: CallbackPolicy = DEFAULT_CALLBACK_POLICY,
  retryAt?: Date,
): AttemptDecision {
  const attempts = attemptsBefore + 1;
  if (outcome === 'reached') return { status: 'done', dueAt: null, attempts };
  if (outcome === 'wrong_number' || outcome === 'refused') return { status: 'failed', dueAt: null, attempts };
  if (attempts >= policy.maxAttempts) return { status: 'failed', dueAt: null, attempts };
  const due = retryAt && retryAt.getTime() > now.getTime() ? retryAt : new Date(now.getTime() + policy.retryMinutes * 60_000);
  return { status: 'open', dueAt: due, attempts };
}

/** Open tasks past their due time: what the floor sees in red. */
export const isOverdue = (status: CallbackStatus, dueAt: Date, now: Date) => status === 'open' && dueAt.getTime() < now.getTime();
