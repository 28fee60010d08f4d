// Assigning sampled evaluations to quality specialists (SPEC Q2) with due dates, balancing the
// workload. Each item goes to the eligible specialist who would finish it earliest, counting
// their open evaluations, their daily capacity and when they are available — greedy "earliest
// finish time" list scheduling, which for equal-sized jobs gives the smallest possible makespan.

export interface QualitySpecialist {
  id: string;
  /** Evaluations a day this specialist can do (0: not available for new work). */
  capacityPerDay: number;
  /** Evaluations already assigned and not submitted. */
  openEvaluations: number;
  /** Away until this time (ms), e.g. back from leave; default: available now. */
  availableFrom?: number;
  /** Hotlines the specialist may evaluate (default: all). */
  hotlineIds?: readonly string[];
}

export interface QualityAssignItem {
  contactId: string;
  agentId: string;
  hotlineId?: string;
}

export interface QualityAssignment {
  contactId: string;
  specialistId: string;
  /** The end of the working day (start + whole days) by which the item is reached in the specialist's queue. */
  dueAt: number;
  /** dueAt is after the plan's deadline. */
  late: boolean;
}

export interface QualityAssignOptions {
  now: number;
  /** Latest acceptable due time (ms); later items are still assigned but marked late. */
  deadline?: number;
}

export interface QualityAssignResult {
  assignments: QualityAssignment[];
  /** Items no specialist may take (wrong hotline, the only specialist is the agent, no capacity). */
  unassigned: string[];
  load: { specialistId: string; open: number; assigned: number; daysOfWork: number }[];
}

const DAY_MS = 86_400_000;

export function assignQualityEvaluations(items: readonly QualityAssignItem[], specialists: readonly QualitySpecialist[], options: QualityAssignOptions): QualityAssignResult {
  const state = specialists.filter((s) => s.capacityPerDay > 0).map((s) => ({ s, start: Math.max(options.now, s.availableFrom ?? options.now), queued: s.openEvaluations, assigned: 0 }));
  const finish = (x: (typeof state)[number], extra: number) => x.start + ((x.queued + extra) / x.s.capacityPerDay) * DAY_MS;
  const assignments: QualityAssignment[] = [];
  const unassigned: string[] = [];
  for (const item of items) {
    let best: (typeof state)[number] | undefined;
    for (const x of state) {
      if (x.s.id === item.agentId) continue; // nobody evaluates their own contacts
      if (item.hotlineId !== undefined && x.s.hotlineIds && !x.s.hotlineIds.includes(item.hotlineId)) continue;
      if (!best || finish(x, 1) < finish(best, 1) || (finish(x, 1) === finish(best, 1) && x.s.id < best.s.id)) best = x;
    }
    if (!best) {
      unassigned.push(item.contactId);
      continue;
    }
    best.queued++;
    best.assigned++;
    const dueAt = best.start + Math.ceil(best.queued / best.s.capacityPerDay) * DAY_MS;
    assignments.push({ contactId: item.contactId, specialistId: best.s.id, dueAt, late: options.deadline !== undefined && dueAt > options.deadline });
  }
  const load = state.map((x) => ({ specialistId: x.s.id, open: x.s.openEvaluations, assigned: x.assigned, daysOfWork: x.queued / x.s.capacityPerDay }));
  return { assignments, unassigned, load };
}
