import { z } from 'zod';

/** Request and response shapes of schedules (W4) and vacations (W5). */
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:MM');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const isoDate = z.iso.date();
const span = z.strictObject({ from: z.union([isoDate, localTime]), to: z.union([isoDate, localTime]) });

/** Soft wishes the optimiser weighs (engine EmployeePreferences): days off, earliest start, latest end. */
export const preferences = z
  .strictObject({ daysOff: z.array(isoDate).max(366).optional(), earliestStart: clock.optional(), latestEnd: clock.optional() })
  .refine((p) => !p.earliestStart || !p.latestEnd || p.latestEnd > p.earliestStart, { path: ['latestEnd'], message: 'must be after earliestStart' });

export const employeeOut = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  rate: z.number(),
  monthlyNormHours: z.number().nullable(),
  skills: z.array(z.string()),
  templates: z.array(z.string()),
  unavailable: z.array(z.object({ from: z.string(), to: z.string() })),
  preferences: z.object({ daysOff: z.array(z.string()).optional(), earliestStart: z.string().optional(), latestEnd: z.string().optional() }),
  active: z.boolean(),
  createdAt: z.string(),
});
export const employeeCreate = z.strictObject({
  userId: z.uuid().nullish(),
  name: z.string().trim().min(1).max(200),
  rate: z.number().gt(0).max(1).default(1),
  monthlyNormHours: z.number().gt(0).max(300).nullish(),
  skills: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  templates: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  unavailable: z.array(span).max(366).default([]),
  preferences: preferences.default({}),
  active: z.boolean().default(true),
});
export const employeePatch = employeeCreate.partial();

const breakRule = z.strictObject({
  name: z.string().trim().min(1).max(60),
  minutes: z.number().int().min(5).max(180),
  paid: z.boolean(),
  earliestStart: z.number().int().min(0).max(1440),
  latestStart: z.number().int().min(0).max(1440),
});
export const templateOut = z.object({
  id: z.uuid(),
  name: z.string(),
  earliestStart: z.string(),
  latestStart: z.string(),
  startStepMinutes: z.number(),
  lengthMinutes: z.number(),
  breaks: z.array(breakRule),
  createdAt: z.string(),
});
export const templateCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    earliestStart: clock,
    latestStart: clock,
    startStepMinutes: z.number().int().min(15).max(720).default(60),
    lengthMinutes: z.number().int().min(60).max(1440),
    breaks: z.array(breakRule).max(6).default([]),
  })
  .refine((t) => t.latestStart >= t.earliestStart, { path: ['latestStart'], message: 'must not be before earliestStart' });
export const templatePatch = z.strictObject({ name: z.string().trim().min(1).max(100).optional(), breaks: z.array(breakRule).max(6).optional() });

export const rulesOut = z.object({ maxShiftHours: z.number(), minRestHours: z.number(), weeklyRestHours: z.number(), nightStartHour: z.number(), nightEndHour: z.number() });
export const rulesPut = z.strictObject({
  maxShiftHours: z.number().gt(0).max(24),
  minRestHours: z.number().min(0).max(72),
  weeklyRestHours: z.number().min(0).max(168),
  nightStartHour: z.number().int().min(0).max(23).default(22),
  nightEndHour: z.number().int().min(0).max(23).default(6),
});

