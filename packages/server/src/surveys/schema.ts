import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { contacts } from '../contacts/schema.ts';

/** A hotline's customer survey (M7): CSAT 1–5 or NPS 0–10, its question, and when a low answer calls for a follow-up. */
export const surveySettings = pgTable(
  'survey_settings',
  {
    id: id(),
    tenantId: tenantId(),
    hotlineId: uuid('hotline_id')
      .notNull()
      .references(() => hotlines.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'csat' | 'nps'>().notNull(),
    question: text('question').notNull(),
    allowComment: boolean('allow_comment').notNull().default(true),
    /** How long a survey link stays open. */
    expiryHours: integer('expiry_hours').notNull().default(72),
    /** An answer at or below this opens a follow-up for the group lead (default: CSAT 3, NPS 6). */
    lowScoreAtOrBelow: integer('low_score_at_or_below'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_settings_hotline').on(t.tenantId, t.hotlineId), index('survey_settings_page').on(t.tenantId, t.createdAt, t.id)],
);

/**
 * One survey sent for one contact, with its answer: the answer is stored with the contact it rates.
 * The link carries a random token; only its SHA-256 is stored, so a database copy opens no survey.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: id(),
    tenantId: tenantId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    hotlineId: uuid('hotline_id').notNull(),
    agentId: uuid('agent_id'),
    topicId: text('topic_id'),
    kind: text('kind').$type<'csat' | 'nps'>().notNull(),
    question: text('question').notNull(),
    allowComment: boolean('allow_comment').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    score: integer('score'),
    comment: text('comment'),
    answeredAt: at('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('surveys_token').on(t.tokenHash), uniqueIndex('surveys_contact').on(t.tenantId, t.contactId), index('surveys_answered').on(t.tenantId, t.answeredAt)],
);

/** A follow-up for the group lead after a low score: call the customer back, find out what went wrong. */
export const surveyFollowUps = pgTable(
  'survey_follow_ups',
  {
    id: id(),
    tenantId: tenantId(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    dueAt: at('due_at').notNull(),
    status: text('status').$type<'open' | 'done'>().notNull().default('open'),
    doneAt: at('done_at'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('survey_follow_ups_status').on(t.tenantId, t.status, t.dueAt)],
);
