import { describe, expect, it } from 'vitest';
import type { QueueConfig } from '../../src/routing/index.ts';
import { logNormal, mulberry32, poisson, runSimulation, type Scenario } from '../../src/simulation/index.ts';

const voice: QueueConfig = { id: 'q', channel: 'voice', priority: 0, skills: [], strategy: 'longestIdle', agingPerMinute: 0, overflow: [], offerTimeoutSeconds: 20, wrapUpSeconds: 60 };

function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    seed: 3, intervalSeconds: 900, intervals: 8, serviceLevelSeconds: 20, queues: [voice],
    arrivals: [{ queueId: 'q', callsPerInterval: [20, 40, 60, 40, 20, 20, 10, 10], handleTime: { kind: 'logNormal', meanSeconds: 200, sdSeconds: 120 }, wrapUpTime: { kind: 'exponential', meanSeconds: 20 }, patience: { kind: 'exponential', meanSeconds: 90 } }],
    agents: [{ idPrefix: 'a', count: 8, skills: {}, queues: ['q'], answerDelaySeconds: 3, shifts: [{ startSeconds: 0, endSeconds: 8 * 900 }], breaks: [{ startSeconds: 3600, durationSeconds: 900, reason: 'break' }] }],
    ...over,
  };
}

describe('simulator', () => {
  it('is deterministic for a seed and different across seeds', () => {
    expect(runSimulation(scenario())).toEqual(runSimulation(scenario()));
    expect(runSimulation(scenario({ seed: 4 })).summary).not.toEqual(runSimulation(scenario()).summary);
  });

  it('reports offered / answered / abandoned, SL, ASA, AHT and occupancy per interval', () => {
    const r = runSimulation(scenario());
    expect(r.intervals).toHaveLength(8);
    for (const i of r.intervals) {
      expect(i.answered + i.abandoned).toBe(i.offered); // every contact followed to its end
      if (i.offered > 0) expect(i.serviceLevel).toBeGreaterThanOrEqual(0);
    }
    expect(r.summary.abandoned).toBeGreaterThan(0); // patience 90 s, an overloaded hour
    expect(r.summary.ahtSeconds).toBeGreaterThan(150); // talk ≈ 200 s (+ wrap-up ≈ 20 s)
    expect(r.summary.ahtSeconds).toBeLessThan(300);
    expect(r.summary.asaSeconds).toBeGreaterThan(0);
    expect(r.summary.occupancy).toBeGreaterThan(0.5);
    expect(r.summary.occupancy).toBeLessThanOrEqual(1);
    expect(r.unfinished).toBe(0);
  });

  it('agents off shift answer nothing; breaks lower the service level', () => {
    const noShift = runSimulation(scenario({ agents: [{ idPrefix: 'a', count: 8, skills: {}, queues: ['q'], shifts: [{ startSeconds: 7200, endSeconds: 7300 }] }], arrivals: [{ queueId: 'q', callsPerInterval: 10, handleTime: { kind: 'fixed', seconds: 60 }, patience: { kind: 'fixed', seconds: 30 } }] }));
    expect(noShift.intervals[0]?.answered).toBe(0);
    const withBreaks = runSimulation(scenario());
    const noBreaks = runSimulation(scenario({ agents: [{ ...(scenario().agents[0] as Scenario['agents'][number]), breaks: [] }] }));
    expect(withBreaks.intervals[4]?.serviceLevel ?? 1).toBeLessThan(noBreaks.intervals[4]?.serviceLevel ?? 0);
  });

  it('refuses an inconsistent scenario', () => {
    expect(() => runSimulation(scenario({ arrivals: [{ queueId: 'nope', callsPerInterval: 1, handleTime: { kind: 'fixed', seconds: 1 } }] }))).toThrow(/unknown queue nope/);
  });
});

describe('random variates', () => {
  it('Poisson and log-normal have the stated means', () => {
    const r = mulberry32(11);
    let p = 0;
    let l = 0;
    let l2 = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      p += poisson(r, 75);
      const x = logNormal(r, 200, 120);
      l += x;
      l2 += x * x;
    }
    expect(p / n).toBeCloseTo(75, 0);
    expect(l / n).toBeGreaterThan(196);
    expect(l / n).toBeLessThan(204);
    expect(Math.sqrt(l2 / n - (l / n) ** 2)).toBeGreaterThan(112);
    expect(Math.sqrt(l2 / n - (l / n) ** 2)).toBeLessThan(128);
  });
});
