// docs/KPI.md § Example B (agent states split across intervals) and § Example C (a three-interval span).
import { describe, expect, it } from 'vitest';
import {
  kpiAgentStateCells, kpiContactCells, kpiIntervalLabel, kpiPeriodKey, kpiRollUp, kpiStateSpanCells, kpisFrom, mergeKpiAggregates,
} from '../../src/kpi/index.ts';
import { exampleA, exampleB, jan15, options } from './fixtures.ts';

const tz = 'Europe/Berlin';

describe('Example B — agent a1, 09:55–10:30', () => {
  const cells = kpiAgentStateCells(exampleB, { timeZone: tz });
  const byInterval = kpiRollUp(cells, (c) => kpiIntervalLabel(c.intervalStart, tz));

  it('splits states at interval boundaries', () => {
    expect([...byInterval.keys()]).toEqual(['2025-01-15T09:45+01:00', '2025-01-15T10:00+01:00', '2025-01-15T10:15+01:00']);
    expect(byInterval.get('2025-01-15T09:45+01:00')).toMatchObject({ agentReadySeconds: 300, agentOnContactSeconds: 0 });
    expect(byInterval.get('2025-01-15T10:00+01:00')).toMatchObject({
      agentReadySeconds: 475, agentOnContactSeconds: 225, agentWrapUpSeconds: 30, agentNotReadySeconds: { break: 170 },
    });
    expect(byInterval.get('2025-01-15T10:15+01:00')).toMatchObject({
      agentReadySeconds: 765, agentOnContactSeconds: 115, agentWrapUpSeconds: 20, agentNotReadySeconds: {},
    });
  });

  it('gives occupancy, utilization and logged-in shrinkage per interval', () => {
    const q1 = kpisFrom(byInterval.get('2025-01-15T10:00+01:00')!);
    expect(q1.handlingSeconds).toBe(255);
    expect(q1.loggedInSeconds).toBe(900);
    expect(q1.occupancy).toBe(255 / 730); // 0.349315
    expect(q1.utilization).toBe(255 / 900); // 0.283333
    expect(q1.loggedInShrinkage).toBe(170 / 900); // 0.188889
    const q2 = kpisFrom(byInterval.get('2025-01-15T10:15+01:00')!);
    expect([q2.occupancy, q2.utilization, q2.loggedInShrinkage]).toEqual([0.15, 0.15, 0]);
  });

  it('merges the hour from sums, not by averaging the quarters', () => {
    const hour = kpiRollUp(cells, (c) => kpiPeriodKey(c.intervalStart, 'hour', tz)).get('2025-01-15T10+01:00')!;
    const k = kpisFrom(hour);
    expect(k.occupancy).toBe(390 / 1630); // 0.239264, not (0.349315 + 0.15) / 2
    expect(k.utilization).toBe(390 / 1800);
    expect(k.loggedInShrinkage).toBe(170 / 1800);
    expect(k.notReadySecondsByReason).toEqual({ break: 170 });
  });

  it('joins with the contacts a1 answered when rolled up by agent', () => {
    const all = [...cells, ...kpiContactCells(exampleA, options)];
    const a1 = kpisFrom(kpiRollUp(all, (c) => (c.agentId === 'a1' ? kpiPeriodKey(c.intervalStart, 'hour', tz) : null)).get('2025-01-15T10+01:00')!);
    expect(a1).toMatchObject({ answered: 2, ahtSeconds: 190, occupancy: 390 / 1630 });
  });

  it('ends an open span at `until`', () => {
    const open = kpiStateSpanCells({ agentId: 'a1', state: 'ready', start: jan15('10:17:15'), end: null }, { timeZone: tz, until: jan15('10:20:00') });
    expect(open.map((c) => c.aggregate.agentReadySeconds)).toEqual([165]);
    expect(() => kpiStateSpanCells({ agentId: 'a1', state: 'ready', start: 0, end: null }, { timeZone: tz })).toThrow(/until/);
    expect(() => kpiStateSpanCells({ agentId: 'a1', state: 'ready', start: 10, end: 5 }, { timeZone: tz })).toThrow(RangeError);
  });

  it('ignores offline time and counts a reasonless not-ready as unspecified', () => {
    expect(kpiStateSpanCells({ agentId: 'a1', state: 'offline', start: jan15('10:00:00'), end: jan15('11:00:00') }, { timeZone: tz })).toEqual([]);
    const [c] = kpiStateSpanCells({ agentId: 'a1', state: 'notReady', start: jan15('10:00:00'), end: jan15('10:01:00') }, { timeZone: tz });
    expect(c!.aggregate.agentNotReadySeconds).toEqual({ unspecified: 60 });
  });
});

describe('Example C — a lunch spanning three intervals', () => {
  it('gives 600 s, 900 s and 300 s', () => {
    const cells = kpiStateSpanCells({ agentId: 'a3', state: 'notReady', reason: 'lunch', start: jan15('12:50:00'), end: jan15('13:20:00') }, { timeZone: tz });
    expect(cells.map((c) => [kpiIntervalLabel(c.intervalStart, tz), c.aggregate.agentNotReadySeconds.lunch])).toEqual([
      ['2025-01-15T12:45+01:00', 600],
      ['2025-01-15T13:00+01:00', 900],
      ['2025-01-15T13:15+01:00', 300],
    ]);
    expect(kpisFrom(mergeKpiAggregates(...cells.map((c) => c.aggregate))).notReadySecondsByReason).toEqual({ lunch: 1800 });
  });
});