export const scheduleCreate = z.strictObject({
  staffingId: z.uuid(),
  /** Multi-skill: staffings of further queues scheduled together with the first (requirements summed). */
  alsoStaffingIds: z.array(z.uuid()).max(9).default([]),
  fromDate: isoDate,
  days: z.number().int().min(1).max(42),
  timeLimitSeconds: z.number().int().min(2).max(300).default(20),
});
const violationOut = z.object({ employeeId: z.string(), rule: z.string(), detail: z.string(), shiftIds: z.array(z.string()) });
export const shiftOut = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  template: z.string(),
  start: z.string(),
  end: z.string(),
  breaks: z.array(z.object({ name: z.string(), start: z.string(), end: z.string(), paid: z.boolean() })),
  manual: z.boolean(),
});
export const scheduleSummaryOut = z.object({
  id: z.uuid(),
  queueId: z.uuid(),
  staffingId: z.uuid().nullable(),
  fromDate: z.string(),
  days: z.number(),
  intervalMinutes: z.number(),
  /** The queues of a multi-skill schedule (empty: only its own queue). */
  queueCodes: z.array(z.string()),
  status: z.enum(['draft', 'optimising', 'ready', 'failed', 'published']),
  timeLimitSeconds: z.number(),
  optimiseStartedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const scheduleOut = scheduleSummaryOut.extend({
  requirement: z.array(z.number()),
  scheduled: z.array(z.number()),
  under: z.number(),
  over: z.number(),
  optimiser: z.object({ gap: z.number().nullable(), lpBound: z.number().nullable(), seconds: z.number(), conflicts: z.array(z.object({ kind: z.string(), employeeId: z.string().optional(), rule: z.string().optional(), detail: z.string() })), problems: z.array(z.string()) }).nullable(),
  employees: z.array(z.object({ id: z.uuid(), name: z.string(), workedHours: z.number(), normHours: z.number() })),
  shifts: z.array(shiftOut),
  violations: z.array(violationOut),
  /** Multi-skill schedules: per queue, the interval-heads required, covered by people skilled for it, unmet. */
  skills: z.array(z.object({ queue: z.string(), required: z.number(), covered: z.number(), unmet: z.number() })),
});
export const shiftPatch = z.strictObject({ start: localTime, employeeId: z.uuid().optional() });
export const shiftMoved = z.object({ shift: shiftOut, violations: z.array(violationOut) });

export const myScheduleOut = z.object({
  employee: z.object({ id: z.uuid(), name: z.string(), preferences: employeeOut.shape.preferences, unavailable: employeeOut.shape.unavailable }).nullable(),
  shifts: z.array(shiftOut.extend({ scheduleId: z.uuid(), queueName: z.string() })),
  colleagues: z.array(z.object({ id: z.uuid(), name: z.string() })),
  requests: z.array(z.lazy(() => requestOut)),
});
export const requestOut = z.object({
  id: z.uuid(),
  kind: z.enum(['swap', 'time_off']),
  employeeId: z.uuid(),
  employeeName: z.string(),
  shiftId: z.uuid().nullable(),
  shiftStart: z.string().nullable(),
  otherEmployeeId: z.uuid().nullable(),
  otherEmployeeName: z.string().nullable(),
  otherShiftId: z.uuid().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  note: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: z.string(),
});
export const requestCreate = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('swap'), shiftId: z.uuid(), otherEmployeeId: z.uuid(), otherShiftId: z.uuid().nullish(), note: z.string().max(1000).default('') }),
  z.strictObject({ kind: z.literal('time_off'), fromDate: isoDate, toDate: isoDate, note: z.string().max(1000).default('') }).refine((r) => r.toDate >= r.fromDate, { path: ['toDate'], message: 'must not be before fromDate' }),
]);
export const requestDecide = z.strictObject({ approve: z.boolean() });

export const vacationPlanCreate = z.strictObject({
  year: z.number().int().min(2020).max(2035),
  /** Days of annual leave per employee (Labour Code Art. 115: 28). */
  days: z.number().int().min(14).max(60).default(28),
});
export const vacationPlanOut = z.object({
  year: z.number(),
  parts: z.array(z.object({ id: z.uuid(), employeeId: z.uuid(), employeeName: z.string(), from: z.string(), to: z.string(), days: z.number() })),
  months: z.array(z.object({ month: z.number(), requiredFte: z.number(), availableFte: z.number(), minAvailable: z.number() })),
  conflicts: z.array(z.object({ kind: z.string(), employeeId: z.string().optional(), from: z.string().optional(), to: z.string().optional(), detail: z.string() })),
});
