import { describe, expect, it } from 'vitest';
import { checkCoverProblem, coverageOf, solveCover, type CoverProblem } from '../../src/planning/cover.ts';

const day1 = [9, 11, 17, 9, 7, 12, 5, 11, 8, 9, 18, 17, 8, 12, 16, 8, 7, 12, 11, 10, 13, 19, 16, 7];
const day2 = [13, 13, 12, 15, 18, 20, 13, 16, 17, 8, 13, 11, 6, 19, 11, 20, 19, 17, 10, 13, 14, 23, 16, 8];
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const kinds = { Morning: range(5, 12), Afternoon: range(13, 20), Night: [...range(0, 4), ...range(21, 23)], Mixed: range(9, 16) };

export function referenceProblem(objective: CoverProblem['objective'], maxPerShift?: number): CoverProblem {
  const shifts = [0, 1].flatMap((day) =>
    Object.entries(kinds).map(([name, hours]) => ({
      name: `${name} day ${day + 1}`,
      coverage: coverageOf(48, hours.map((h) => day * 24 + h)),
      ...(maxPerShift ? { max: maxPerShift } : {}),
    })),
  );
  return { periods: 48, shifts, requirement: [...day1, ...day2], maxCoverage: 25, objective };
}

describe('shift covering with HiGHS', () => {
  it('min-resources: 113 shifts cover the reference requirement', async () => {
    const r = await solveCover(referenceProblem('min-resources'));
    expect(r.status).toBe('optimal');
    expect(r.optimum).toBe(113);
    expect(r.shifts.reduce((s, x) => s + x.count, 0)).toBe(113);
    expect(r.under).toBe(0);
    r.coverage.forEach((c, i) => {
      expect(c).toBeGreaterThanOrEqual([...day1, ...day2][i]!);
      expect(c).toBeLessThanOrEqual(25);
    });
  });
  it('min-abs-difference: optimum 157 with ≤ 20 per shift', async () => {
    const r = await solveCover(referenceProblem('min-abs-difference', 20));
    expect(r.status).toBe('optimal');
    expect(r.optimum).toBe(157);
    expect(r.under + r.over).toBe(157);
    for (const s of r.shifts) expect(s.count).toBeLessThanOrEqual(20);
  });
  it('weighs costs', async () => {
    const p = referenceProblem('min-resources');
    p.shifts = p.shifts.map((s) => ({ ...s, cost: s.name.startsWith('Night') ? 1.5 : 1 }));
    const r = await solveCover(p);
    const nights = r.shifts.filter((s) => s.name.startsWith('Night')).reduce((s, x) => s + x.count, 0);
    expect(r.optimum).toBeCloseTo(113 + 0.5 * nights, 9);
  });
  it('names the conflicts of an impossible problem before solving', async () => {
    const p = referenceProblem('min-resources');
    p.requirement = p.requirement.map((r, i) => (i === 3 ? 30 : r));
    const r = await solveCover(p);
    expect(r.status).toBe('infeasible');
    expect(r.conflicts.join('\n')).toMatch(/period 3: requirement 30 is above the maximum coverage 25/);
    expect(checkCoverProblem({ ...p, requirement: [1, 2] })[0]).toMatch(/requirement has 2 values for 48 periods/);
  });
  it('reports an infeasibility the solver finds', async () => {
    const p = referenceProblem('min-resources', 8); // Night shifts cannot reach 17 with at most 8
    const r = await solveCover(p);
    expect(r.status).toBe('infeasible');
    expect(r.conflicts.join('\n')).toMatch(/period 2: requirement 17 but the shifts can cover at most 8/);
  });
});
