import { describe, expect, it } from 'vitest';
import { requiredAgents, whatIfTable } from '../../src/planning/staffing.ts';
import { chatAgents, emailAgents, linesFor } from '../../src/planning/channels.ts';
import { combinedShrinkage, scheduledHeads } from '../../src/planning/shrinkage.ts';
import { erlangC } from '../../src/planning/erlang.ts';
import { erlangA } from '../../src/planning/erlangA.ts';

const ref = { callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 };

describe('required agents', () => {
  it('hits the reference: 80 % in 20 s with 30 % shrinkage → 14 agents, 20 scheduled', () => {
    const r = requiredAgents({ model: 'C', ...ref, target: { serviceLevel: 0.8 }, shrinkage: 0.3 });
    expect(r).toMatchObject({ agents: 14, scheduledAgents: 20, abandonment: null, blocking: null });
    expect(r.serviceLevel).toBeCloseTo(0.88835, 7);
    expect(r.waitProbability).toBeCloseTo(0.1741319, 7);
  });
  it('is the smallest count meeting every target', () => {
    for (const calls of [1, 7, 50, 333, 1200, 20_000]) {
      for (const target of [{ serviceLevel: 0.9 }, { asaSeconds: 15 }, { serviceLevel: 0.8, asaSeconds: 5 }]) {
        const input = { model: 'C' as const, ...ref, callsPerInterval: calls, target, maxOccupancy: 0.9 };
        const n = requiredAgents(input).agents;
        const ok = (k: number) => {
          const m = erlangC({ ...ref, callsPerInterval: calls, agents: k });
          return (target.serviceLevel === undefined || m.serviceLevel >= target.serviceLevel) && (!('asaSeconds' in target) || m.asa <= target.asaSeconds!) && m.occupancy <= 0.9;
        };
        expect(ok(n)).toBe(true);
        expect(ok(n - 1)).toBe(false);
      }
    }
  });
  it('respects maximum occupancy and the ASA target', () => {
    expect(requiredAgents({ model: 'C', ...ref, target: { serviceLevel: 0.8 }, maxOccupancy: 0.6 }).agents).toBe(17); // ⌈10/0.6⌉
    const asa = requiredAgents({ model: 'C', ...ref, target: { asaSeconds: 5 } });
    expect(asa.agents).toBe(15); // ASA(14) = 7.84 s, ASA(15) = 3.67 s
  });
  it('needs no one without calls and reports non-applying fields as null', () => {
    expect(requiredAgents({ model: 'C', ...ref, callsPerInterval: 0, target: { serviceLevel: 0.8 } }).agents).toBe(0);
  });
  it('staffs Erlang A for service level and for abandonment', () => {
    const input = { model: 'A' as const, ...ref, patienceSeconds: 120 };
    const sl = requiredAgents({ ...input, target: { serviceLevel: 0.8 } });
    const at = (n: number) => erlangA({ ...ref, patienceSeconds: 120, agents: n });
    expect(at(sl.agents).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(at(sl.agents - 1).serviceLevel).toBeLessThan(0.8);
    const ab = requiredAgents({ ...input, target: { abandonment: 0.05 } });
    expect(at(ab.agents).abandonment).toBeLessThanOrEqual(0.05);
    expect(at(ab.agents - 1).abandonment).toBeGreaterThan(0.05);
    expect(ab.abandonment).not.toBeNull();
    // abandonment relieves the queue: never more agents than Erlang C asks
    expect(sl.agents).toBeLessThanOrEqual(14);
  });
  it('rejects impossible targets', () => {
    expect(() => requiredAgents({ model: 'C', ...ref, target: {} })).toThrow(/target/);
    expect(() => requiredAgents({ model: 'C', ...ref, target: { abandonment: 0.05 } })).toThrow(/Erlang A/);
    expect(() => requiredAgents({ model: 'C', ...ref, target: { serviceLevel: 1.2 } })).toThrow();
  });
});

describe('shrinkage', () => {
  it('combines planned and unplanned multiplicatively and rounds up safely', () => {
    expect(combinedShrinkage({ planned: 0.2, unplanned: 0.1 })).toBeCloseTo(0.28, 12);
    expect(scheduledHeads(14, 0.3)).toBe(20);
    expect(scheduledHeads(14, 0.29)).toBe(20);
    expect(scheduledHeads(15, 0.3)).toBe(22);
    expect(() => scheduledHeads(1, 1)).toThrow();
  });
});

describe('what-if table', () => {
  it('lists SL, ASA, Pw and occupancy per agent count', () => {
    const rows = whatIfTable({ model: 'C', ...ref, shrinkage: 0.3 }, 13, 15);
    expect(rows.map((r) => r.agents)).toEqual([13, 14, 15]);
    expect(rows[1]!.serviceLevel).toBeCloseTo(0.88835, 7);
    expect(rows[2]!.waitProbability).toBeCloseTo(0.1020424, 7);
    expect(rows[1]!.scheduledAgents).toBe(20);
  });
});

describe('other channels', () => {
  it('chat: slots by Erlang C, agents by concurrency', () => {
    const r = chatAgents({ chatsPerInterval: 100, intervalSeconds: 1800, chatDurationSeconds: 180, concurrency: 3, thresholdSeconds: 20, target: { serviceLevel: 0.8 } });
    expect(r).toEqual({ slots: 14, agents: 5, scheduledAgents: 5 });
  });
  it('e-mail: backlog and arrivals answered within the due time', () => {
    // 100 messages × 5 min within 2 h = 500 min of work in 120 min → 5 agents (4.17)
    expect(emailAgents({ backlog: 100, intervalSeconds: 1800, ahtSeconds: 300, dueSeconds: 7200 }).agents).toBe(5);
    // plus 60 in the next half hour due 2 h after arrival: (500 + 300) / (150 · 0.8) = 6.67
    expect(emailAgents({ backlog: 100, arrivalsPerInterval: [0, 60], intervalSeconds: 1800, ahtSeconds: 300, dueSeconds: 7200, maxOccupancy: 0.8 }).agents).toBe(7);
  });
  it('lines for a blocking target by Erlang B', () => {
    expect(linesFor({ callsPerInterval: 10, intervalSeconds: 1800, holdSeconds: 180, maxBlocking: 0.2 })).toEqual({ lines: 2, blocking: expect.closeTo(0.2, 12) });
  });
});
