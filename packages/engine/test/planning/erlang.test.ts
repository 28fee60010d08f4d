import { describe, expect, it } from 'vitest';
import { erlangB, erlangBLines, erlangC, erlangCWaitProbability } from '../../src/planning/erlang.ts';
import { erlangA } from '../../src/planning/erlangA.ts';
import { lnGamma, lnLowerGamma } from '../../src/planning/gamma.ts';

const ref = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 };

describe('Erlang B', () => {
  it('hits the reference values', () => {
    expect(erlangB(0, 1)).toBe(1);
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
  });
  it('matches textbook tables', () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 6);
    expect(erlangB(10, 10)).toBeCloseTo(0.214582, 6);
    expect(erlangB(5, 2)).toBeCloseTo(0.036697, 6); // (32/120) / (1+2+2+4/3+2/3+4/15)
  });
  it('agrees with the incomplete-gamma form at 5,000 Erlangs', () => {
    // B(n,A) = A^n e^(−A) / Γ(n+1, A)
    for (const [n, a] of [[5000, 5000], [5100, 5000], [4900, 5000], [5300, 5000]] as const) {
      const lnG = lnGamma(n + 1);
      const lnUpper = lnG + Math.log1p(-Math.exp(lnLowerGamma(n + 1, a) - lnG));
      const viaGamma = Math.exp(n * Math.log(a) - a - lnUpper);
      expect(erlangB(n, a)).toBeCloseTo(viaGamma, 10);
      expect(Number.isFinite(erlangB(n, a))).toBe(true);
    }
    expect(erlangB(5000, 5000)).toBeGreaterThan(0.011);
    expect(erlangB(5000, 5000)).toBeLessThan(0.0113);
  });
  it('finds the lines for a blocking target', () => {
    expect(erlangBLines(1, 0.2)).toEqual({ lines: 2, blocking: expect.closeTo(0.2, 12) });
    expect(erlangBLines(10, 0.01).lines).toBe(18); // B(18,10) = 0.0071, B(17,10) = 0.0129
  });
});

describe('Erlang C', () => {
  it('hits the reference values', () => {
    const r14 = erlangC({ ...ref, agents: 14 });
    expect(r14.serviceLevel).toBeCloseTo(0.88835, 7);
    expect(r14.waitProbability).toBeCloseTo(0.1741319, 7);
    const r15 = erlangC({ ...ref, agents: 15 });
    expect(r15.serviceLevel).toBeCloseTo(0.9414528, 7);
    expect(r15.waitProbability).toBeCloseTo(0.1020424, 7);
    expect(r15.occupancy).toBeCloseTo(10 / 15, 12);
    expect(r15.asa).toBeCloseTo((0.1020424 * 180) / 5, 5);
  });
  it('matches the closed form for small n', () => {
    expect(erlangCWaitProbability(3, 2)).toBeCloseTo(4 / 9, 14);
    expect(erlangCWaitProbability(1, 0.5)).toBeCloseTo(0.5, 14); // M/M/1: Pw = ρ
  });
  it('is unstable at n ≤ A and perfect without traffic', () => {
    expect(erlangC({ ...ref, agents: 10 })).toEqual({ serviceLevel: 0, waitProbability: 1, asa: Infinity, occupancy: 1 });
    expect(erlangC({ ...ref, callsPerInterval: 0, agents: 3 }).serviceLevel).toBe(1);
  });
  it('stays finite and sensible at 5,000 Erlangs', () => {
    const big = { callsPerInterval: 50_000, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 };
    let prev = -1;
    for (const n of [5001, 5010, 5030, 5060, 5100, 5200]) {
      const r = erlangC({ ...big, agents: n });
      expect(r.serviceLevel).toBeGreaterThan(prev);
      expect(r.waitProbability).toBeGreaterThan(0);
      expect(r.waitProbability).toBeLessThanOrEqual(1);
      prev = r.serviceLevel;
    }
    expect(erlangC({ ...big, agents: 5200 }).serviceLevel).toBeGreaterThan(0.999);
  });
});

