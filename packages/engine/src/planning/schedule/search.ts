// Stage 2b: local search (first-improvement descent, Papadimitriou & Steiglitz ch. 19) on the true
// objective Σ_t f_t(coverage) + Σ soft costs, over lawful rosters only. Neighbourhoods, per employee:
//   day move   — on one day: take a shift, drop it, or change it for another candidate of that day;
//   shift move — drop the shift of one day and take the best candidate of another free day (keeps hours
//                when the hours band is tight);
//   block move — two consecutive days' shifts to two other consecutive free days (moves a weekly rest).
// Every move keeps worked hours in [lo, hi] and the row lawful (roster.ts); moves are applied only when they
// lower the objective, so the search ends in a local optimum or at the deadline.
import { coverageDelta } from './objective.ts';
import { extraCost, type Instance } from './instance.ts';
import type { Roster } from './roster.ts';

const EPS = 1e-9;

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Value of taking shift s (coverage change + soft cost) on the current coverage. */
export function value(inst: Instance, roster: Roster, e: number, s: number): number {
  const sh = inst.shifts[s]!;
  return coverageDelta(inst, roster.coverage, sh.startSlot, sh.endSlot, 1) + extraCost(inst.staff[e]!, s);
}

/** The best lawful candidate on day d for employee e (whose day d is free) within the hours band, better than `than`. */
function bestOnDay(inst: Instance, roster: Roster, e: number, d: number, hoursNow: number, than: number): { s: number; v: number } {
  const st = inst.staff[e]!;
  const options: Array<{ s: number; v: number }> = [];
  if (hoursNow >= st.lo && hoursNow <= st.hi) options.push({ s: -1, v: 0 });
  for (const s of inst.byDay[d]!) {
    if (!st.allowed[s]) continue;
    const h = hoursNow + inst.shifts[s]!.paidMinutes;
    if (h > st.hi || (h < st.lo && h <= hoursNow)) continue; // within the band, or towards it
    const v = value(inst, roster, e, s);
    if (v < than - EPS) options.push({ s, v });
  }
  options.sort((a, b) => a.v - b.v);
  for (const o of options) if (o.s < 0 || roster.lawfulWith(e, d, o.s)) return o;
  return { s: -2, v: Infinity };
}

function dayMove(inst: Instance, roster: Roster, e: number, d: number): boolean {
  const cur = roster.rows[e]![d]!;
  roster.set(e, d, -1);
  const vCur = cur >= 0 ? value(inst, roster, e, cur) : 0;
  const best = bestOnDay(inst, roster, e, d, roster.worked[e]!, vCur);
  const curOk = cur >= 0 || (roster.worked[e]! >= inst.staff[e]!.lo && roster.worked[e]! <= inst.staff[e]!.hi);
  if (best.s !== -2 && (best.v < vCur - EPS || !curOk)) {
    roster.set(e, d, best.s);
    return best.s !== cur;
  }
  roster.set(e, d, cur);
  return false;
}

function shiftMove(inst: Instance, roster: Roster, e: number, d: number): boolean {
  const row = roster.rows[e]!;
  const cur = row[d]!;
  if (cur < 0) return false;
  roster.set(e, d, -1);
  const vCur = value(inst, roster, e, cur);
  let bestDay = -1;
  let best = { s: -2, v: vCur };
  for (let d2 = 0; d2 < row.length; d2++) {
    if (row[d2]! >= 0 || d2 === d) continue;
    const o = bestOnDay(inst, roster, e, d2, roster.worked[e]!, best.v);
    if (o.s >= 0 && o.v < best.v - EPS) {
      bestDay = d2;
      best = o;
    }
  }
  if (bestDay >= 0) {
    roster.set(e, bestDay, best.s);
    return true;
  }
  roster.set(e, d, cur);
  return false;
}

/** The candidate on `day` with the same template and clock time as shift s, or −1. */
function sameTimeOn(inst: Instance, s: number, day: number): number {
  const sh = inst.shifts[s]!;
  const offset = sh.start - (inst.grid.origin + sh.day * 1440);
  for (const c of inst.byDay[day] ?? []) if (inst.shifts[c]!.template === sh.template && inst.shifts[c]!.start - (inst.grid.origin + day * 1440) === offset) return c;
  return -1;
}

/**
 * Block move: the shifts of two consecutive days go, at the same clock times, to two other consecutive free
 * days — moving a two-day rest, which single-shift moves cannot do without breaking the weekly rest midway.
 */
function blockMove(inst: Instance, roster: Roster, e: number, d: number): boolean {
  const row = roster.rows[e]!;
  const a = row[d]!;
  const b = row[d + 1] ?? -1;
  if (a < 0 || b < 0) return false;
  const st = inst.staff[e]!;
  roster.set(e, d, -1);
  roster.set(e, d + 1, -1);
  const base = value(inst, roster, e, a) + value(inst, roster, e, b);
  let best = { d2: -1, a2: -1, b2: -1, v: base - EPS };
  for (let d2 = 0; d2 + 1 < row.length; d2++) {
    if (d2 === d || row[d2]! >= 0 || row[d2 + 1]! >= 0) continue;
    const a2 = sameTimeOn(inst, a, d2);
    const b2 = sameTimeOn(inst, b, d2 + 1);
    if (a2 < 0 || b2 < 0 || !st.allowed[a2] || !st.allowed[b2]) continue;
    const va = value(inst, roster, e, a2);
    roster.set(e, d2, a2);
    const v = va + value(inst, roster, e, b2);
    if (v < best.v && roster.lawfulWith(e, d2 + 1, b2)) best = { d2, a2, b2, v };
    roster.set(e, d2, -1);
  }
  if (best.d2 >= 0) {
    roster.set(e, best.d2, best.a2);
    roster.set(e, best.d2 + 1, best.b2);
    return true;
  }
  roster.set(e, d, a);
  roster.set(e, d + 1, b);
  return false;
}

/** Improves the roster in place until a local optimum or `deadline` (performance.now() ms). */
export function localSearch(inst: Instance, roster: Roster, deadline: number, seed = 1): { passes: number; moves: number } {
  const random = rng(seed);
  const order = inst.staff.map((_, e) => e);
  let passes = 0;
  let moves = 0;
  for (let improved = true; improved && performance.now() < deadline; passes++) {
    improved = false;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const move of [dayMove, shiftMove, blockMove]) {
      for (const e of order) {
        if (performance.now() > deadline) break;
        for (let d = 0; d < inst.grid.days; d++) {
          if (move(inst, roster, e, d)) {
            improved = true;
            moves++;
          }
        }
      }
    }
  }
  return { passes, moves };
}
