// The prepared optimisation instance: grid, candidate shifts, employees with their hour limits (minutes),
// the shifts each may take (contract templates and availability) and the soft cost of each shift for them
// (preferences, pay).
import { toMinutes } from './time.ts';
import { clockMinutes, dateOfDay, makeGrid, weeksOf, type Grid } from './grid.ts';
import { generateShifts, type CandidateShift, type ShiftTemplate } from './templates.ts';
import { LABOUR_CODE_DEFAULTS, type LabourRules } from './rules.ts';
import type { Employee, ScheduleProblem } from './problem.ts';
import { tightenBand } from './reach.ts';

export interface Staff {
  employee: Employee;
  /** Worked minutes must lie in [lo, hi]. */
  lo: number;
  hi: number;
  /** allowed[s] = 1 when candidate shift s fits the contract and the availability. */
  allowed: Uint8Array;
  /** The band as given, before tightening to achievable sums (band = null: no achievable sum in it). */
  normLo: number;
  band: { lo: number; hi: number } | null;
  /** Soft cost of taking shift s (preferences + weighted pay); null when all zero. */
  extra: Float64Array | null;
}

export interface Instance {
  grid: Grid;
  templates: ShiftTemplate[];
  shifts: CandidateShift[];
  byDay: number[][];
  staff: Staff[];
  rules: LabourRules;
  weeks: Array<{ monday: string; start: number; end: number }>;
  requirement: Float64Array;
  wUnder: number;
  wOver: number;
}

/** Local 'YYYY-MM-DD' (whole day, `to` inclusive) or 'YYYY-MM-DDTHH:MM' → [from, to) minutes. */
function span(from: string, to: string): [number, number] {
  const a = from.length === 10 ? toMinutes(`${from}T00:00`) : toMinutes(from);
  const b = to.length === 10 ? toMinutes(`${to}T00:00`) + 1440 : toMinutes(to);
  return [a, b];
}

function softCosts(e: Employee, shifts: CandidateShift[], grid: Grid, costWeight: number): Float64Array | null {
  const p = e.preferences;
  const perMinute = costWeight * (e.costPerHour ?? 0) / 60;
  if (!p && perMinute === 0) return null;
  const w = p?.weight ?? 0.5;
  const off = new Set(p?.daysOff ?? []);
  const early = p?.earliestStart ? clockMinutes(p.earliestStart) : -Infinity;
  const late = p?.latestEnd ? clockMinutes(p.latestEnd) : Infinity;
  return Float64Array.from(shifts, (s) => {
    const dayStart = grid.origin + s.day * 1440;
    let c = perMinute * s.paidMinutes;
    if (off.has(dateOfDay(grid, s.day))) c += w;
    if (s.start - dayStart < early) c += w;
    if (s.end - dayStart > late) c += w;
    return c;
  });
}

export function buildInstance(p: ScheduleProblem): Instance {
  const grid = makeGrid(p.horizon);
  const shifts = generateShifts(p.templates, grid);
  const byDay: number[][] = Array.from({ length: grid.days }, () => []);
  for (const s of shifts) byDay[s.day]!.push(s.id);
  const names = p.templates.map((t) => t.name);
  const staff = p.employees
    .filter((e) => !p.skill || (e.skills ?? []).includes(p.skill))
    .map((e): Staff => {
      const ok = new Set((e.templates ?? names).map((n) => names.indexOf(n)));
      const blocked = (e.unavailable ?? []).map((u) => span(u.from, u.to));
      const allowed = Uint8Array.from(shifts, (s) => (ok.has(s.template) && !blocked.some(([a, b]) => s.start < b && a < s.end) ? 1 : 0));
      const tol = e.normToleranceHours ?? p.normToleranceHours ?? 8;
      const normLo = Math.max(0, e.normHours - tol) * 60;
      const lengths = shifts.filter((s) => allowed[s.id]).map((s) => s.paidMinutes);
      const band = tightenBand(normLo, e.normHours * 60, lengths, grid.days, grid.step);
      const { lo, hi } = band ?? { lo: normLo, hi: e.normHours * 60 };
      return { employee: e, lo, hi, normLo, band, allowed, extra: softCosts(e, shifts, grid, p.weights?.cost ?? 0) };
    });
  return {
    grid,
    templates: p.templates,
    shifts,
    byDay,
    staff,
    rules: p.rules ?? LABOUR_CODE_DEFAULTS,
    weeks: weeksOf(grid),
    requirement: Float64Array.from(p.requirement),
    wUnder: p.weights?.under ?? 1,
    wOver: p.weights?.over ?? 1,
  };
}

export const extraCost = (st: Staff, s: number) => (st.extra ? st.extra[s]! : 0);
