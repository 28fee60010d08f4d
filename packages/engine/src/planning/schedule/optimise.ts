// The schedule optimiser (issue 5, W4) — a decomposition, documented in docs/PLANNING.md:
//   0. checks before solving (validate.ts, explain.ts);
//   1. the aggregate shift-count model (coverageModel.ts): its LP relaxation is the lower bound, its MIP
//      (HiGHS, time limit and relative gap) the shift counts;
//   2. counts → named employees (assign.ts), hours repair, local search on the true objective (search.ts),
//      all within the labour rules;
//   3. breaks and lunches (breaks.ts);
//   4. the output is run through the labour-rule validator checkSchedule (rules.ts).
import type { Highs } from '../highs.ts';
import { fromMinutes } from './time.ts';
import { dateOfDay } from './grid.ts';
import { buildInstance, extraCost, type Instance } from './instance.ts';
import { solveCounts } from './coverageModel.ts';
import { assignCounts, fillHours } from './assign.ts';
import { localSearch, value } from './search.ts';
import { placeBreaks } from './breaks.ts';
import { penalty, underOver } from './objective.ts';
import { belowNorm, uncoverable, unreachableNorms } from './explain.ts';
import { checkScheduleProblem } from './validate.ts';
import { checkSchedule, type PlannedShift } from './rules.ts';
import type { Roster } from './roster.ts';
import type { Assignment, ScheduleProblem, ScheduleResult } from './problem.ts';

const seconds = (from: number) => (performance.now() - from) / 1000;

function emptyResult(problems: string[]): ScheduleResult {
  const stages = { lpSeconds: 0, mipSeconds: 0, mipObjective: null, assignSeconds: 0, searchSeconds: 0, breakSeconds: 0 };
  return { status: 'invalid', problems, conflicts: [], assignments: [], coverage: [], onDuty: [], under: 0, over: 0, onDutyUnder: 0, onDutyOver: 0, cost: 0, preferencePenalty: 0, objective: NaN, lpBound: NaN, gap: NaN, stages, hours: [], violations: [] };
}

function assignmentsOf(inst: Instance, roster: Roster, onDuty: Float64Array): Assignment[] {
  const list: Array<{ e: number; s: number }> = [];
  roster.rows.forEach((row, e) => row.forEach((s) => s >= 0 && list.push({ e, s })));
  const placed = placeBreaks(inst, list.map((x) => x.s), onDuty);
  return list.map(({ e, s }, j) => {
    const sh = inst.shifts[s]!;
    const t = inst.templates[sh.template]!;
    return {
      employeeId: inst.staff[e]!.employee.id,
      template: t.name,
      start: fromMinutes(sh.start),
      end: fromMinutes(sh.end),
      paidHours: sh.paidMinutes / 60,
      breaks: (t.breaks ?? []).map((b, i) => ({ name: b.name, start: fromMinutes(sh.start + placed[j]!.offsets[i]!), end: fromMinutes(sh.start + placed[j]!.offsets[i]! + b.minutes), paid: b.paid })),
    };
  });
}

export async function optimiseSchedule(p: ScheduleProblem, highs?: Highs): Promise<ScheduleResult> {
  const problems = checkScheduleProblem(p);
  if (problems.length) return emptyResult(problems);
  const started = performance.now();
  const budget = p.timeLimitSeconds ?? 60;
  const inst = buildInstance(p);
  const before = [...unreachableNorms(inst), ...uncoverable(inst)];

  let t = performance.now();
  const lp = await solveCounts(inst, { integer: false, timeLimitSeconds: budget * 0.25, mipGap: 0 }, highs);
  const lpSeconds = seconds(t);
  t = performance.now();
  const mip = await solveCounts(inst, { integer: true, timeLimitSeconds: Math.max(1, budget * 0.4 - seconds(started)), mipGap: p.mipGap ?? 0.005 }, highs);
  const mipSeconds = seconds(t);
  // without an integer solution in time, the LP's counts rounded down are the start
  const counts = Number.isFinite(mip.objective) ? mip : { ...lp, counts: lp.counts.map((m) => new Map([...m].map(([s, v]) => [s, Math.floor(v + 1e-6)]))) };

  t = performance.now();
  const { roster } = assignCounts(inst, counts);
  fillHours(inst, roster, (e, s) => value(inst, roster, e, s));
  const assignSeconds = seconds(t);
  t = performance.now();
  localSearch(inst, roster, started + budget * 1000 * 0.95, p.seed ?? 1);
  const searchSeconds = seconds(t);

  t = performance.now();
  const onDuty = Float64Array.from(roster.coverage);
  const assignments = assignmentsOf(inst, roster, onDuty);
  const breakSeconds = seconds(t);

  let cover = 0;
  roster.coverage.forEach((c, k) => (cover += penalty(inst, k, c)));
  let soft = 0;
  let cost = 0;
  roster.rows.forEach((row, e) => row.forEach((s) => {
    if (s < 0) return;
    soft += extraCost(inst.staff[e]!, s);
    cost += ((inst.staff[e]!.employee.costPerHour ?? 0) * inst.shifts[s]!.paidMinutes) / 60;
  }));
  const costWeight = p.weights?.cost ?? 0;
  const objective = cover + soft;
  const { under, over } = underOver(inst.requirement, roster.coverage);
  const duty = underOver(inst.requirement, onDuty);

  const planned: PlannedShift[] = assignments.map((a) => ({ employeeId: a.employeeId, start: a.start, end: a.end, unpaidBreakMinutes: a.breaks.reduce((m, b) => m + (b.paid ? 0 : (Date.parse(`${b.end}Z`) - Date.parse(`${b.start}Z`)) / 60000), 0) }));
  const check = checkSchedule(planned, inst.rules, { period: { from: dateOfDay(inst.grid, 0), to: dateOfDay(inst.grid, inst.grid.days - 1) }, normHours: Object.fromEntries(inst.staff.map((st) => [st.employee.id, st.employee.normHours])) });
  const conflicts = [...before, ...belowNorm(inst, roster.worked).filter((c) => !before.some((b) => b.employeeId === c.employeeId))];
  const gap = lp.objective > 1e-9 ? (objective - lp.objective) / lp.objective : objective > 1e-9 ? Infinity : 0;
  const infeasible = conflicts.some((c) => c.kind === 'employee') || check.violations.length > 0;
  return {
    status: infeasible ? 'infeasible' : gap <= (p.mipGap ?? 0.005) + 1e-9 ? 'optimal' : 'feasible',
    problems: [],
    conflicts,
    assignments,
    coverage: [...roster.coverage],
    onDuty: [...onDuty],
    under,
    over,
    onDutyUnder: duty.under,
    onDutyOver: duty.over,
    cost,
    preferencePenalty: soft - costWeight * cost,
    objective,
    lpBound: lp.objective,
    gap,
    stages: { lpSeconds, mipSeconds, mipObjective: Number.isFinite(mip.objective) ? mip.objective : null, assignSeconds, searchSeconds, breakSeconds },
    hours: check.employees,
    violations: check.violations.map((v) => ({ employeeId: v.employeeId, rule: v.rule, detail: v.detail })),
  };
}
