import { date, doublePrecision, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { QualityAnswers, QualityAutoRule, QualityCriterionResult, QualityErrorCounts, QualitySection, QualityWeighting } from '@linia/engine';

/** The four error-count columns of an evaluation, from the engine's counts. */
export const errorColumns = (e: QualityErrorCounts) => ({ errorsCustomer: e.customer, errorsBusiness: e.business, errorsCompliance: e.compliance, errorsNonCritical: e.nonCritical });

/** The engine's counts from an evaluation's columns; null before submission. */
export const errorCounts = (e: { errorsCustomer: number | null; errorsBusiness: number | null; errorsCompliance: number | null; errorsNonCritical: number | null }): QualityErrorCounts | null =>
  e.errorsCustomer === null ? null : { customer: e.errorsCustomer, business: e.errorsBusiness ?? 0, compliance: e.errorsCompliance ?? 0, nonCritical: e.errorsNonCritical ?? 0 };
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { contacts } from '../contacts/schema.ts';

/**
 * Agent groups for quality reports and dispute handling: a lead and the agents in the group.
 * The routing issue brings groups for queues later; until then quality keeps its own, so a group
 * lead can resolve disputes of exactly their agents.
 */
export const qualityGroups = pgTable(
  'quality_groups',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    leadId: uuid('lead_id').references(() => users.id, { onDelete: 'set null' }),
    memberIds: uuid('member_ids').array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('quality_groups_name').on(t.tenantId, t.name), index('quality_groups_page').on(t.tenantId, t.createdAt, t.id)],
);

/** A scorecard (оценочный лист), of one hotline or shared (`hotline_id` null). Its content lives in versions. */
export const qualityScorecards = pgTable(
  'quality_scorecards',
  {
    id: id(),
    tenantId: tenantId(),
    hotlineId: uuid('hotline_id').references(() => hotlines.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    /** The newest version (a draft while it is unpublished). */
    latestVersion: integer('latest_version').notNull().default(1),
    /** The version new evaluations use; null until the first publication. */
    publishedVersion: integer('published_version'),
    createdAt: createdAt(),
  },
  (t) => [index('quality_scorecards_page').on(t.tenantId, t.createdAt, t.id)],
);

/**
 * One version of a scorecard. A published version never changes: evaluations point at it, so
 * editing a published scorecard makes a new draft version and publishing that switches new
 * evaluations over while old ones keep theirs.
 */
export const qualityScorecardVersions = pgTable(
  'quality_scorecard_versions',
  {
    id: id(),
    tenantId: tenantId(),
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => qualityScorecards.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    title: text('title').notNull(),
    weighting: text('weighting').$type<QualityWeighting>().notNull().default('relative'),
    sections: jsonb('sections').$type<QualitySection[]>().notNull(),
    /** Automatic checks pre-filling criteria (greeting, forbidden phrases, response times…). */
    autoRules: jsonb('auto_rules').$type<QualityAutoRule[]>().notNull().default([]),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    publishedAt: at('published_at'),
  },
  (t) => [uniqueIndex('quality_scorecard_versions_number').on(t.tenantId, t.scorecardId, t.version)],
);

/** A sampling plan: N contacts per agent per period of a hotline or a group, assigned to specialists. */
export const qualityPlans = pgTable(
  'quality_plans',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => qualityScorecards.id, { onDelete: 'restrict' }),
    hotlineId: uuid('hotline_id').references(() => hotlines.id, { onDelete: 'restrict' }),
    groupId: uuid('group_id').references(() => qualityGroups.id, { onDelete: 'restrict' }),
    perAgent: integer('per_agent').notNull(),
    period: text('period').$type<'week' | 'month'>().notNull().default('week'),
    strata: text('strata').array().notNull().default([]),
    allocation: text('allocation').$type<'proportional' | 'equal'>().notNull().default('proportional'),
    seed: integer('seed').notNull(),
    specialistIds: uuid('specialist_ids').array().notNull(),
    capacityPerDay: integer('capacity_per_day').notNull().default(10),
    lastRunAt: at('last_run_at'),
    createdAt: createdAt(),
  },
  (t) => [index('quality_plans_page').on(t.tenantId, t.createdAt, t.id)],
);

