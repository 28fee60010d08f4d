// Validation against theory (issue 4): one queue, Poisson arrivals, exponential service, no
// abandonment (M/M/n). The simulated service level must agree with Erlang C — the theoretical
// value must lie in the 95 % confidence interval of the mean over independent replications —
// at occupancy ≈ 70 %, 85 % and 95 %.
//
// Each replication: 60 simulated hours (240 × 15 min), the first 4 hours discarded as warm-up
// (the system starts empty; at ρ = 0.95 with 20 agents the relaxation time is about
// AHT / (n(1 − √ρ)²) ≈ 4 h), all contacts followed to their answer. 30 replications with
// independent seeds; CI = mean ± t(0.975, 29) · s / √30.
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/planning/erlang.ts';
import type { QueueConfig } from '../../src/routing/index.ts';
import { runSimulation } from '../../src/simulation/index.ts';

const REPLICATIONS = 30;
const T_975_29 = 2.045;
const AHT = 180;
const INTERVAL = 900;
const THRESHOLD = 20;

const queue: QueueConfig = { id: 'q', channel: 'voice', priority: 0, skills: [], strategy: 'longestIdle', agingPerMinute: 0, overflow: [], offerTimeoutSeconds: 30, wrapUpSeconds: 0 };

function replicate(agents: number, callsPerInterval: number): { mean: number; half: number; occupancy: number } {
  const sls: number[] = [];
  let occ = 0;
  for (let seed = 1; seed <= REPLICATIONS; seed++) {
    const r = runSimulation({
      seed,
      intervalSeconds: INTERVAL,
      intervals: 240,
      warmupIntervals: 16,
      serviceLevelSeconds: THRESHOLD,
      queues: [queue],
      arrivals: [{ queueId: 'q', callsPerInterval, handleTime: { kind: 'exponential', meanSeconds: AHT } }],
      agents: [{ idPrefix: 'a', count: agents, skills: {}, queues: ['q'], shifts: [{ startSeconds: 0, endSeconds: 30 * 86_400 }] }],
    });
    expect(r.unfinished).toBe(0);
    expect(r.summary.abandoned).toBe(0);
    sls.push(r.summary.serviceLevel as number);
    occ += (r.summary.occupancy as number) / REPLICATIONS;
  }
  const mean = sls.reduce((a, b) => a + b, 0) / sls.length;
  const sd = Math.sqrt(sls.reduce((a, b) => a + (b - mean) ** 2, 0) / (sls.length - 1));
  return { mean, half: (T_975_29 * sd) / Math.sqrt(sls.length), occupancy: occ };
}

describe('simulation agrees with Erlang C (M/M/n, no abandonment)', () => {
  for (const [agents, calls, rho] of [
    [10, 35, 0.7],
    [20, 85, 0.85],
    [20, 95, 0.95],
  ] as const) {
    it(`occupancy ${rho}: ${agents} agents, ${calls} calls / 15 min, AHT ${AHT} s, SL ${THRESHOLD} s`, () => {
      const theory = erlangC({ callsPerInterval: calls, intervalSeconds: INTERVAL, ahtSeconds: AHT, agents, thresholdSeconds: THRESHOLD });
      expect(theory.occupancy).toBeCloseTo(rho, 5);
      const sim = replicate(agents, calls);
      console.log(`ρ=${rho}: Erlang C SL ${theory.serviceLevel.toFixed(4)}; simulated ${sim.mean.toFixed(4)} ± ${sim.half.toFixed(4)} (95 % CI, ${REPLICATIONS} reps); occupancy ${sim.occupancy.toFixed(4)}`);
      expect(Math.abs(sim.mean - theory.serviceLevel)).toBeLessThanOrEqual(sim.half);
      expect(sim.half).toBeLessThan(0.05); // the interval is narrow enough to mean something
      expect(Math.abs(sim.occupancy - rho)).toBeLessThan(0.01);
    });
  }
});
