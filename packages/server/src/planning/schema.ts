import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, date } from 'drizzle-orm/pg-core';
import type { BreakRule, LabourRules, Conflict } from '@linia/engine';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';

/** Local wall-clock time of the queue (no zone): what planners and the engine reason in. */
const local = (name: string) => timestamp(name, { mode: 'string', precision: 0 });

/**
 * A planning queue: the unit forecasts and staffing are made for, named per tenant by a code (the
 * history CSV's `queue` column), optionally linked to a hotline. Kept apart from the ACD's queues so
 * planning works before routing exists; a later link to an ACD queue is one more column.
 */
export const planningQueues = pgTable(
  'planning_queues',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    hotlineId: uuid('hotline_id').references(() => hotlines.id, { onDelete: 'set null' }),
    intervalMinutes: integer('interval_minutes').notNull().default(30),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('planning_queues_code').on(t.tenantId, t.code), index('planning_queues_page').on(t.tenantId, t.createdAt, t.id)],
);

/**
 * One interval of a queue's history. Only additive figures (counts and sums), so intervals merge
 * into hours and days, and the journal's interval aggregates (kpi/aggregate.ts: offered, answered,
 * abandoned, answeredWithinT, talk + hold + wrap-up seconds) fill it with a plain insert of the same
 * shape, `source = 'journal'`. AHT = handle_seconds / handled; service level = answered_within_t / offered.
 */
export const planningHistory = pgTable(
  'planning_history',
  {
    id: id(),
    tenantId: tenantId(),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => planningQueues.id, { onDelete: 'cascade' }),
    intervalStart: local('interval_start').notNull(),
    intervalMinutes: integer('interval_minutes').notNull(),
    offered: integer('offered').notNull(),
    handled: integer('handled').notNull(),
    abandoned: integer('abandoned').notNull().default(0),
    handleSeconds: doublePrecision('handle_seconds').notNull().default(0),
    /** Null when the source does not know it (the CSV has no wait times). */
    answeredWithinT: integer('answered_within_t'),
    source: text('source').$type<'csv' | 'journal'>().notNull(),
    /** Excluded by the planner (an outage, a one-off): forecasts treat the interval as missing. */
    excluded: boolean('excluded').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('planning_history_interval').on(t.queueId, t.intervalStart)],
);

/** A marked period: a campaign, an outage, a holiday — of one queue or of all (queue null). */
export const planningEvents = pgTable(
  'planning_events',
  {
    id: id(),
    tenantId: tenantId(),
    queueId: uuid('queue_id').references(() => planningQueues.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'campaign' | 'outage' | 'holiday'>().notNull(),
    startsAt: local('starts_at').notNull(),
    endsAt: local('ends_at').notNull(),
    note: text('note').notNull().default(''),
    /** Factor on the forecast volume of the future intervals the mark covers (a campaign: 1.3); null = none. */
    uplift: doublePrecision('uplift'),
    createdAt: createdAt(),
  },
  (t) => [index('planning_events_queue').on(t.tenantId, t.queueId, t.startsAt)],
);

export interface ForecastPoint {
  start: string;
  offered: number;
  ahtSeconds: number;
}

/** A stored forecast of a queue: the model chosen (by backtest or by hand), its backtest table, and the intervals. */
export const planningForecasts = pgTable(
  'planning_forecasts',
  {
    id: id(),
    tenantId: tenantId(),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => planningQueues.id, { onDelete: 'cascade' }),
    model: text('model').notNull(),
    requestedModel: text('requested_model').notNull(),
    intervalMinutes: integer('interval_minutes').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    days: integer('days').notNull(),
    backtest: jsonb('backtest').$type<Array<{ model: string; wape: number; days: number }>>().notNull(),
    points: jsonb('points').$type<ForecastPoint[]>().notNull(),
    /** What the event marks did: history intervals left out of training, forecast intervals uplifted. */
    adjustments: jsonb('adjustments').$type<{ excludedIntervals: number; upliftedIntervals: number }>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('planning_forecasts_queue').on(t.tenantId, t.queueId, t.createdAt)],
);

export interface StaffingParams {
  model: 'C' | 'A';
  serviceLevel?: number;
  thresholdSeconds: number;
  asaSeconds?: number;
  abandonment?: number;
  patienceSeconds?: number;
  maxOccupancy?: number;
  shrinkage: number;
}

export interface StaffingRow {
  start: string;
  offered: number;
  ahtSeconds: number;
  agents: number;
  heads: number;
  serviceLevel: number | null;
  asa: number | null;
  waitProbability: number | null;
  occupancy: number | null;
  abandonment: number | null;
}

/** Required agents and heads per interval of a stored forecast, for a target. */
export const planningStaffing = pgTable(
  'planning_staffing',
  {
    id: id(),
    tenantId: tenantId(),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => planningQueues.id, { onDelete: 'cascade' }),
    forecastId: uuid('forecast_id')
      .notNull()
      .references(() => planningForecasts.id, { onDelete: 'cascade' }),
    params: jsonb('params').$type<StaffingParams>().notNull(),
    rows: jsonb('rows').$type<StaffingRow[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('planning_staffing_queue').on(t.tenantId, t.queueId, t.createdAt)],
);

export interface EmployeePrefs {
  daysOff?: string[];
  earliestStart?: string;
  latestEnd?: string;
}

