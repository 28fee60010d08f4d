// A simulation scenario (SPEC R6) as a typed JSON object: queues (the routing engine's own
// configuration), arrival streams per queue and interval, and groups of virtual agents with
// shifts and breaks. Times are seconds from the start of the simulated day.

import type { QueueConfig, RoutingOptions, Proficiency, SkillRequirement } from '../routing/index.ts';

export type Distribution =
  | { kind: 'exponential'; meanSeconds: number }
  /** Log-normal given by the mean and standard deviation of the time itself. */
  | { kind: 'logNormal'; meanSeconds: number; sdSeconds: number }
  | { kind: 'fixed'; seconds: number };

export interface ArrivalStream {
  queueId: string;
  /** Expected contacts per interval (Poisson); a number applies to every interval. */
  callsPerInterval: number[] | number;
  handleTime: Distribution;
  /** After-contact work; absent = none. Capped by the queue's wrapUpSeconds (the engine forces the end). */
  wrapUpTime?: Distribution;
  /** How long a customer waits before hanging up; absent = infinite patience. */
  patience?: Distribution;
  priority?: number;
  skills?: SkillRequirement[];
}

export interface Shift {
  startSeconds: number;
  endSeconds: number;
}

export interface Break {
  startSeconds: number;
  durationSeconds: number;
  reason: string;
}

export interface AgentGroup {
  /** Agents are named `${idPrefix}${n}`. */
  idPrefix: string;
  count: number;
  skills: Record<string, Proficiency>;
  queues: string[];
  capacity?: Record<string, number>;
  shifts: Shift[];
  breaks?: Break[];
  /** Time from offer to accept (ringing); 0 = at once. */
  answerDelaySeconds?: number;
}

export interface Scenario {
  seed: number;
  intervalSeconds: number;
  /** Arrivals are generated for this many intervals; the run continues until the last contact ends. */
  intervals: number;
  /** T of the service level ("answered within T seconds"). */
  serviceLevelSeconds: number;
  queues: QueueConfig[];
  arrivals: ArrivalStream[];
  agents: AgentGroup[];
  options?: Partial<RoutingOptions>;
  /** Intervals left out of the summary (the system starts empty). */
  warmupIntervals?: number;
}

/** Problems with a scenario, as messages (empty when it can run). */
export function scenarioProblems(s: Scenario): string[] {
  const problems: string[] = [];
  const queues = new Set(s.queues.map((q) => q.id));
  if (!(s.intervalSeconds > 0)) problems.push('intervalSeconds must be > 0');
  if (!(Number.isInteger(s.intervals) && s.intervals > 0)) problems.push('intervals must be a whole number > 0');
  for (const a of s.arrivals) {
    if (!queues.has(a.queueId)) problems.push(`arrivals: unknown queue ${a.queueId}`);
    const rates = typeof a.callsPerInterval === 'number' ? [a.callsPerInterval] : a.callsPerInterval;
    if (rates.some((r) => !(r >= 0))) problems.push(`arrivals for ${a.queueId}: calls per interval must be ≥ 0`);
  }
  for (const g of s.agents) {
    for (const q of g.queues) if (!queues.has(q)) problems.push(`agents ${g.idPrefix}: unknown queue ${q}`);
    for (const sh of g.shifts) if (!(sh.endSeconds > sh.startSeconds)) problems.push(`agents ${g.idPrefix}: a shift ends before it starts`);
  }
  return problems;
}
