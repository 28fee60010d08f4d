import type { ScriptDefinition, WalkedStep } from '@linia/engine';
import { boolean, index, integer, jsonb, pgTable, text, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { contacts } from '../contacts/schema.ts';
import { users } from '../people/schema.ts';
import { clients, hotlines } from '../tenants/schema.ts';

/**
 * A conversation script (A3), bound to a hotline and optionally one topic of its tree. Every
 * change of the definition raises `version`; the audit log keeps each definition, and a stored
 * run keeps the texts it showed, so old runs stay readable after edits.
 */
export const scripts = pgTable(
  'scripts',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    hotlineId: uuid('hotline_id')
      .notNull()
      .references(() => hotlines.id, { onDelete: 'cascade' }),
    topicId: text('topic_id'),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    definition: jsonb('definition').$type<ScriptDefinition>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('scripts_hotline').on(t.tenantId, t.hotlineId, t.createdAt)],
);

/** The path an operator walked through a script on one contact: one run per contact. */
export const contactScriptRuns = pgTable(
  'contact_script_runs',
  {
    id: id(),
    tenantId: tenantId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    scriptId: uuid('script_id').references(() => scripts.id, { onDelete: 'set null' }),
    scriptName: text('script_name').notNull(),
    scriptVersion: integer('script_version').notNull(),
    path: jsonb('path').$type<WalkedStep[]>().notNull(),
    finished: boolean('finished').notNull(),
    outcome: text('outcome'),
    walkedBy: uuid('walked_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_script_runs_contact').on(t.contactId)],
);
