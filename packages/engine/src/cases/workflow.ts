// Case types and their status workflows: which statuses exist, which moves are legal, which
// statuses stop the SLA clock, and what a case must have before it may be resolved.

export const CASE_TYPES = ['information', 'order', 'support', 'complaint', 'incident', 'service_request'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = ['new', 'in_progress', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What a case has, for the conditions some transitions carry. */
export interface CaseFacts {
  /** A complaint's decision is recorded. */
  decision: boolean;
  /** A complaint's answer to the customer is recorded as sent. */
  answerSent: boolean;
}

export type Requirement = keyof CaseFacts;

export interface Workflow {
  transitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>>;
  /** Statuses in which the resolution clock stands still. */
  pausing: readonly CaseStatus[];
  /** Conditions to enter a status. */
  requires: Partial<Record<CaseStatus, readonly Requirement[]>>;
}

/**
 * The default: new → in progress → waiting for the customer / a third party → resolved → closed,
 * with reopen from resolved and closed. Waiting for the customer pauses the SLA (the delay is
 * theirs); waiting for a third party does not (the center answers for its contractors). A resolved
 * case waits for confirmation, so its clock stands still too; a reopen restarts it.
 */
const DEFAULT: Workflow = {
  transitions: {
    new: ['in_progress', 'waiting_customer', 'waiting_third_party', 'resolved'],
    in_progress: ['waiting_customer', 'waiting_third_party', 'resolved'],
    waiting_customer: ['in_progress', 'resolved'],
    waiting_third_party: ['in_progress', 'resolved'],
    resolved: ['closed', 'in_progress'],
    closed: ['in_progress'],
  },
  pausing: ['waiting_customer', 'resolved', 'closed'],
  requires: {},
};

/**
 * Per-type differences. A complaint (претензия) is a legal claim: it cannot be resolved on the
 * spot, only after a decision is taken and the answer sent to the customer; a closed complaint is
 * not reopened (a new claim is a new case). An information request is usually answered at once.
 */
export const WORKFLOWS: Readonly<Record<CaseType, Workflow>> = {
  information: DEFAULT,
  order: DEFAULT,
  support: DEFAULT,
  incident: DEFAULT,
  service_request: DEFAULT,
  complaint: {
    ...DEFAULT,
    transitions: {
      ...DEFAULT.transitions,
      new: ['in_progress', 'waiting_customer', 'waiting_third_party'],
      closed: [],
    },
    requires: { resolved: ['decision', 'answerSent'] },
  },
};

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'illegal'; allowed: CaseStatus[] }
  | { ok: false; reason: 'requirements'; missing: Requirement[]; allowed: CaseStatus[] };

/** Statuses reachable from `from` now, conditions included. */
export function allowedCaseTransitions(type: CaseType, from: CaseStatus, facts: CaseFacts): CaseStatus[] {
  const w = WORKFLOWS[type];
  return w.transitions[from].filter((to) => (w.requires[to] ?? []).every((r) => facts[r]));
}

/** Whether `from → to` is legal for this case; an illegal move names what is allowed instead. */
export function checkCaseTransition(type: CaseType, from: CaseStatus, to: CaseStatus, facts: CaseFacts): TransitionCheck {
  const w = WORKFLOWS[type];
  const allowed = allowedCaseTransitions(type, from, facts);
  if (!w.transitions[from].includes(to)) return { ok: false, reason: 'illegal', allowed };
  const missing = (w.requires[to] ?? []).filter((r) => !facts[r]);
  if (missing.length > 0) return { ok: false, reason: 'requirements', missing, allowed };
  return { ok: true };
}

export const isPausing = (type: CaseType, status: CaseStatus) => WORKFLOWS[type].pausing.includes(status);
export const isOpenStatus = (status: CaseStatus) => status !== 'resolved' && status !== 'closed';
