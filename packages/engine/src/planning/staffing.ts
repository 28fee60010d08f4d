// Required agents per interval for a service target: the smallest n meeting every given target
// (service level x % within T s, ASA, maximum abandonment) and the maximum occupancy, by Erlang C
// (infinite patience) or Erlang A (with patience). Then heads = ⌈n / (1 − shrinkage)⌉.
// Erlang C: search upwards from ⌊A⌋ + 1 updating Erlang B by its recursion (one step per agent), so
// a whole year of intervals is cheap. Erlang A: measures are monotone in n, so bisection.
import { erlangB } from './erlangB.ts';
import { erlangCMeasures, offeredLoad } from './erlang.ts';
import { erlangA } from './erlangA.ts';
import { scheduledHeads, type Shrinkage } from './shrinkage.ts';

export interface StaffingTarget {
  /** Wanted share answered within thresholdSeconds, e.g. 0.8. */
  serviceLevel?: number;
  /** Wanted maximum ASA, seconds. */
  asaSeconds?: number;
  /** Wanted maximum share abandoned (Erlang A only). */
  abandonment?: number;
}

export interface StaffingInput {
  model: 'C' | 'A';
  callsPerInterval: number;
  intervalSeconds: number;
  ahtSeconds: number;
  thresholdSeconds?: number;
  /** Mean patience, seconds (Erlang A). */
  patienceSeconds?: number;
  target: StaffingTarget;
  /** Upper bound for A_carried / n, e.g. 0.85. */
  maxOccupancy?: number;
  shrinkage?: Shrinkage;
}

/** The answer of the CLI and the staffing table; fields that do not apply are null. */
export interface StaffingResult {
  agents: number;
  scheduledAgents: number;
  serviceLevel: number | null;
  asa: number | null;
  waitProbability: number | null;
  occupancy: number | null;
  abandonment: number | null;
  blocking: number | null;
}

export interface Measures {
  serviceLevel: number;
  asa: number;
  waitProbability: number;
  occupancy: number;
  abandonment: number | null;
}

const MAX_AGENTS = 1_000_000;

function validate(input: StaffingInput): void {
  const t = input.target;
  if (t.serviceLevel === undefined && t.asaSeconds === undefined && t.abandonment === undefined) {
    throw new RangeError('give a target: service level, ASA or abandonment');
  }
  if (t.serviceLevel !== undefined && !(t.serviceLevel > 0 && t.serviceLevel < 1)) throw new RangeError('the service-level target must be in (0, 1)');
  if (t.asaSeconds !== undefined && !(t.asaSeconds > 0)) throw new RangeError('the ASA target must be > 0 seconds');
  if (t.abandonment !== undefined) {
    if (input.model !== 'A') throw new RangeError('an abandonment target needs Erlang A (patience)');
    if (!(t.abandonment > 0 && t.abandonment < 1)) throw new RangeError('the abandonment target must be in (0, 1)');
  }
  if (input.maxOccupancy !== undefined && !(input.maxOccupancy > 0 && input.maxOccupancy <= 1)) throw new RangeError('maximum occupancy must be in (0, 1]');
  if (input.model === 'A' && !(input.patienceSeconds! > 0)) throw new RangeError('Erlang A needs patience > 0 seconds');
}

function meets(m: Measures, input: StaffingInput): boolean {
  const t = input.target;
  const eps = 1e-12;
  return (
    (t.serviceLevel === undefined || m.serviceLevel >= t.serviceLevel - eps) &&
    (t.asaSeconds === undefined || m.asa <= t.asaSeconds + eps) &&
    (t.abandonment === undefined || (m.abandonment ?? 0) <= t.abandonment + eps) &&
    (input.maxOccupancy === undefined || m.occupancy <= input.maxOccupancy + eps)
  );
}

