import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from '../db/columns.ts';
import { customers } from '../customers/schema.ts';

/**
 * Every message sent to a customer (an outage notice, an order's status), one row per customer,
 * so it shows on the customer's timeline whatever channel carried it.
 */
export const customerNotices = pgTable(
  'customer_notices',
  {
    id: id(),
    tenantId: tenantId(),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    /** What it is about: 'outage_suspension', 'outage_resumption', 'order_status', … */
    kind: text('kind').notNull(),
    /** The row it came from (an outage notice, an order). */
    sourceId: uuid('source_id'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    channel: text('channel').notNull(),
    address: text('address'),
    status: text('status').$type<'sent' | 'failed' | 'no_address'>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('customer_notices_customer').on(t.tenantId, t.customerId, t.createdAt)],
);
