// Schedules (W4): the optimiser's problem from the stored staffing, employees, templates and labour rules;
// the board (required vs scheduled, shifts, labour-rule violations); moving shifts; re-optimising around
// manual shifts; publishing; an operator's own published schedule.
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  addIsoDays, checkRules, checkSchedule, checkScheduleProblem, hoursNorm, LABOUR_CODE_DEFAULTS, localToMinutes, minutesToLocal, pooledRequirement, presence, productionCalendar, skillCoverage, withFixedShifts,
  type LabourRules, type ScheduleProblem, type ScheduleResult,
} from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { findOr404, requireReference } from '../http/crud.ts';
import { badField, HttpProblem } from '../http/problem.ts';
import type { scheduleCreate, scheduleOut, shiftOut } from './scheduleContracts.ts';
import { planningEmployees, planningQueues, planningRules, planningSchedules, planningShifts, planningShiftTemplates, planningStaffing } from './schema.ts';
import { localOut } from './views.ts';

type Schedule = typeof planningSchedules.$inferSelect;
type ShiftRow = typeof planningShifts.$inferSelect;

export async function tenantRules(tx: Tx): Promise<LabourRules> {
  const [row] = await tx.select().from(planningRules);
  return row?.rules ?? LABOUR_CODE_DEFAULTS;
}

const lastDay = (s: Pick<Schedule, 'fromDate' | 'days'>) => addIsoDays(s.fromDate, s.days - 1);
const horizonOf = (s: Pick<Schedule, 'fromDate' | 'days' | 'intervalMinutes'>) => ({ from: s.fromDate, days: s.days, intervalMinutes: s.intervalMinutes });

/**
 * Schedules are built on a 15-minute grid whatever the queue's interval: breaks of 15 minutes and shift
 * starts on the quarter must fit it (the engine refuses a break off the grid).
 */
export const SCHEDULE_STEP = 15;

/** Heads required per 15 minutes of the horizon, from staffing rows of `rowMinutes` (intervals without a forecast need none). */
export function requirementFrom(rows: Array<{ start: string; heads: number }>, rowMinutes: number, horizon: { from: string; days: number }): number[] {
  const size = (horizon.days * 1440) / SCHEDULE_STEP;
  const out = new Array<number>(size).fill(0);
  const origin = localToMinutes(`${horizon.from}T00:00`);
  for (const r of rows) {
    const first = (localToMinutes(r.start) - origin) / SCHEDULE_STEP;
    for (let k = first; k < first + rowMinutes / SCHEDULE_STEP; k++) if (k >= 0 && k < size) out[k] = r.heads;
  }
  return out;
}

export async function createSchedule(tx: Tx, body: z.infer<typeof scheduleCreate>): Promise<Schedule> {
  const staffing = await requireReference(tx, planningStaffing, body.staffingId, 'body.staffingId', 'staffing');
  const queue = await findOr404(tx, planningQueues, staffing.queueId, 'Planning queue');
  const horizon = { from: body.fromDate, days: body.days };
  const own = requirementFrom(staffing.rows, queue.intervalMinutes, horizon);
  // Several queues at once (multi-skill): the requirement is their sum, each queue's own curve is kept so
  // the board can show per queue what the skilled people can cover (engine skillCoverage).
  const skillRequirements: Record<string, number[]> = {};
  if (body.alsoStaffingIds.length) {
    skillRequirements[queue.code] = own;
    for (const [i, id] of body.alsoStaffingIds.entries()) {
      const other = await requireReference(tx, planningStaffing, id, `body.alsoStaffingIds.${i}`, 'staffing');
      const q = await findOr404(tx, planningQueues, other.queueId, 'Planning queue');
      if (skillRequirements[q.code]) throw badField(`body.alsoStaffingIds.${i}`, `queue ${q.code} is already in the schedule`);
      skillRequirements[q.code] = requirementFrom(other.rows, q.intervalMinutes, horizon);
    }
  }
  const requirement = body.alsoStaffingIds.length ? pooledRequirement(skillRequirements) : own;
  if (!requirement.some((r) => r > 0)) throw badField('body.fromDate', 'the staffing has no requirement in these days');
  const [row] = await tx
    .insert(planningSchedules)
    .values({ queueId: queue.id, staffingId: staffing.id, fromDate: body.fromDate, days: body.days, intervalMinutes: SCHEDULE_STEP, requirement, skillRequirements, timeLimitSeconds: body.timeLimitSeconds })
    .returning();
  return row!;
}

