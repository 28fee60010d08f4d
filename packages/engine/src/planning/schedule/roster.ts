// A roster under construction: at most one shift starting per employee and day, the hours worked and the
// coverage. `lawful` is the fast form of the labour rules of rules.ts (min rest, no two shifts in a row,
// weekly uninterrupted rest in every calendar week) on one employee's row. It is stricter than checkSchedule
// at the horizon's edges: time before the horizon and after `until` is not counted as rest, so a lawful
// row stays lawful whatever the neighbouring periods hold.
import { addCoverage } from './objective.ts';
import type { Instance } from './instance.ts';

export class Roster {
  /** rows[e][day] = candidate shift id, or −1 for a day off. */
  readonly rows: Int32Array[];
  readonly worked: Float64Array;
  readonly coverage: Float64Array;

  constructor(readonly inst: Instance) {
    this.rows = inst.staff.map(() => new Int32Array(inst.grid.days).fill(-1));
    this.worked = new Float64Array(inst.staff.length);
    this.coverage = new Float64Array(inst.grid.size);
  }

  set(e: number, day: number, s: number): void {
    const row = this.rows[e]!;
    const old = row[day]!;
    const shifts = this.inst.shifts;
    if (old >= 0) {
      this.worked[e]! -= shifts[old]!.paidMinutes;
      addCoverage(this.coverage, shifts[old]!.startSlot, shifts[old]!.endSlot, -1);
    }
    row[day] = s;
    if (s >= 0) {
      this.worked[e]! += shifts[s]!.paidMinutes;
      addCoverage(this.coverage, shifts[s]!.startSlot, shifts[s]!.endSlot, 1);
    }
  }

  /** Would row e be lawful with `day` holding shift s (−1: off)? Rest counts up to `until` (local minutes). */
  lawfulWith(e: number, day: number, s: number, until = this.inst.grid.end): boolean {
    const row = this.rows[e]!;
    const old = row[day]!;
    row[day] = s;
    const ok = lawful(this.inst, row, until);
    row[day] = old;
    return ok;
  }
}

const restFrom: number[] = [];
const restTo: number[] = [];

export function lawful(inst: Instance, row: Int32Array, until: number): boolean {
  const { shifts, rules, grid, weeks } = inst;
  const minRest = rules.minRestHours * 60;
  const weekly = rules.weeklyRestHours * 60;
  let n = 0;
  let prevEnd = grid.origin;
  let first = true;
  for (let d = 0; d < row.length; d++) {
    const s = row[d]!;
    if (s < 0) continue;
    const sh = shifts[s]!;
    const gap = sh.start - prevEnd;
    if (!first && (gap <= 0 || gap < minRest)) return false;
    restFrom[n] = prevEnd;
    restTo[n++] = sh.start;
    prevEnd = sh.end;
    first = false;
  }
  restFrom[n] = prevEnd;
  restTo[n++] = Math.max(prevEnd, until);
  for (const w of weeks) {
    if (w.start >= until) break;
    let ok = false;
    for (let k = 0; k < n && !ok; k++) ok = restTo[k]! - restFrom[k]! >= weekly && restTo[k]! > w.start && restFrom[k]! < w.end;
    if (!ok) return false;
  }
  return true;
}
