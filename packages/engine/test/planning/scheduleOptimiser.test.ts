import { describe, expect, it } from 'vitest';
import { checkSchedule, optimiseSchedule, type Employee, type ScheduleProblem, type ShiftTemplate } from '../../src/planning/index.ts';

const day9to17: ShiftTemplate = { name: 'Day', earliestStart: '09:00', latestStart: '09:00', startStepMinutes: 60, lengthMinutes: 480 };
/** Hourly requirement for 7 days from Monday 2024-03-04: `perDay(d)` heads from 09:00 to 17:00. */
const hourly = (perDay: (d: number) => number) => Array.from({ length: 7 * 24 }, (_, k) => (k % 24 >= 9 && k % 24 < 17 ? perDay(Math.floor(k / 24)) : 0));
const week = (employees: Employee[], requirement: number[], extra: Partial<ScheduleProblem> = {}): ScheduleProblem => ({
  horizon: { from: '2024-03-04', days: 7, intervalMinutes: 60 }, requirement, templates: [day9to17], employees, normToleranceHours: 0, timeLimitSeconds: 10, ...extra,
});

describe('schedule optimiser: hand-checkable optima', () => {
  it('covers a Mon–Fri requirement exactly with two 40-hour employees', async () => {
    const r = await optimiseSchedule(week([{ id: 'a', normHours: 40 }, { id: 'b', normHours: 40 }], hourly((d) => (d < 5 ? 2 : 0))));
    expect(r.status).toBe('optimal');
    expect([r.under, r.over, r.lpBound, r.objective]).toEqual([0, 0, 0, 0]);
    expect(r.assignments).toHaveLength(10);
    expect(r.assignments.every((a) => a.start.slice(11) === '09:00' && a.start.slice(0, 10) <= '2024-03-08')).toBe(true);
  });
  it('one 40-hour employee against 7 days of need leaves exactly 16 hours uncovered, on the preferred day off', async () => {
    const r = await optimiseSchedule(week([{ id: 'a', normHours: 40, preferences: { daysOff: ['2024-03-06'] } }], hourly(() => 1)));
    expect(r.lpBound).toBeCloseTo(16, 6);
    expect(r.under).toBe(16);
    expect(r.over).toBe(0);
    expect(r.gap).toBeCloseTo(0, 9);
    expect(r.assignments.map((a) => a.start.slice(0, 10))).not.toContain('2024-03-06');
    expect(r.hours[0]!.workedHours).toBe(40);
  });
  it('gives the late shifts to the employee who wishes to start late', async () => {
    // each weekday one head 08:00–16:00 and one 10:00–18:00; two 40-hour employees, one wishing to start at 10:00
    const any: ShiftTemplate = { name: 'Any', earliestStart: '08:00', latestStart: '10:00', startStepMinutes: 120, lengthMinutes: 480 };
    const req = Array.from({ length: 7 * 24 }, (_, k) => (k >= 5 * 24 ? 0 : (k % 24 >= 8 && k % 24 < 16 ? 1 : 0) + (k % 24 >= 10 && k % 24 < 18 ? 1 : 0)));
    const r = await optimiseSchedule(week([{ id: 'early', normHours: 40 }, { id: 'late', normHours: 40, preferences: { earliestStart: '10:00' } }], req, { templates: [any] }));
    expect(r.under + r.over).toBe(0);
    expect(r.preferencePenalty).toBe(0);
    expect(new Set(r.assignments.filter((x) => x.employeeId === 'late').map((x) => x.start.slice(11)))).toEqual(new Set(['10:00']));
  });
  it('chooses start times that follow a shifted requirement', async () => {
    const late: ShiftTemplate = { name: 'Any', earliestStart: '06:00', latestStart: '14:00', startStepMinutes: 60, lengthMinutes: 480 };
    const req = Array.from({ length: 7 * 24 }, (_, k) => (k % 24 >= 12 && k % 24 < 20 && k < 5 * 24 ? 1 : 0));
    const r = await optimiseSchedule(week([{ id: 'a', normHours: 40 }], req, { templates: [late] }));
    expect(r.under + r.over).toBe(0);
    expect(new Set(r.assignments.map((a) => a.start.slice(11)))).toEqual(new Set(['12:00']));
  });
});