/** A person who is scheduled: linked to a user (so the desk can show "my schedule"), with a contract. */
export const planningEmployees = pgTable(
  'planning_employees',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** Share of full time (1 = 40 h a week); the monthly norm follows from the production calendar. */
    rate: doublePrecision('rate').notNull().default(1),
    /** Fixed monthly hours norm instead of the calendar's (null = calendar × rate). */
    monthlyNormHours: doublePrecision('monthly_norm_hours'),
    /** Planning queue codes the employee can work. */
    skills: text('skills').array().notNull().default([]),
    /** Template names the contract allows; empty = all. */
    templates: text('templates').array().notNull().default([]),
    unavailable: jsonb('unavailable').$type<Array<{ from: string; to: string }>>().notNull().default([]),
    preferences: jsonb('preferences').$type<EmployeePrefs>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('planning_employees_user').on(t.tenantId, t.userId), index('planning_employees_page').on(t.tenantId, t.createdAt, t.id)],
);

/** A shift template: start window and step, length, breaks. */
export const planningShiftTemplates = pgTable(
  'planning_shift_templates',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    earliestStart: text('earliest_start').notNull(),
    latestStart: text('latest_start').notNull(),
    startStepMinutes: integer('start_step_minutes').notNull().default(60),
    lengthMinutes: integer('length_minutes').notNull(),
    breaks: jsonb('breaks').$type<BreakRule[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('planning_shift_templates_name').on(t.tenantId, t.name), index('planning_shift_templates_page').on(t.tenantId, t.createdAt, t.id)],
);

/** The tenant's labour rules (one row; absent = the Labour Code defaults). */
export const planningRules = pgTable(
  'planning_rules',
  {
    id: id(),
    tenantId: tenantId(),
    rules: jsonb('rules').$type<LabourRules>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('planning_rules_tenant').on(t.tenantId)],
);

export interface ScheduleSummary {
  requirement: number[];
  coverage: number[];
  under: number;
  over: number;
  gap: number | null;
  lpBound: number | null;
  conflicts: Conflict[];
  problems: string[];
  seconds: number;
}

/** A schedule of a queue for a horizon, from a staffing result. Optimised off the request thread. */
export const planningSchedules = pgTable(
  'planning_schedules',
  {
    id: id(),
    tenantId: tenantId(),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => planningQueues.id, { onDelete: 'cascade' }),
    staffingId: uuid('staffing_id').references(() => planningStaffing.id, { onDelete: 'set null' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    days: integer('days').notNull(),
    intervalMinutes: integer('interval_minutes').notNull(),
    /** The per-interval heads the schedule is measured against (15/30/60 min of the horizon). */
    requirement: jsonb('requirement').$type<number[]>().notNull(),
    /**
     * Multi-skill schedules: each queue's own requirement (queue code → heads per interval) when the
     * schedule serves several queues; `requirement` is then their sum. Empty for a one-queue schedule.
     */
    skillRequirements: jsonb('skill_requirements').$type<Record<string, number[]>>().notNull().default({}),
    status: text('status').$type<'draft' | 'optimising' | 'ready' | 'failed' | 'published'>().notNull().default('draft'),
    /** Time budget of the optimiser (seconds), so the board can show how long it may still take. */
    timeLimitSeconds: integer('time_limit_seconds').notNull().default(20),
    optimiseStartedAt: at('optimise_started_at'),
    summary: jsonb('summary').$type<ScheduleSummary | null>(),
    publishedAt: at('published_at'),
    createdAt: createdAt(),
  },
  (t) => [index('planning_schedules_queue').on(t.tenantId, t.queueId, t.createdAt)],
);

/** One shift of one employee in a schedule; `manual` when the planner placed or moved it (re-optimising keeps it). */
export const planningShifts = pgTable(
  'planning_shifts',
  {
    id: id(),
    tenantId: tenantId(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => planningSchedules.id, { onDelete: 'cascade' }),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => planningEmployees.id, { onDelete: 'cascade' }),
    template: text('template').notNull(),
    startsAt: local('starts_at').notNull(),
    endsAt: local('ends_at').notNull(),
    breaks: jsonb('breaks').$type<Array<{ name: string; start: string; end: string; paid: boolean }>>().notNull().default([]),
    manual: boolean('manual').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('planning_shifts_schedule').on(t.scheduleId, t.startsAt), index('planning_shifts_employee').on(t.tenantId, t.employeeId, t.startsAt)],
);

/** An operator's request: swap a shift with a colleague, or time off; decided by a planner or group lead. */
export const planningRequests = pgTable(
  'planning_requests',
  {
    id: id(),
    tenantId: tenantId(),
    kind: text('kind').$type<'swap' | 'time_off'>().notNull(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => planningEmployees.id, { onDelete: 'cascade' }),
    shiftId: uuid('shift_id').references(() => planningShifts.id, { onDelete: 'cascade' }),
    otherEmployeeId: uuid('other_employee_id').references(() => planningEmployees.id, { onDelete: 'cascade' }),
    /** The colleague's shift taken in exchange (null: the colleague just takes the shift). */
    otherShiftId: uuid('other_shift_id').references(() => planningShifts.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    note: text('note').notNull().default(''),
    status: text('status').$type<'pending' | 'approved' | 'rejected'>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('planning_requests_page').on(t.tenantId, t.createdAt, t.id)],
);

/** A part of an employee's annual leave in the yearly vacation plan. */
export const planningVacations = pgTable(
  'planning_vacations',
  {
    id: id(),
    tenantId: tenantId(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => planningEmployees.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    days: integer('days').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('planning_vacations_year').on(t.tenantId, t.year)],
);