/** Direct numerical solution of the M/M/n+M birth–death chain and of the tagged call's race (uniformisation). */
function bruteErlangA(n: number, lambda: number, mu: number, theta: number, T: number) {
  const K = n + 1500;
  const p = [1];
  for (let k = 1; k <= K; k++) p.push((p[k - 1]! * lambda) / (k <= n ? k * mu : n * mu + (k - n) * theta));
  const total = p.reduce((s, v) => s + v, 0);
  const pi = p.map((v) => v / total);
  let pw = 0;
  let queue = 0;
  let answeredInTime = 0;
  for (let k = 0; k < n; k++) answeredInTime += pi[k]!;
  for (let k = n; k <= K; k++) {
    pw += pi[k]!;
    queue += (k - n) * pi[k]!;
  }
  for (let j = 0; j <= 400; j++) {
    if (pi[n + j]! < 1e-16) continue;
    const L = n * mu + (j + 1) * theta;
    let v = new Float64Array(j + 1);
    v[j] = 1;
    let served = 0;
    let poisson = Math.exp(-L * T);
    let cum = 0;
    let acc = 0;
    for (let m = 0; m < 5000; m++) {
      acc += poisson * served;
      cum += poisson;
      if (1 - cum < 1e-15 && m > L * T) break;
      const next = new Float64Array(j + 1);
      for (let i = 0; i <= j; i++) {
        next[i]! += v[i]! * (1 - (n * mu + i * theta + theta) / L);
        if (i > 0) next[i - 1]! += (v[i]! * (n * mu + i * theta)) / L;
        else served += (v[i]! * n * mu) / L;
      }
      v = next;
      poisson *= (L * T) / (m + 1);
    }
    answeredInTime += pi[n + j]! * acc;
  }
  // E[V; served] through the tagged call's death chain: p_j = P(served | j ahead), m_j = E[V·1{served} | j]
  let waitServed = 0;
  let served = 0;
  for (let k = 0; k < n; k++) served += pi[k]!;
  let pPrev = 0;
  let mPrev = 0;
  for (let j = 0; j <= K - n; j++) {
    const r = n * mu + (j + 1) * theta;
    const q = j === 0 ? (n * mu) / r : (n * mu + j * theta) / r;
    const pj = j === 0 ? q : q * pPrev;
    const mj = j === 0 ? q / r : q * (mPrev + pPrev / r);
    waitServed += pi[n + j]! * mj;
    served += pi[n + j]! * pj;
    [pPrev, mPrev] = [pj, mj];
  }
  return { waitProbability: pw, abandonment: (theta * queue) / lambda, serviceLevel: answeredInTime, asa: waitServed / served };
}

describe('Erlang A', () => {
  it('agrees with the birth–death chain solved numerically', () => {
    for (const [agents, patience] of [[14, 1000], [8, 120], [10, 60], [12, 300]] as const) {
      const r = erlangA({ ...ref, agents, patienceSeconds: patience });
      const b = bruteErlangA(agents, 100 / 1800, 1 / 180, 1 / patience, 20);
      expect(r.waitProbability).toBeCloseTo(b.waitProbability, 10);
      expect(r.abandonment).toBeCloseTo(b.abandonment, 10);
      expect(r.serviceLevel).toBeCloseTo(b.serviceLevel, 9);
      expect(r.asa / b.asa).toBeCloseTo(1, 6);
    }
  });
  it('tends to Erlang C as patience grows', () => {
    const c = erlangC({ ...ref, agents: 14 });
    const a = erlangA({ ...ref, agents: 14, patienceSeconds: 1e8 });
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
    expect(a.waitProbability).toBeCloseTo(c.waitProbability, 6);
    expect(a.asa).toBeCloseTo(c.asa, 3);
    expect(a.abandonment).toBeLessThan(1e-6);
    expect(erlangA({ ...ref, agents: 14, patienceSeconds: Infinity }).serviceLevel).toBe(c.serviceLevel);
  });
  it('keeps its definitions consistent', () => {
    const r = erlangA({ ...ref, agents: 9, patienceSeconds: 200 });
    // Little's law: mean time in queue over all arrivals = P(Ab)·patience
    expect(r.averageWait).toBeCloseTo(r.abandonment * 200, 12);
    expect(r.serviceLevelOfAnswered).toBeCloseTo(r.serviceLevel / (1 - r.abandonment), 12);
    expect(r.waitWithinThreshold).toBeGreaterThanOrEqual(r.serviceLevel);
    // answered calls wait less on average than all calls do
    expect(r.asa).toBeLessThan(r.averageWait / (1 - r.abandonment));
    expect(r.occupancy).toBeCloseTo((10 * (1 - r.abandonment)) / 9, 12);
  });
  it('is stable when overloaded and at thousands of Erlangs', () => {
    const over = erlangA({ ...ref, agents: 5, patienceSeconds: 120 });
    expect(over.abandonment).toBeGreaterThan(0.4);
    expect(over.abandonment).toBeLessThan(1);
    const big = erlangA({ callsPerInterval: 50_000, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20, patienceSeconds: 180, agents: 4950 });
    for (const v of Object.values(big)) expect(Number.isFinite(v)).toBe(true);
    expect(big.abandonment).toBeGreaterThan(0.01 - 0.005); // about (A − n)/A = 1 % when overloaded
    expect(big.abandonment).toBeLessThan(0.02);
  });
});