describe('schedule optimiser: rules on every produced schedule', () => {
  it('a two-week, 30-employee instance with breaks is lawful, within the hours band and the break windows', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const templates: ShiftTemplate[] = [
      { name: 'Day', earliestStart: '07:00', latestStart: '13:00', startStepMinutes: 30, lengthMinutes: 540, minWorkMinutes: 60, maxWorkMinutes: 240, breaks: [{ name: 'lunch', minutes: 60, paid: false, earliestStart: 180, latestStart: 300 }, { name: 'break', minutes: 15, paid: true, earliestStart: 330, latestStart: 420 }] },
      { name: 'Night', earliestStart: '21:00', latestStart: '22:00', startStepMinutes: 60, lengthMinutes: 660, breaks: [{ name: 'lunch', minutes: 60, paid: false, earliestStart: 240, latestStart: 360 }] },
    ];
    const requirement = Array.from({ length: 14 * 96 }, (_, k) => {
      const h = (k % 96) / 4;
      return Math.round((h >= 8 && h < 22 ? 12 + 8 * Math.exp(-((h - 12) ** 2) / 6) : 2) * (0.9 + 0.2 * random()));
    });
    const employees: Employee[] = Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, normHours: i < 25 ? 80 : 40, normToleranceHours: 10, ...(i % 7 === 0 ? { unavailable: [{ from: '2024-03-06', to: '2024-03-07' }] } : {}) }));
    const p: ScheduleProblem = { horizon: { from: '2024-03-04', days: 14 }, requirement, templates, employees, timeLimitSeconds: 20 };
    const r = await optimiseSchedule(p);
    expect(r.status).not.toBe('invalid');
    const planned = r.assignments.map((a) => ({ employeeId: a.employeeId, start: a.start, end: a.end, unpaidBreakMinutes: a.breaks.filter((b) => !b.paid).length * 60 }));
    const check = checkSchedule(planned, undefined, { period: { from: '2024-03-04', to: '2024-03-17' }, normHours: Object.fromEntries(employees.map((e) => [e.id, e.normHours])) });
    expect(check.violations).toEqual([]);
    for (const h of check.employees) expect(h.workedHours).toBeGreaterThanOrEqual(h.normHours! - 10);
    expect(r.assignments.filter((a) => a.employeeId === 'e0').every((a) => a.start.slice(0, 10) !== '2024-03-06' && a.start.slice(0, 10) !== '2024-03-07')).toBe(true);
    expect(r.assignments.some((a) => a.template === 'Night')).toBe(true);
    const min = (s: string) => Date.parse(`${s}Z`) / 60000;
    for (const a of r.assignments) {
      const t = templates.find((x) => x.name === a.template)!;
      a.breaks.forEach((b, i) => {
        const off = min(b.start) - min(a.start);
        expect(off).toBeGreaterThanOrEqual(t.breaks![i]!.earliestStart);
        expect(off).toBeLessThanOrEqual(t.breaks![i]!.latestStart);
      });
    }
    expect(r.gap).toBeGreaterThanOrEqual(-1e-9);
    expect(r.objective).toBeGreaterThanOrEqual(r.lpBound - 1e-6);
  }, 60_000);
});

describe('schedule optimiser: breaks keep coverage', () => {
  it('puts the lunch where the surplus is', async () => {
    const t: ShiftTemplate = { name: 'Day', earliestStart: '09:00', latestStart: '09:00', startStepMinutes: 60, lengthMinutes: 540, breaks: [{ name: 'lunch', minutes: 60, paid: false, earliestStart: 180, latestStart: 300 }] };
    // two people 09–18 Mon–Fri; the need drops to 1 at 13:00 only
    const req = Array.from({ length: 7 * 24 }, (_, k) => (k % 24 >= 9 && k % 24 < 18 && k < 120 ? (k % 24 === 13 ? 1 : 2) : 0));
    const r = await optimiseSchedule(week([{ id: 'a', normHours: 40 }, { id: 'b', normHours: 40 }], req, { templates: [t] }));
    const lunches = r.assignments.map((a) => a.breaks[0]!.start.slice(11));
    expect(lunches.filter((x) => x === '13:00').length).toBe(5); // one of the two each day
    expect(r.onDutyUnder).toBe(5); // the other lunch must fall on a needed hour
  });
});

describe('schedule optimiser: impossible input is explained', () => {
  it('reports a template longer than the maximum shift before solving', async () => {
    const long: ShiftTemplate = { name: 'Long', earliestStart: '08:00', latestStart: '08:00', startStepMinutes: 60, lengthMinutes: 14 * 60 };
    const r = await optimiseSchedule(week([{ id: 'a', normHours: 40 }], hourly(() => 1), { templates: [long] }));
    expect(r.status).toBe('invalid');
    expect(r.problems.join('\n')).toMatch(/"Long" lasts 14 h, longer than the maximum 12 h/);
  });
  it('names the employee whose hours norm cannot be met and the intervals no one can cover', async () => {
    const req = hourly(() => 1).map((v, k) => (k % 24 === 3 ? 2 : v));
    const r = await optimiseSchedule(week([{ id: 'away', normHours: 40, unavailable: [{ from: '2024-03-04', to: '2024-03-08' }] }, { id: 'ok', normHours: 16 }], req));
    expect(r.status).toBe('infeasible');
    const away = r.conflicts.find((c) => c.employeeId === 'away')!;
    expect(away).toMatchObject({ kind: 'employee', rule: 'hours-norm' });
    expect(away.detail).toMatch(/at most 16 h/);
    const nights = r.conflicts.filter((c) => c.kind === 'intervals');
    expect(nights[0]).toMatchObject({ from: '2024-03-04T03:00', to: '2024-03-04T04:00' });
    expect(nights[0]!.detail).toMatch(/no shift template/);
    expect(r.assignments.length).toBeGreaterThan(0); // a schedule is still returned
  });
  it('reports an hours band no number of shifts can meet', async () => {
    const r = await optimiseSchedule(week([{ id: 'odd', normHours: 20, normToleranceHours: 2 }], hourly(() => 1)));
    expect(r.conflicts[0]!.detail).toMatch(/no number of allowed shifts gives between 18 and 20 h/);
  });
});
