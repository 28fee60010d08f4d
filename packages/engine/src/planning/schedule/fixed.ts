// Shifts the planner placed by hand, around which the optimiser works (re-optimising "keeping manual edits"):
// their presence is taken off the requirement, their days are closed to other shifts of the same employee,
// and their paid hours count against the employee's norm. Plus the presence curve of any set of shifts
// (the schedule board's "scheduled" line against "required").
import { makeGrid, type Horizon } from './grid.ts';
import { toMinutes } from './time.ts';
import type { ScheduleProblem } from './problem.ts';

export interface FixedShift {
  employeeId: string;
  /** Local 'YYYY-MM-DDTHH:MM'. */
  start: string;
  end: string;
  paidHours: number;
}

/** Heads present per interval of the horizon (a shift covering part of an interval counts that share). */
export function presence(shifts: ReadonlyArray<{ start: string; end: string }>, horizon: Horizon): number[] {
  const g = makeGrid(horizon);
  const out = new Array<number>(g.size).fill(0);
  for (const s of shifts) {
    const a = toMinutes(s.start) - g.origin;
    const b = toMinutes(s.end) - g.origin;
    for (let k = Math.max(0, Math.floor(a / g.step)); k < Math.min(g.size, Math.ceil(b / g.step)); k++) {
      const overlap = Math.min(b, (k + 1) * g.step) - Math.max(a, k * g.step);
      if (overlap > 0) out[k]! += overlap / g.step;
    }
  }
  return out;
}

/** The problem left to optimise once `fixed` shifts stay where they are. */
export function withFixedShifts(p: ScheduleProblem, fixed: readonly FixedShift[]): ScheduleProblem {
  if (fixed.length === 0) return p;
  const covered = presence(fixed, p.horizon);
  const byEmployee = new Map<string, FixedShift[]>();
  for (const f of fixed) {
    let list = byEmployee.get(f.employeeId);
    if (!list) byEmployee.set(f.employeeId, (list = []));
    list.push(f);
  }
  return {
    ...p,
    requirement: p.requirement.map((r, k) => Math.max(0, r - covered[k]!)),
    employees: p.employees.map((e) => {
      const mine = byEmployee.get(e.id);
      if (!mine) return e;
      const hours = mine.reduce((h, f) => h + f.paidHours, 0);
      // the whole calendar day of a fixed shift (and its span past midnight) is closed to a second shift
      const closed = mine.map((f) => ({ from: `${f.start.slice(0, 10)}T00:00`, to: f.end }));
      return { ...e, normHours: Math.max(0, e.normHours - hours), unavailable: [...(e.unavailable ?? []), ...closed] };
    }),
  };
}
