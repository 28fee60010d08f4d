// Explanations instead of an empty answer: employees whose hours band cannot be met (an upper bound on the
// hours they could work alone, from their allowed shifts, availability and one shift per day), and runs of intervals whose requirement no one can cover.
import { fromMinutes } from './time.ts';
import { dateOfDay } from './grid.ts';
import type { Instance } from './instance.ts';
import type { Conflict } from './problem.ts';

const h = (minutes: number) => Math.round(minutes / 6) / 10;

/** Most minutes employee e could work alone: the longest allowed shift of every day (one shift start per day). */
export function maxMinutes(inst: Instance, e: number): number {
  const st = inst.staff[e]!;
  return inst.byDay.reduce((sum, ids) => sum + ids.reduce((m, s) => (st.allowed[s] ? Math.max(m, inst.shifts[s]!.paidMinutes) : m), 0), 0);
}

/** Employees who cannot reach the lower end of their hours band even alone. */
export function unreachableNorms(inst: Instance): Conflict[] {
  const out: Conflict[] = [];
  inst.staff.forEach((st, e) => {
    if (!st.band) {
      out.push({ kind: 'employee', employeeId: st.employee.id, rule: 'hours-norm', detail: `no number of allowed shifts gives between ${h(st.normLo)} and ${h(st.hi)} h (shift lengths ${[...new Set(inst.shifts.filter((s) => st.allowed[s.id]).map((s) => h(s.paidMinutes)))].join(', ')} h)` });
      return;
    }
    const most = maxMinutes(inst, e);
    if (most < st.lo) {
      const free = inst.byDay.filter((ids) => ids.some((s) => st.allowed[s])).length;
      out.push({ kind: 'employee', employeeId: st.employee.id, rule: 'hours-norm', from: dateOfDay(inst.grid, 0), to: dateOfDay(inst.grid, inst.grid.days - 1), detail: `can work at most ${h(most)} h (${free} days with an allowed shift, taking the longest on each) but the hours norm asks for at least ${h(st.lo)} h` });
    }
  });
  return out;
}

/** Runs of intervals with requirement above the number of employees who could be present then. */
export function uncoverable(inst: Instance): Conflict[] {
  const reach = new Float64Array(inst.grid.size);
  for (const st of inst.staff) {
    const mark = new Uint8Array(inst.grid.size);
    for (const s of inst.shifts) if (st.allowed[s.id]) mark.fill(1, s.startSlot, s.endSlot);
    mark.forEach((m, t) => (reach[t]! += m));
  }
  const out: Conflict[] = [];
  const at = (t: number) => fromMinutes(inst.grid.origin + t * inst.grid.step);
  for (let t = 0; t < inst.grid.size; ) {
    if (inst.requirement[t]! <= reach[t]!) {
      t++;
      continue;
    }
    let u = t;
    let need = 0;
    let can = Infinity;
    while (u < inst.grid.size && inst.requirement[u]! > reach[u]!) {
      need = Math.max(need, inst.requirement[u]!);
      can = Math.min(can, reach[u]!);
      u++;
    }
    out.push({ kind: 'intervals', rule: 'coverage', from: at(t), to: at(u), detail: `requirement up to ${need} but ${can === 0 ? 'no shift template or available employee covers these intervals' : `at most ${can} employees can be present`}` });
    t = u;
  }
  return out;
}

/** After solving: employees left below their hours band, with the reason when one is known. */
export function belowNorm(inst: Instance, worked: Float64Array): Conflict[] {
  return inst.staff.flatMap((st, e) => worked[e]! >= st.lo - 1e-9 ? [] : [{
    kind: 'employee' as const,
    employeeId: st.employee.id,
    rule: 'hours-norm' as const,
    detail: `${h(worked[e]!)} h planned, below the hours band ${h(st.lo)}–${h(st.hi)} h: no further lawful shift fits (rest rules, availability, one shift per day)`,
  }]);
}