export type EvaluationStatus = 'assigned' | 'draft' | 'submitted' | 'acknowledged' | 'disputed' | 'resolved';

export interface EvaluationNote {
  /** Position in the recording or transcript, seconds from the contact's start. */
  offsetSeconds: number | null;
  text: string;
  authorId: string;
  at: string;
}

/** An evaluation of one contact against one scorecard version (оценка обращения). */
export const qualityEvaluations = pgTable(
  'quality_evaluations',
  {
    id: id(),
    tenantId: tenantId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => qualityScorecardVersions.id, { onDelete: 'restrict' }),
    planId: uuid('plan_id').references(() => qualityPlans.id, { onDelete: 'set null' }),
    hotlineId: uuid('hotline_id').notNull(),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    groupId: uuid('group_id').references(() => qualityGroups.id, { onDelete: 'set null' }),
    evaluatorId: uuid('evaluator_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<EvaluationStatus>().notNull().default('assigned'),
    dueAt: at('due_at'),
    /** When the evaluated contact took place: reports go by the contact's period. */
    contactAt: at('contact_at').notNull(),
    answers: jsonb('answers').$type<QualityAnswers>().notNull().default({}),
    comments: jsonb('comments').$type<Record<string, string>>().notNull().default({}),
    notes: jsonb('notes').$type<EvaluationNote[]>().notNull().default([]),
    recordingRef: text('recording_ref'),
    feedback: text('feedback'),
    score: doublePrecision('score'),
    rawScore: doublePrecision('raw_score'),
    // Errors per criticality class as plain integers (not JSON): reports sum them over 100,000s of rows.
    errorsCustomer: integer('errors_customer'),
    errorsBusiness: integer('errors_business'),
    errorsCompliance: integer('errors_compliance'),
    errorsNonCritical: integer('errors_non_critical'),
    criteria: jsonb('criteria').$type<QualityCriterionResult[]>(),
    submittedAt: at('submitted_at'),
    acknowledgedAt: at('acknowledged_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('quality_evaluations_page').on(t.tenantId, t.createdAt, t.id),
    index('quality_evaluations_contact').on(t.tenantId, t.contactId),
    index('quality_evaluations_agent').on(t.tenantId, t.agentId, t.contactAt),
    index('quality_evaluations_evaluator').on(t.tenantId, t.evaluatorId, t.status),
    // Reports read the partial first and last days of a range from here (whole days from the rollups).
    index('quality_evaluations_contact_at').on(t.tenantId, t.contactAt),
  ],
);

/** The agent contests one criterion of an evaluation; a lead accepts (with a new value) or rejects. */
export const qualityDisputes = pgTable(
  'quality_disputes',
  {
    id: id(),
    tenantId: tenantId(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => qualityEvaluations.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    comment: text('comment').notNull(),
    status: text('status').$type<'open' | 'accepted' | 'rejected'>().notNull().default('open'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: at('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [index('quality_disputes_evaluation').on(t.tenantId, t.evaluationId), index('quality_disputes_status').on(t.tenantId, t.status, t.createdAt)],
);

/**
 * Who did what to an evaluation, when and why (submitted, feedback, acknowledged, disputed,
 * dispute accepted with the score before and after, rejected). The audit trigger keeps raw row
 * changes too; this is the readable story the agent and the lead see.
 */
export const qualityEvaluationHistory = pgTable(
  'quality_evaluation_history',
  {
    id: id(),
    tenantId: tenantId(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => qualityEvaluations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('quality_evaluation_history_evaluation').on(t.tenantId, t.evaluationId, t.createdAt)],
);

/** A calibration session: one contact, several evaluators scoring blind, then the lead reveals. */
export const qualityCalibrations = pgTable(
  'quality_calibrations',
  {
    id: id(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => qualityScorecardVersions.id, { onDelete: 'restrict' }),
    leadId: uuid('lead_id').references(() => users.id, { onDelete: 'set null' }),
    evaluatorIds: uuid('evaluator_ids').array().notNull(),
    status: text('status').$type<'open' | 'revealed'>().notNull().default('open'),
    /** The lead's answers; null → the evaluators' consensus is the reference. */
    reference: jsonb('reference').$type<QualityAnswers>(),
    revealedAt: at('revealed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('quality_calibrations_page').on(t.tenantId, t.createdAt, t.id)],
);

export const qualityCalibrationScores = pgTable(
  'quality_calibration_scores',
  {
    id: id(),
    tenantId: tenantId(),
    calibrationId: uuid('calibration_id')
      .notNull()
      .references(() => qualityCalibrations.id, { onDelete: 'cascade' }),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<QualityAnswers>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('quality_calibration_scores_one').on(t.tenantId, t.calibrationId, t.evaluatorId)],
);

/*
 * Rollups: derived data, rebuildable from quality_evaluations at any time (rollups.ts). The
 * agent-period report over 100,000 evaluations read the evaluations table in 0.7–2.6 s on PGlite;
 * summed per local day it reads a few thousand rows. Kept exact by applying each submitted or
 * rescored evaluation's contribution in the same transaction; not audited (tenancy.sql) — the
 * evaluation rows they sum are. No foreign keys: a rollup row outlives nothing it points at, and
 * a `set null` would collide with the unique key.
 */

/** Per tenant: the time zone the rollups' days are in; a different organisation zone forces a rebuild. */
export const qualityRollupState = pgTable('quality_rollup_state', {
  tenantId: tenantId().primaryKey(),
  timeZone: text('time_zone').notNull(),
  builtAt: at('built_at').notNull().defaultNow(),
});

/** Submitted evaluations per local day, agent, group, hotline and scorecard version: counts, score sum, errors. */
export const qualityScoreRollups = pgTable(
  'quality_score_rollups',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    agentId: uuid('agent_id'),
    groupId: uuid('group_id'),
    hotlineId: uuid('hotline_id').notNull(),
    versionId: uuid('version_id').notNull(),
    evaluations: integer('evaluations').notNull(),
    /** Evaluations with a score (all-N/A ones are counted, not averaged). */
    scored: integer('scored').notNull(),
    scoreSum: doublePrecision('score_sum').notNull(),
    errorsCustomer: integer('errors_customer').notNull(),
    errorsBusiness: integer('errors_business').notNull(),
    errorsCompliance: integer('errors_compliance').notNull(),
    errorsNonCritical: integer('errors_non_critical').notNull(),
  },
  (t) => [unique('quality_score_rollups_key').on(t.tenantId, t.day, t.agentId, t.groupId, t.hotlineId, t.versionId).nullsNotDistinct()],
);

/** Per-criterion results per local day, group, hotline and version: for the error-frequency report. */
export const qualityCriterionRollups = pgTable(
  'quality_criterion_rollups',
  {
    tenantId: tenantId(),
    day: date('day', { mode: 'string' }).notNull(),
    groupId: uuid('group_id'),
    hotlineId: uuid('hotline_id').notNull(),
    versionId: uuid('version_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    errorClass: text('error_class').notNull(),
    /** Criterion results stored (N/A included), evaluated (not N/A), failed. */
    results: integer('results').notNull(),
    evaluated: integer('evaluated').notNull(),
    failed: integer('failed').notNull(),
  },
  (t) => [unique('quality_criterion_rollups_key').on(t.tenantId, t.day, t.groupId, t.hotlineId, t.versionId, t.criterionId).nullsNotDistinct()],
);
