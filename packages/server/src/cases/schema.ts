import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CaseStatus, CaseType, Impact, Priority, SlaPause, Urgency } from '@linia/engine';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { clients, hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { customers } from '../customers/schema.ts';
import { businessCalendars } from '../calendars/schema.ts';

/**
 * A resolver group: a line of support (L1, L2, L3) or a department that decides complaints.
 * `escalate_to_id` is where an atypical question or a breached SLA goes next.
 */
export const resolverGroups = pgTable(
  'resolver_groups',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    kind: text('kind').$type<'line' | 'department'>().notNull().default('line'),
    level: integer('level').notNull().default(1),
    escalateToId: uuid('escalate_to_id').references((): AnyPgColumn => resolverGroups.id, { onDelete: 'set null' }),
    /** The hotline the group serves; null = every hotline. */
    hotlineId: uuid('hotline_id').references(() => hotlines.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('resolver_groups_page').on(t.tenantId, t.createdAt, t.id)],
);

export const resolverGroupMembers = pgTable(
  'resolver_group_members',
  {
    id: id(),
    tenantId: tenantId(),
    groupId: uuid('group_id').notNull().references(() => resolverGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('resolver_group_members_unique').on(t.tenantId, t.groupId, t.userId), index('resolver_group_members_user').on(t.tenantId, t.userId)],
);

/**
 * Response and resolution targets (business minutes) for cases of a hotline × type × priority.
 * Null in a key column matches any value; the most specific policy wins (see sla.ts).
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    hotlineId: uuid('hotline_id').references(() => hotlines.id, { onDelete: 'cascade' }),
    caseType: text('case_type').$type<CaseType>(),
    priority: text('priority').$type<Priority>(),
    responseMinutes: integer('response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    /** Null = the hotline's calendar, or round the clock when the hotline has none. */
    calendarId: uuid('calendar_id').references(() => businessCalendars.id, { onDelete: 'set null' }),
    warnPercent: integer('warn_percent').notNull().default(80),
    createdAt: createdAt(),
  },
  (t) => [index('sla_policies_page').on(t.tenantId, t.createdAt, t.id)],
);

/** A problem: the common cause of several incidents (ITIL problem management). */
export const problems = pgTable(
  'problems',
  {
    id: id(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
    hotlineId: uuid('hotline_id').references(() => hotlines.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    resolvedAt: at('resolved_at'),
  },
  (t) => [index('problems_page').on(t.tenantId, t.createdAt, t.id)],
);

/**
 * A case (заявка / претензия / инцидент). The SLA terms are copied in when the case opens (the
 * policy may change later; a case keeps the terms it was promised). Pauses are kept as a list so
 * the clock can be recomputed at any instant.
 */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    hotlineId: uuid('hotline_id').notNull().references(() => hotlines.id, { onDelete: 'restrict' }),
    /** Per-tenant running number shown to people ("заявка № 42"). */
    number: integer('number').notNull(),
    type: text('type').$type<CaseType>().notNull(),
    status: text('status').$type<CaseStatus>().notNull().default('new'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    contactIds: uuid('contact_ids').array().notNull().default([]),
    subject: text('subject').notNull(),
    description: text('description').notNull().default(''),
    impact: text('impact').$type<Impact>().notNull().default('medium'),
    urgency: text('urgency').$type<Urgency>().notNull().default('medium'),
    priority: text('priority').$type<Priority>().notNull().default('medium'),
    groupId: uuid('group_id').references(() => resolverGroups.id, { onDelete: 'set null' }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    slaPolicyId: uuid('sla_policy_id').references(() => slaPolicies.id, { onDelete: 'set null' }),
    calendarId: uuid('calendar_id').references(() => businessCalendars.id, { onDelete: 'set null' }),
    responseMinutes: integer('response_minutes'),
    resolutionMinutes: integer('resolution_minutes'),
    warnPercent: integer('warn_percent').notNull().default(80),
    /** Due times as they stand (recomputed on every status change; null while paused or without SLA). */
    responseDueAt: at('response_due_at'),
    resolutionDueAt: at('resolution_due_at'),
    respondedAt: at('responded_at'),
    resolvedAt: at('resolved_at'),
    closedAt: at('closed_at'),
    pauses: jsonb('pauses').$type<SlaPause[]>().notNull().default([]),
    /** SLA signals already given ('response_warning', 'resolution_breach', …), so the sweeper gives each once. */
    slaSignals: text('sla_signals').array().notNull().default([]),
    escalationLevel: integer('escalation_level').notNull().default(0),
    problemId: uuid('problem_id').references(() => problems.id, { onDelete: 'set null' }),
    // Complaints (претензии): the department that decides, by when, what, and the answer sent.
    departmentId: uuid('department_id').references(() => resolverGroups.id, { onDelete: 'set null' }),
    decisionDueAt: at('decision_due_at'),
    decision: text('decision'),
    decisionAt: at('decision_at'),
    answer: text('answer'),
    answerChannel: text('answer_channel'),
    answerSentAt: at('answer_sent_at'),
    open: boolean('open').notNull().default(true),
  },
  (t) => [
    uniqueIndex('cases_number').on(t.tenantId, t.number),
    index('cases_page').on(t.tenantId, t.createdAt, t.id),
    index('cases_customer').on(t.tenantId, t.customerId, t.createdAt),
    index('cases_group').on(t.tenantId, t.groupId, t.createdAt),
    index('cases_assignee').on(t.tenantId, t.assigneeId, t.createdAt),
    // The sweeper reads open cases only.
    index('cases_open').on(t.tenantId, t.open, t.resolutionDueAt),
  ],
);

/** Every step of a case: created, status, assignment, escalation, comment, SLA signal, decision. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: id(),
    tenantId: tenantId(),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    /** Insertion order: steps of one instant (a sweep's signals and its escalation) keep their order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('case_events_case').on(t.tenantId, t.caseId, t.createdAt)],
);

/**
 * An outage notice (уведомление о приостановке / возобновлении услуги) sent from a problem or a
 * planned maintenance to every affected customer; each customer's copy is a customer_notices row.
 */
export const outageNotices = pgTable(
  'outage_notices',
  {
    id: id(),
    tenantId: tenantId(),
    problemId: uuid('problem_id').references(() => problems.id, { onDelete: 'set null' }),
    hotlineId: uuid('hotline_id').references(() => hotlines.id, { onDelete: 'set null' }),
    kind: text('kind').$type<'suspension' | 'resumption'>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    recipients: integer('recipients').notNull().default(0),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('outage_notices_page').on(t.tenantId, t.createdAt, t.id)],
);
