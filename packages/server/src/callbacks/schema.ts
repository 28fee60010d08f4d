import type { AttemptOutcome, CallbackStatus } from '@linia/engine';
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { contacts } from '../contacts/schema.ts';
import { customers } from '../customers/schema.ts';
import { users } from '../people/schema.ts';
import { clients, hotlines } from '../tenants/schema.ts';

/**
 * A callback task (A10): whom to call (phone, customer), by when, who does it, and how it
 * ended. Made from a missed contact, or by hand when a customer asks to be called back.
 */
export const callbacks = pgTable(
  'callbacks',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    hotlineId: uuid('hotline_id')
      .notNull()
      .references(() => hotlines.id, { onDelete: 'restrict' }),
    /** The contact it comes from (a missed call, a chat that asked for a call). */
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    phone: text('phone').notNull(),
    reason: text('reason'),
    dueAt: at('due_at').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<CallbackStatus>().notNull().default('open'),
    attempts: integer('attempts').notNull().default(0),
    lastOutcome: text('last_outcome').$type<AttemptOutcome>(),
    /** The outgoing call that reached the customer, registered in the journal. */
    resultContactId: uuid('result_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    closedAt: at('closed_at'),
  },
  (t) => [
    index('callbacks_open').on(t.tenantId, t.status, t.dueAt),
    index('callbacks_assignee').on(t.tenantId, t.assigneeId, t.status, t.dueAt),
    index('callbacks_contact').on(t.contactId),
  ],
);

/** Each call made for a task, with what happened. */
export const callbackAttempts = pgTable(
  'callback_attempts',
  {
    id: id(),
    tenantId: tenantId(),
    callbackId: uuid('callback_id')
      .notNull()
      .references(() => callbacks.id, { onDelete: 'cascade' }),
    outcome: text('outcome').$type<AttemptOutcome>().notNull(),
    notes: text('notes'),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('callback_attempts_callback').on(t.callbackId, t.createdAt)],
);
