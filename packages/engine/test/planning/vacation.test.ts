import { describe, expect, it } from 'vitest';
import { checkVacations, countedDays, planVacations, type VacationProblem } from '../../src/planning/index.ts';

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));

describe('vacation planner', () => {
  it('gives everyone 28 days with a 14-day part and keeps leave out of the peak months', () => {
    // 12 people; peak in March and December (all 12 needed), otherwise 9 needed
    const requiredFte = [9, 9, 12, 9, 9, 9, 9, 9, 9, 9, 9, 12];
    const p: VacationProblem = { year: 2025, employees: people(12), requiredFte };
    const plan = planVacations(p);
    expect(plan.conflicts).toEqual([]);
    expect(plan.parts).toHaveLength(36);
    const holidays = new Set(['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05', '2025-01-06', '2025-01-07', '2025-01-08', '2025-02-23', '2025-03-08', '2025-05-01', '2025-05-09', '2025-06-12', '2025-11-04']);
    for (const e of p.employees) {
      const mine = plan.parts.filter((v) => v.employeeId === e.id);
      expect(mine.reduce((n, v) => n + countedDays(v.from, v.to, holidays), 0)).toBe(28);
      expect(mine.some((v) => v.days >= 14)).toBe(true);
    }
    expect(plan.parts.some((v) => v.from.slice(5, 7) === '03' || v.to.slice(5, 7) === '03' || v.from.slice(5, 7) === '12')).toBe(false);
    expect(plan.months[2]).toMatchObject({ month: 3, availableFte: 12, minAvailable: 12 });
    for (const m of plan.months) expect(m.minAvailable).toBeGreaterThanOrEqual(m.requiredFte);
  });
  it('does not count non-working holidays (Art. 120): a leave over 1–8 January is extended', () => {
    const plan = planVacations({ year: 2025, employees: [{ id: 'a', days: 14, preferredMonths: [1] }], requiredFte: new Array(12).fill(0) });
    const v = plan.parts[0]!;
    expect(v.days).toBe(14);
    if (v.from <= '2025-01-08') expect(v.to > '2025-01-14').toBe(true);
    expect(plan.conflicts).toEqual([]);
  });
  it('shows conflicts: too many on leave, and rule violations in a hand-made plan', () => {
    const p: VacationProblem = { year: 2025, employees: people(3), requiredFte: new Array(12).fill(2) };
    const conflicts = checkVacations(p, [
      { employeeId: 'p0', from: '2025-07-01', to: '2025-07-28', days: 28 },
      { employeeId: 'p1', from: '2025-07-10', to: '2025-07-23', days: 14 },
      { employeeId: 'p1', from: '2025-08-01', to: '2025-08-07', days: 7 },
      { employeeId: 'p2', from: '2025-09-01', to: '2025-09-07', days: 7 },
      { employeeId: 'p2', from: '2025-09-05', to: '2025-09-25', days: 21 },
    ]);
    expect(conflicts).toContainEqual({ kind: 'coverage', from: '2025-07-10', to: '2025-07-23', detail: 'too many on leave: up to 1 more than the 1 the required FTE allows' });
    expect(conflicts).toContainEqual({ kind: 'rule', employeeId: 'p1', detail: '21 days of leave planned, entitled to 28 (Art. 115)' });
    expect(conflicts.some((c) => c.employeeId === 'p2' && /overlap/.test(c.detail))).toBe(true);
  });
  it('reports the days when everyone is needed all year', () => {
    const plan = planVacations({ year: 2025, employees: people(2), requiredFte: new Array(12).fill(2) });
    expect(plan.conflicts.filter((c) => c.kind === 'coverage').length).toBeGreaterThan(0);
  });
});