/** Queue codes a schedule serves: its queue, or every queue of a multi-skill schedule. */
async function scheduleCodes(tx: Tx, schedule: Schedule): Promise<string[]> {
  const codes = Object.keys(schedule.skillRequirements);
  return codes.length ? codes : [(await findOr404(tx, planningQueues, schedule.queueId, 'Planning queue')).code];
}

/** Employees skilled for at least one of the codes. */
const skilledFor = (codes: string[]) => (e: { skills: string[] }) => e.skills.some((s) => codes.includes(s));

/** The optimiser's input: employees with the queue's skill, templates, rules; manual shifts stay fixed. */
export async function scheduleProblem(tx: Tx, schedule: Schedule): Promise<ScheduleProblem> {
  const codes = await scheduleCodes(tx, schedule);
  const templates = await tx.select().from(planningShiftTemplates).orderBy(asc(planningShiftTemplates.name));
  const rules = await tenantRules(tx);
  const problems = checkRules(rules, templates.map((t) => ({ name: t.name, lengthHours: t.lengthMinutes / 60 })));
  if (templates.length === 0) problems.push('there are no shift templates');
  const staff = (await tx.select().from(planningEmployees).where(eq(planningEmployees.active, true))).filter(skilledFor(codes));
  if (staff.length === 0) problems.push(`no active employee has the skill ${codes.join(' or ')}`);
  // Impossible rules are reported before solving (issue 5, "bad input").
  if (problems.length) throw new HttpProblem(422, problems.join('; '), problems.map((p) => ({ field: 'rules', message: p })));
  const to = lastDay(schedule);
  const calendar = productionCalendar();
  const fullNorm = hoursNorm(schedule.fromDate, to, calendar);
  const monthStart = `${schedule.fromDate.slice(0, 8)}01`;
  const monthEnd = addIsoDays(`${addIsoDays(monthStart, 32).slice(0, 8)}01`, -1);
  const monthNorm = Math.max(1, hoursNorm(monthStart, monthEnd, calendar));
  const manual = await tx.select().from(planningShifts).where(and(eq(planningShifts.scheduleId, schedule.id), eq(planningShifts.manual, true)));
  const problem: ScheduleProblem = {
    horizon: horizonOf(schedule),
    requirement: schedule.requirement,
    templates: templates.map((t) => ({ name: t.name, earliestStart: t.earliestStart, latestStart: t.latestStart, startStepMinutes: t.startStepMinutes, lengthMinutes: t.lengthMinutes, breaks: t.breaks })),
    employees: staff.map((e) => ({
      id: e.id,
      // A fixed monthly norm is scaled to the horizon by the horizon's share of the month's calendar norm.
      normHours: e.monthlyNormHours !== null ? (e.monthlyNormHours * fullNorm) / monthNorm : fullNorm * e.rate,
      ...(e.templates.length ? { templates: e.templates } : {}),
      unavailable: e.unavailable,
      preferences: e.preferences,
    })),
    rules,
    timeLimitSeconds: schedule.timeLimitSeconds,
  };
  const invalid = checkScheduleProblem(problem);
  if (invalid.length) throw new HttpProblem(422, invalid.join('; '), invalid.map((p) => ({ field: 'templates', message: p })));
  return withFixedShifts(problem, manual.map((m) => ({ employeeId: m.employeeId, start: localOut(m.startsAt), end: localOut(m.endsAt), paidHours: paidHours(m) })));
}

