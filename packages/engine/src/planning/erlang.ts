// Erlang C (M/M/n, infinite patience, FCFS). Computed through Erlang B, never factorials:
//   A = λ·AHT (offered load, Erlangs), Pw = n·B(n,A) / (n − A·(1 − B(n,A)))        (Cooper §3.5)
//   SL(T) = P(wait ≤ T) = 1 − Pw · e^(−(n − A)·T/AHT)
//   ASA = Pw · AHT / (n − A),  occupancy = A / n
// With n ≤ A the queue is unstable: Pw = 1, SL = 0, ASA = ∞, occupancy = 1.
import { erlangB } from './erlangB.ts';

export { erlangB, erlangBLines } from './erlangB.ts';

export interface ErlangCInput {
  callsPerInterval: number;
  intervalSeconds: number;
  ahtSeconds: number;
  agents: number;
  /** T of "x % answered within T seconds". */
  thresholdSeconds: number;
}

export interface ErlangCResult {
  /** P(wait ≤ T) over all calls. */
  serviceLevel: number;
  /** P(wait > 0) (Pw, the Erlang C formula). */
  waitProbability: number;
  /** Average speed of answer, seconds, over all calls (those not waiting count 0). ∞ when n ≤ A. */
  asa: number;
  /** A / n, at most 1. */
  occupancy: number;
}

/** Offered load in Erlangs: A = λ · AHT. */
export function offeredLoad(callsPerInterval: number, intervalSeconds: number, ahtSeconds: number): number {
  if (!(callsPerInterval >= 0) || !(intervalSeconds > 0) || !(ahtSeconds > 0)) {
    throw new RangeError('calls must be ≥ 0, interval and AHT > 0');
  }
  return (callsPerInterval * ahtSeconds) / intervalSeconds;
}

/** Pw from the Erlang B value: n·B / (n − A(1 − B)); 1 when n ≤ A. */
export function erlangCFromB(agents: number, erlangs: number, b: number): number {
  if (agents <= erlangs) return 1;
  return (agents * b) / (agents - erlangs * (1 - b));
}

/** The Erlang C wait probability Pw(n, A). */
export function erlangCWaitProbability(agents: number, erlangs: number): number {
  return erlangCFromB(agents, erlangs, erlangB(agents, erlangs));
}

/** Service level, wait probability, ASA and occupancy of `agents` agents (Erlang C). */
export function erlangC(input: ErlangCInput): ErlangCResult {
  const { callsPerInterval, intervalSeconds, ahtSeconds, agents, thresholdSeconds } = input;
  if (!(thresholdSeconds >= 0)) throw new RangeError('threshold must be ≥ 0');
  const a = offeredLoad(callsPerInterval, intervalSeconds, ahtSeconds);
  return erlangCMeasures(agents, a, ahtSeconds, thresholdSeconds, erlangB(agents, a));
}

/** The measures from n, A and B(n, A) (the staffing search updates B incrementally). */
export function erlangCMeasures(agents: number, erlangs: number, ahtSeconds: number, thresholdSeconds: number, b: number): ErlangCResult {
  if (erlangs === 0) return { serviceLevel: 1, waitProbability: 0, asa: 0, occupancy: 0 };
  if (agents <= erlangs) return { serviceLevel: 0, waitProbability: 1, asa: Infinity, occupancy: 1 };
  const pw = erlangCFromB(agents, erlangs, b);
  const spare = agents - erlangs;
  return {
    serviceLevel: 1 - pw * Math.exp((-spare * thresholdSeconds) / ahtSeconds),
    waitProbability: pw,
    asa: (pw * ahtSeconds) / spare,
    occupancy: erlangs / agents,
  };
}
