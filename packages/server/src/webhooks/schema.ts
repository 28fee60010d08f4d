import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { users } from '../people/schema.ts';

/**
 * An integration's subscription: where to POST which events. The signing secret is kept in
 * clear because every delivery is signed with it (HMAC needs the key, not a hash of it); it is
 * shown once when created or rotated, never listed, and kept out of the audit log.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    signingSecret: text('signing_secret').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_subscriptions_page').on(t.tenantId, t.createdAt, t.id)],
);

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event for one subscription, and the log of trying to deliver it. Unique per
 * (subscription, event): on PostgreSQL every node hears every event, and each tries to enqueue
 * it — the index makes that one row. Pending rows are picked by `next_attempt_at`.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    tenantId: tenantId(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastAttemptAt: at('last_attempt_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: at('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_page').on(t.tenantId, t.subscriptionId, t.createdAt, t.id),
  ],
);
