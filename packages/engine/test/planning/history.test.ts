import { describe, expect, it } from 'vitest';
import { historyOutliers, parseHistoryCsv } from '../../src/planning/index.ts';

describe('history CSV', () => {
  it('reads rows, defaults handled and abandoned, accepts ; and seconds of :00', () => {
    const r = parseHistoryCsv('\uFEFFinterval_start;queue;offered;aht_seconds;abandoned\n2026-03-02 09:00:00;sales;10;180,5;2\n2026-03-02T09:30;sales;0;0;\n', 30);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, start: '2026-03-02T09:00', queue: 'sales', offered: 10, ahtSeconds: 180.5, handled: 8, abandoned: 2 },
      { line: 3, start: '2026-03-02T09:30', queue: 'sales', offered: 0, ahtSeconds: 0, handled: 0, abandoned: 0 },
    ]);
  });

  it('reports every problem by line and column', () => {
    const csv = [
      'interval_start,queue,offered,aht_seconds,handled,abandoned',
      '2026-03-02 09:00,a,10,180,8,1',
      '2026-02-30 09:00,a,10,180,,',
      '2026-03-02 09:10,a,x,-1,,',
      '2026-03-02 09:30,,5,100,6,0',
      '2026-03-02 09:00,a,3,100,,',
      '2026-03-02 10:00,a,3,100,2,2',
    ].join('\n');
    const r = parseHistoryCsv(csv, 30);
    expect(r.problems).toEqual([
      { line: 3, column: 'interval_start', problem: 'no such date-time: "2026-02-30 09:00"' },
      { line: 4, column: 'interval_start', problem: 'not the start of a 30-minute interval: "2026-03-02 09:10"' },
      { line: 4, column: 'offered', problem: 'not a whole number ≥ 0: "x"' },
      { line: 4, column: 'aht_seconds', problem: 'not a number of seconds ≥ 0: "-1"' },
      { line: 5, column: 'queue', problem: 'empty' },
      { line: 6, column: 'interval_start', problem: 'queue a already has 2026-03-02T09:00 on line 2' },
      { line: 7, column: 'handled', problem: 'handled 2 + abandoned 2 exceed offered 3' },
    ]);
  });

  it('names missing columns on line 1 and an empty file', () => {
    expect(parseHistoryCsv('interval_start,queue,calls\n', 15).problems.map((p) => p.column)).toEqual(['offered', 'aht_seconds']);
    expect(parseHistoryCsv('interval_start,queue,offered,aht_seconds\n', 15).problems).toEqual([{ line: 2, column: 'interval_start', problem: 'the file has no rows' }]);
  });
});

describe('history outliers', () => {
  // Eight Mondays at 09:00 with ~100 calls and one outage Monday with 5; Tuesdays steady.
  const points = Array.from({ length: 8 }, (_, w) => {
    const day = new Date(Date.UTC(2026, 2, 2 + 7 * w)).toISOString().slice(0, 10);
    return { start: `${day}T09:00`, offered: w === 5 ? 5 : 100 + ((w * 7) % 5) - 2 };
  });
  it('flags the collapsed interval with the median as its expectation', () => {
    const out = historyOutliers(points);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ start: '2026-04-06T09:00', offered: 5, expected: 100 });
    expect(out[0]!.score).toBeLessThan(-3.5);
  });
  it('does not flag Poisson-sized changes of a quiet interval, nor groups under 4 weeks', () => {
    const quiet = [2, 2, 2, 2, 5].map((offered, w) => ({ start: `2026-03-${String(3 + 7 * w).padStart(2, '0')}T03:00`, offered }));
    expect(historyOutliers(quiet)).toEqual([]);
    expect(historyOutliers(points.slice(4, 7))).toEqual([]);
  });
});

import { presence, withFixedShifts } from '../../src/planning/index.ts';

describe('fixed shifts and presence', () => {
  const horizon = { from: '2026-03-02', days: 1, intervalMinutes: 60 };
  it('counts heads per interval, partial intervals by their share', () => {
    const p = presence([{ start: '2026-03-02T08:00', end: '2026-03-02T10:30' }, { start: '2026-03-02T09:00', end: '2026-03-02T10:00' }], horizon);
    expect(p.slice(7, 12)).toEqual([0, 1, 2, 0.5, 0]);
    expect(p).toHaveLength(24);
  });
  it('takes fixed shifts off the requirement, the norm and the day', () => {
    const problem = {
      horizon,
      requirement: Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 17 ? 2 : 0)),
      templates: [],
      employees: [{ id: 'a', normHours: 40 }, { id: 'b', normHours: 40 }],
    };
    const next = withFixedShifts(problem, [{ employeeId: 'a', start: '2026-03-02T08:00', end: '2026-03-02T17:00', paidHours: 8 }]);
    expect(next.requirement.slice(7, 18)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(next.employees[0]).toEqual({ id: 'a', normHours: 32, unavailable: [{ from: '2026-03-02T00:00', to: '2026-03-02T17:00' }] });
    expect(next.employees[1]).toBe(problem.employees[1]);
  });
});

import { monthlyRequiredFte } from '../../src/planning/index.ts';

describe('monthly required FTE for vacations', () => {
  it('turns daily person-hours into FTE and scales by seasonality, 1 for unseen months', () => {
    // 80 person-hours a day = 14 FTE (40 h per 7 days); January busy (150 a day), February quiet (50)
    const r = monthlyRequiredFte(80, [150, 50, null, null, null, null, null, null, null, null, null, null]);
    expect(r[0]).toBeCloseTo(14 * 1.5, 10);
    expect(r[1]).toBeCloseTo(14 * 0.5, 10);
    expect(r[5]).toBeCloseTo(14, 10);
  });
});