function paidHours(s: ShiftRow): number {
  const span = localToMinutes(localOut(s.endsAt)) - localToMinutes(localOut(s.startsAt));
  const unpaid = s.breaks.filter((b) => !b.paid).reduce((m, b) => m + localToMinutes(b.end) - localToMinutes(b.start), 0);
  return (span - unpaid) / 60;
}

/** Stores an optimiser result: the automatic shifts are replaced, manual ones kept. */
export async function storeResult(tx: Tx, scheduleId: string, result: ScheduleResult, seconds: number): Promise<void> {
  await tx.delete(planningShifts).where(and(eq(planningShifts.scheduleId, scheduleId), eq(planningShifts.manual, false)));
  if (result.assignments.length) {
    await tx.insert(planningShifts).values(result.assignments.map((a) => ({ scheduleId, employeeId: a.employeeId, template: a.template, startsAt: a.start, endsAt: a.end, breaks: a.breaks })));
  }
  const failed = result.status === 'invalid';
  await tx
    .update(planningSchedules)
    .set({
      status: failed ? 'failed' : 'ready',
      summary: {
        requirement: [],
        coverage: [],
        under: result.under,
        over: result.over,
        gap: Number.isFinite(result.gap) ? result.gap : null,
        lpBound: Number.isFinite(result.lpBound) ? result.lpBound : null,
        conflicts: result.conflicts,
        problems: result.problems,
        seconds,
      },
    })
    .where(eq(planningSchedules.id, scheduleId));
}

export const toShiftOut = (s: ShiftRow): z.infer<typeof shiftOut> => ({
  id: s.id, employeeId: s.employeeId, template: s.template, start: localOut(s.startsAt), end: localOut(s.endsAt), breaks: s.breaks, manual: s.manual,
});

export const toScheduleSummary = (s: Schedule) => ({
  id: s.id,
  queueId: s.queueId,
  staffingId: s.staffingId,
  fromDate: s.fromDate,
  days: s.days,
  intervalMinutes: s.intervalMinutes,
  // jsonb keeps no key order: codes are listed alphabetically
  queueCodes: Object.keys(s.skillRequirements).sort(),
  status: s.status,
  timeLimitSeconds: s.timeLimitSeconds,
  optimiseStartedAt: s.optimiseStartedAt?.toISOString() ?? null,
  publishedAt: s.publishedAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
});

/** Labour-rule check of the current shifts (the engine's validator), violations naming their shifts. */
async function check(tx: Tx, schedule: Schedule, shifts: ShiftRow[]) {
  const rules = await tenantRules(tx);
  const staff = await employeesOf(tx, shifts);
  const norm = hoursNorm(schedule.fromDate, lastDay(schedule), productionCalendar());
  const planned = shifts.map((s) => ({ employeeId: s.employeeId, start: localOut(s.startsAt), end: localOut(s.endsAt), unpaidBreakMinutes: s.breaks.filter((b) => !b.paid).reduce((m, b) => m + localToMinutes(b.end) - localToMinutes(b.start), 0) }));
  const result = checkSchedule(planned, rules, { period: { from: schedule.fromDate, to: lastDay(schedule) }, normHours: Object.fromEntries(staff.map((e) => [e.id, norm * e.rate])) });
  // the hours norm is the optimiser's target within a tolerance; the board reports the balance instead
  const violations = result.violations.filter((v) => v.rule !== 'hours-norm').map((v) => ({ employeeId: v.employeeId, rule: v.rule, detail: v.detail, shiftIds: v.shifts.map((i) => shifts[i]!.id) }));
  return { violations, hours: result.employees, staff, norm };
}

async function employeesOf(tx: Tx, shifts: ShiftRow[]) {
  const ids = [...new Set(shifts.map((s) => s.employeeId))];
  return ids.length ? tx.select().from(planningEmployees).where(inArray(planningEmployees.id, ids)) : [];
}