/** Measures of n agents under the input's model. */
export function measuresFor(input: StaffingInput, agents: number): Measures {
  const { callsPerInterval, intervalSeconds, ahtSeconds } = input;
  const threshold = input.thresholdSeconds ?? 0;
  if (input.model === 'A') {
    const r = erlangA({ callsPerInterval, intervalSeconds, ahtSeconds, agents, thresholdSeconds: threshold, patienceSeconds: input.patienceSeconds! });
    return { serviceLevel: r.serviceLevel, asa: r.asa, waitProbability: r.waitProbability, occupancy: r.occupancy, abandonment: r.abandonment };
  }
  const a = offeredLoad(callsPerInterval, intervalSeconds, ahtSeconds);
  return { ...erlangCMeasures(agents, a, ahtSeconds, threshold, erlangB(agents, a)), abandonment: null };
}

function result(input: StaffingInput, agents: number, m: Measures): StaffingResult {
  return {
    agents,
    scheduledAgents: scheduledHeads(agents, input.shrinkage),
    serviceLevel: m.serviceLevel,
    asa: Number.isFinite(m.asa) ? m.asa : null,
    waitProbability: m.waitProbability,
    occupancy: m.occupancy,
    abandonment: m.abandonment,
    blocking: null,
  };
}

/** The fewest agents meeting the targets, with the measures they achieve and heads to schedule. */
export function requiredAgents(input: StaffingInput): StaffingResult {
  validate(input);
  const a = offeredLoad(input.callsPerInterval, input.intervalSeconds, input.ahtSeconds);
  if (a === 0) return result(input, 0, measuresFor(input, 0));
  if (input.model === 'C') {
    const n = requiredAgentsC(a, input.ahtSeconds, input.thresholdSeconds ?? 0, input.target, input.maxOccupancy ?? 1);
    return result(input, n, measuresFor(input, n));
  }
  // Erlang A: find an upper bound by doubling, then bisect (the measures improve with n).
  let hi = Math.max(1, Math.ceil(a));
  while (!meets(measuresFor(input, hi), input)) {
    hi *= 2;
    if (hi > MAX_AGENTS) throw new RangeError('no staffing up to a million agents meets the target');
  }
  let lo = 0; // invariant: lo fails (or is 0), hi meets
  if (meets(measuresFor(input, 0), input)) hi = 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (meets(measuresFor(input, mid), input)) hi = mid;
    else lo = mid;
  }
  return result(input, hi, measuresFor(input, hi));
}

/**
 * Erlang C fast path: the fewest agents n > A with SL(T) ≥ target, ASA ≤ target, A/n ≤ maxOccupancy.
 * B(n) is carried from n − 1 by B(n) = A·B(n−1)/(n + A·B(n−1)).
 */
export function requiredAgentsC(erlangs: number, ahtSeconds: number, thresholdSeconds: number, target: StaffingTarget, maxOccupancy = 1): number {
  if (erlangs <= 0) return 0;
  let n = Math.floor(erlangs);
  let b = 1;
  for (let k = 1; k <= n; k++) b = (erlangs * b) / (k + erlangs * b);
  const minByOccupancy = Math.ceil(erlangs / maxOccupancy - 1e-9);
  const sl = target.serviceLevel;
  const asa = target.asaSeconds;
  for (;;) {
    n++;
    b = (erlangs * b) / (n + erlangs * b);
    if (n < minByOccupancy) continue;
    const pw = (n * b) / (n - erlangs * (1 - b));
    const spare = n - erlangs;
    if (sl !== undefined && 1 - pw * Math.exp((-spare * thresholdSeconds) / ahtSeconds) < sl - 1e-12) continue;
    if (asa !== undefined && (pw * ahtSeconds) / spare > asa + 1e-12) continue;
    return n;
  }
}

/** What-if table: each agent count in [fromAgents, toAgents] → SL, ASA, Pw, occupancy (and abandonment for Erlang A). */
export function whatIfTable(input: Omit<StaffingInput, 'target'>, fromAgents: number, toAgents: number): Array<{ agents: number; scheduledAgents: number } & Measures> {
  const rows: Array<{ agents: number; scheduledAgents: number } & Measures> = [];
  const full = { ...input, target: {} } as StaffingInput;
  for (let n = Math.max(0, fromAgents); n <= toAgents; n++) {
    rows.push({ agents: n, scheduledAgents: scheduledHeads(n, input.shrinkage), ...measuresFor(full, n) });
  }
  return rows;
}
