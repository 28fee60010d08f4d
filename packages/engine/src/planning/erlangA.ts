// Erlang A (M/M/n+M, Palm 1943): Poisson arrivals λ, exponential service μ = 1/AHT, exponential patience
// θ = 1/patience, FCFS. Closed forms after Garnett, Mandelbaum & Reiman (2002), "Designing a call center with
// impatient customers", MSOM 4(3):208–227, and Mandelbaum & Zeltyn (2007), "The Palm/Erlang-A queue":
//   x = nμ/θ, y = λ/θ, ρ = λ/(nμ), E = Erlang B(n, λ/μ), 𝒜(x,y) = x·e^y·y^(−x)·γ(x,y)
//   P(W>0)        = 𝒜E / (1 + (𝒜 − 1)E)
//   P(Ab)         = P(W>0) · (1/(ρ𝒜) + 1 − 1/ρ)
//   P(V>t)        = P(W>0) · γ(x, y·e^(−θt)) / γ(x, y)         (V: offered wait, the wait of an infinitely patient call)
//   P(served, V>t)= P(W>0) · γ(x+1, y·e^(−θt)) / (y·γ(x, y))
// The last two follow from V | j waiting ahead = Σ_{i=0..j} Exp(nμ + iθ) summed over the stationary queue
// (derivation in docs/PLANNING.md). All in log space: stable to thousands of Erlangs.
import { lnInverseErlangBMinusOne } from './erlangB.ts';
import { erlangC, offeredLoad } from './erlang.ts';
import { lnLowerGamma } from './gamma.ts';

export interface ErlangAInput {
  callsPerInterval: number;
  intervalSeconds: number;
  ahtSeconds: number;
  /** Mean patience (time to abandon) in seconds; Infinity gives Erlang C. */
  patienceSeconds: number;
  agents: number;
  thresholdSeconds: number;
}

export interface ErlangAResult {
  /** Answered within T / all arrivals (abandoned calls count as not answered in time). */
  serviceLevel: number;
  /** Answered within T / answered calls. */
  serviceLevelOfAnswered: number;
  /** P(wait ≤ T) over all arrivals, the wait of an abandoned call being its time to abandon. */
  waitWithinThreshold: number;
  /** P(W > 0): the share of arrivals that find all agents busy. */
  waitProbability: number;
  /** Share of arrivals that abandon. */
  abandonment: number;
  /** Average speed of answer: mean wait of answered calls (those answered at once count 0), seconds. */
  asa: number;
  /** Mean time in queue over all arrivals (answered and abandoned) = P(Ab)·patience, seconds. */
  averageWait: number;
  /** Carried load per agent: A(1 − P(Ab)) / n. */
  occupancy: number;
}

interface Core {
  pw: number;
  x: number;
  y: number;
  theta: number;
  lnGxy: number;
  abandonment: number;
}

function core(agents: number, a: number, lambda: number, aht: number, patience: number): Core {
  const theta = 1 / patience;
  const x = (agents * patience) / aht;
  const y = lambda * patience;
  const lnGxy = lnLowerGamma(x, y);
  const lnCalA = Math.log(x) + y - x * Math.log(y) + lnGxy; // ln 𝒜(x, y)
  // P(W>0) = 1 / (1 + (1/E − 1)/𝒜)
  const pw = 1 / (1 + Math.exp(lnInverseErlangBMinusOne(agents, a) - lnCalA));
  const rho = a / agents;
  const abandonment = Math.min(1, Math.max(0, pw * (Math.exp(-Math.log(rho) - lnCalA) + 1 - 1 / rho)));
  return { pw, x, y, theta, lnGxy, abandonment };
}

/** P(served and V > t) given the core quantities. */
function servedLaterThan(c: Core, t: number): number {
  if (c.pw === 0) return 0;
  const yt = c.y * Math.exp(-c.theta * t);
  return c.pw * Math.exp(lnLowerGamma(c.x + 1, yt) - c.lnGxy - Math.log(c.y));
}

/** Performance of `agents` agents with abandonment (Erlang A). */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const { callsPerInterval, intervalSeconds, ahtSeconds, patienceSeconds, agents, thresholdSeconds } = input;
  if (!(patienceSeconds > 0)) throw new RangeError('patience must be > 0');
  if (!(thresholdSeconds >= 0)) throw new RangeError('threshold must be ≥ 0');
  if (agents < 0 || !Number.isInteger(agents)) throw new RangeError('agents must be a whole number ≥ 0');
  const a = offeredLoad(callsPerInterval, intervalSeconds, ahtSeconds);
  if (patienceSeconds === Infinity) {
    const c = erlangC(input);
    const stable = agents > a;
    return {
      serviceLevel: c.serviceLevel,
      serviceLevelOfAnswered: c.serviceLevel,
      waitWithinThreshold: c.serviceLevel,
      waitProbability: c.waitProbability,
      abandonment: 0,
      asa: c.asa,
      averageWait: c.asa,
      occupancy: stable ? c.occupancy : 1,
    };
  }
  const perfect = { serviceLevel: 1, serviceLevelOfAnswered: 1, waitWithinThreshold: 1, waitProbability: 0, abandonment: 0, asa: 0, averageWait: 0, occupancy: 0 };
  if (a === 0) return perfect;
  const lambda = callsPerInterval / intervalSeconds;
  if (agents === 0) {
    return { serviceLevel: 0, serviceLevelOfAnswered: 0, waitWithinThreshold: 1 - Math.exp(-thresholdSeconds / patienceSeconds), waitProbability: 1, abandonment: 1, asa: 0, averageWait: patienceSeconds, occupancy: 0 };
  }
  const c = core(agents, a, lambda, ahtSeconds, patienceSeconds);
  const lateServed = servedLaterThan(c, thresholdSeconds);
  const served = 1 - c.abandonment;
  const vLater = c.pw === 0 ? 0 : c.pw * Math.exp(lnLowerGamma(c.x, c.y * Math.exp(-c.theta * thresholdSeconds)) - c.lnGxy);
  const answeredInTime = Math.max(0, served - lateServed);
  return {
    serviceLevel: answeredInTime,
    serviceLevelOfAnswered: served > 0 ? answeredInTime / served : 0,
    waitWithinThreshold: 1 - vLater * Math.exp(-c.theta * thresholdSeconds),
    waitProbability: c.pw,
    abandonment: c.abandonment,
    asa: served > 0 ? waitOfServed(c) / served : 0,
    averageWait: c.abandonment * patienceSeconds,
    occupancy: Math.min(1, (a * served) / agents),
  };
}

/** E[V; served] = ∫₀^∞ P(served, V > v) dv by composite Simpson's rule over the range where the integrand lives. */
function waitOfServed(c: Core): number {
  const f0 = servedLaterThan(c, 0);
  if (f0 === 0) return 0;
  let end = 1 / (c.x * c.theta); // 1/(nμ): the time scale of one departure
  while (servedLaterThan(c, end) > f0 * 1e-12 && end < 1e9) end *= 2;
  const steps = 512;
  const h = end / steps;
  let sum = f0 + servedLaterThan(c, end);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * servedLaterThan(c, i * h);
  return (sum * h) / 3;
}