export async function scheduleView(tx: Tx, id: string): Promise<z.infer<typeof scheduleOut>> {
  const schedule = await findOr404(tx, planningSchedules, id, 'Schedule');
  const codes = await scheduleCodes(tx, schedule);
  const shifts = await tx.select().from(planningShifts).where(eq(planningShifts.scheduleId, id)).orderBy(asc(planningShifts.startsAt));
  const { violations, hours, norm } = await check(tx, schedule, shifts);
  const everyone = (await tx.select().from(planningEmployees).orderBy(asc(planningEmployees.name))).filter((e) => skilledFor(codes)(e) || shifts.some((s) => s.employeeId === e.id));
  const presenceOf = (list: ShiftRow[]) => presence(list.map((s) => ({ start: localOut(s.startsAt), end: localOut(s.endsAt) })), horizonOf(schedule));
  const scheduled = presenceOf(shifts);
  const skills = Object.keys(schedule.skillRequirements).length
    ? skillCoverage(Object.fromEntries(Object.keys(schedule.skillRequirements).sort().map((k) => [k, schedule.skillRequirements[k]!])), everyone.map((e) => ({ skills: e.skills, presence: presenceOf(shifts.filter((s) => s.employeeId === e.id)) }))).map(({ unmetByInterval: _u, ...q }) => q)
    : [];
  let under = 0;
  let over = 0;
  schedule.requirement.forEach((r, k) => {
    under += Math.max(0, r - scheduled[k]!);
    over += Math.max(0, scheduled[k]! - r);
  });
  const summary = schedule.summary;
  return {
    ...toScheduleSummary(schedule),
    requirement: schedule.requirement,
    scheduled,
    under,
    over,
    optimiser: summary ? { gap: summary.gap, lpBound: summary.lpBound, seconds: summary.seconds, conflicts: summary.conflicts, problems: summary.problems } : null,
    employees: everyone.map((e) => ({ id: e.id, name: e.name, workedHours: hours.find((h) => h.employeeId === e.id)?.workedHours ?? 0, normHours: norm * e.rate })),
    shifts: shifts.map(toShiftOut),
    violations,
    skills,
  };
}

/** Moves a shift (keeping its length and its breaks' offsets), possibly to another employee; it becomes manual. */
export async function moveShift(tx: Tx, id: string, body: { start: string; employeeId?: string | undefined }) {
  const shift = await findOr404(tx, planningShifts, id, 'Shift');
  const schedule = await findOr404(tx, planningSchedules, shift.scheduleId, 'Schedule');
  if (schedule.status === 'optimising') throw new HttpProblem(409, 'the schedule is being optimised');
  if (body.employeeId) await requireReference(tx, planningEmployees, body.employeeId, 'body.employeeId', 'employee');
  const delta = localToMinutes(body.start) - localToMinutes(localOut(shift.startsAt));
  const start = localToMinutes(body.start);
  const from = localToMinutes(`${schedule.fromDate}T00:00`);
  if (start < from || start >= from + schedule.days * 1440) throw badField('body.start', `must be within the schedule (${schedule.fromDate} … ${lastDay(schedule)})`);
  const shiftBy = (t: string) => minutesToLocal(localToMinutes(t) + delta);
  const [moved] = await tx
    .update(planningShifts)
    .set({
      startsAt: body.start,
      endsAt: shiftBy(localOut(shift.endsAt)),
      breaks: shift.breaks.map((b) => ({ ...b, start: shiftBy(b.start), end: shiftBy(b.end) })),
      employeeId: body.employeeId ?? shift.employeeId,
      manual: true,
    })
    .where(eq(planningShifts.id, id))
    .returning();
  const shifts = await tx.select().from(planningShifts).where(eq(planningShifts.scheduleId, schedule.id)).orderBy(asc(planningShifts.startsAt));
  const { violations } = await check(tx, schedule, shifts);
  return { shift: toShiftOut(moved!), violations };
}
