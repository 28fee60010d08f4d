// Stage 2a: give the stage-1 shift counts to named employees, day by day in time order (a list-scheduling
// heuristic). Each shift goes to the eligible group member furthest behind a steady pace towards the middle
// of their hours band, less their soft cost for it; eligible = may take it, no shift that day, stays within
// the hours norm, and the row stays lawful with the rest of the current week assumed free only up to the
// week's end (so weekly rest is never left to a later day that cannot provide it).
import { extraCost, type Instance } from './instance.ts';
import { Roster } from './roster.ts';
import type { CountModel } from './coverageModel.ts';

export function assignCounts(inst: Instance, model: CountModel, roster = new Roster(inst)): { roster: Roster; unassigned: number } {
  const { grid, shifts, staff } = inst;
  let unassigned = 0;
  for (let d = 0; d < grid.days; d++) {
    const dayStart = grid.origin + d * 1440;
    const weekEnd = inst.weeks.find((w) => w.start <= dayStart && dayStart < w.end)!.end;
    const until = Math.min(grid.end, weekEnd);
    model.groups.forEach((members, g) => {
      const todo: number[] = [];
      for (const s of inst.byDay[d]!) for (let k = model.counts[g]!.get(s) ?? 0; k > 0; k--) todo.push(s);
      todo.sort((a, b) => shifts[a]!.start - shifts[b]!.start);
      for (const s of todo) {
        const paid = shifts[s]!.paidMinutes;
        let best = -1;
        let bestScore = -Infinity;
        for (const e of members) {
          const st = staff[e]!;
          if (!st.allowed[s] || roster.rows[e]![d]! >= 0 || roster.worked[e]! + paid > st.hi) continue;
          const score = ((st.lo + st.hi) / 2) * ((d + 1) / grid.days) - roster.worked[e]! - 60 * extraCost(st, s);
          if (score > bestScore && roster.lawfulWith(e, d, s, until)) {
            best = e;
            bestScore = score;
          }
        }
        if (best >= 0) roster.set(best, d, s);
        else unassigned++;
      }
    });
  }
  return { roster, unassigned };
}

/**
 * Repair: an employee below the lower end of their hours band takes further shifts — each time the lawful
 * one that costs least (coverage change + soft cost) — until inside the band or nothing lawful is left.
 */
export function fillHours(inst: Instance, roster: Roster, value: (e: number, s: number) => number): void {
  inst.staff.forEach((st, e) => {
    while (roster.worked[e]! < st.lo) {
      let best = -1;
      let bestV = Infinity;
      for (let d = 0; d < inst.grid.days; d++) {
        if (roster.rows[e]![d]! >= 0) continue;
        for (const s of inst.byDay[d]!) {
          if (!st.allowed[s] || roster.worked[e]! + inst.shifts[s]!.paidMinutes > st.hi) continue;
          const v = value(e, s);
          if (v < bestV && roster.lawfulWith(e, d, s)) {
            best = s;
            bestV = v;
          }
        }
      }
      if (best < 0) return;
      roster.set(e, inst.shifts[best]!.day, best);
    }
  });
}
