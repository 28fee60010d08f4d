import { describe, expect, it } from 'vitest';
import { checkRules, checkSchedule, hoursNorm, LABOUR_CODE_DEFAULTS, nightMinutes, localToMinutes, productionCalendar, type PlannedShift } from '../../src/planning/index.ts';

const ru = productionCalendar();
const shift = (start: string, end: string, unpaidBreakMinutes = 0, employeeId = 'ivanova'): PlannedShift => ({ employeeId, start, end, unpaidBreakMinutes });

describe('hours norm by the production calendar', () => {
  it('matches the official norms for a 40-hour week', () => {
    expect(hoursNorm('2024-01-01', '2024-12-31', ru)).toBe(1979);
    expect(hoursNorm('2023-01-01', '2023-12-31', ru)).toBe(1973);
    expect(hoursNorm('2024-02-01', '2024-02-29', ru)).toBe(159); // 20 days, 22 Feb shortened
    expect(hoursNorm('2024-02-01', '2024-02-29', ru, 36)).toBeCloseTo(20 * 7.2 - 1, 9);
    expect(hoursNorm('2024-02-01', '2024-02-29', ru, 40, 0.5)).toBe(79.5);
  });
});

describe('night hours', () => {
  it('counts 22:00–06:00', () => {
    const m = (a: string, b: string) => nightMinutes(localToMinutes(a), localToMinutes(b));
    expect(m('2024-03-04T20:00', '2024-03-05T08:00')).toBe(8 * 60);
    expect(m('2024-03-04T09:00', '2024-03-04T18:00')).toBe(0);
    expect(m('2024-03-04T05:00', '2024-03-04T23:30')).toBe(60 + 90);
  });
});

describe('labour rules', () => {
  it('accepts a lawful two-on-two-off plan and reports hours', () => {
    const plan = [shift('2024-03-04T08:00', '2024-03-04T20:00', 60), shift('2024-03-05T08:00', '2024-03-05T20:00', 60), shift('2024-03-08T08:00', '2024-03-08T20:00', 60), shift('2024-03-09T08:00', '2024-03-09T20:00', 60)];
    const r = checkSchedule(plan, LABOUR_CODE_DEFAULTS, { period: { from: '2024-03-04', to: '2024-03-10' }, normHours: 159 });
    expect(r.violations).toEqual([]);
    expect(r.employees[0]).toMatchObject({ workedHours: 44, nightHours: 0, normHours: 159, balanceHours: -115 });
  });
  it('finds long shifts, short rest, shifts in a row, overlaps', () => {
    const plan = [
      shift('2024-03-04T08:00', '2024-03-04T21:30'), // 13.5 h
      shift('2024-03-05T06:00', '2024-03-05T12:00'), // 8.5 h rest
      shift('2024-03-05T12:00', '2024-03-05T16:00'), // right after
      shift('2024-03-05T15:00', '2024-03-05T17:00'), // overlaps
    ];
    const rules = checkSchedule(plan).violations.map((v) => v.rule);
    expect(rules).toEqual(['max-shift-length', 'min-rest', 'two-shifts-in-a-row', 'overlap']);
  });
  it('requires 42 hours of weekly uninterrupted rest in every calendar week', () => {
    // night shifts every day 20:00–08:00 (12 h rest each): never 42 h free
    const day = (d: number) => `2024-03-${String(d).padStart(2, '0')}`;
    const plan = Array.from({ length: 20 }, (_, k) => shift(`${day(1 + k)}T20:00`, `${day(2 + k)}T06:00`));
    const r = checkSchedule(plan, LABOUR_CODE_DEFAULTS, { period: { from: '2024-03-04', to: '2024-03-10' } });
    expect(r.violations.map((v) => v.rule)).toEqual(['weekly-rest']);
    expect(r.violations[0]!.detail).toMatch(/week of 2024-03-04/);
    expect(r.employees[0]!.nightHours).toBe(160);
    // leaving Saturday and Sunday nights free gives 62 h of rest: lawful
    const ok = checkSchedule(plan.filter((s) => !['2024-03-09', '2024-03-10'].includes(s.start.slice(0, 10))), LABOUR_CODE_DEFAULTS, { period: { from: '2024-03-04', to: '2024-03-10' } });
    expect(ok.violations).toEqual([]);
  });
  it('flags hours above the norm of the accounting period', () => {
    const plan = Array.from({ length: 3 }, (_, d) => shift(`2024-03-0${4 + 2 * d}T08:00`, `2024-03-0${4 + 2 * d}T20:00`));
    const r = checkSchedule(plan, LABOUR_CODE_DEFAULTS, { normHours: { ivanova: 30 } });
    expect(r.violations.map((v) => v.rule)).toEqual(['hours-norm']);
    expect(r.employees[0]!.balanceHours).toBe(6);
  });
  it('reports impossible rules before solving', () => {
    expect(checkRules(LABOUR_CODE_DEFAULTS, [{ name: 'Day', lengthHours: 12 }])).toEqual([]);
    const problems = checkRules({ ...LABOUR_CODE_DEFAULTS, weeklyRestHours: 36 }, [{ name: 'Long', lengthHours: 14 }]);
    expect(problems.join('\n')).toMatch(/below the 42 h/);
    expect(problems.join('\n')).toMatch(/"Long" lasts 14 h, longer than the maximum 12 h/);
  });
});
