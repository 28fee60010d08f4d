import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from '../db/columns.ts';

export interface Consent {
  kind: 'personal_data' | 'marketing' | 'call_recording';
  granted: boolean;
  at: string;
}

/**
 * A customer (абонент, клиент заказчика): the person or organization who contacts the center.
 * Personal data under 152-FZ: every view of a card is written to the audit log (recordRead).
 */
export const customers = pgTable(
  'customers',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** The name lowercased for "starts with" search (see db/search.ts). */
    nameKey: text('name_key').notNull(),
    organization: text('organization'),
    notes: text('notes'),
    consents: jsonb('consents').$type<Consent[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    index('customers_page').on(t.tenantId, t.createdAt, t.id),
    // "Find by name" in the desk is a prefix search on the lowercased name.
    index('customers_name').on(t.tenantId, sql`${t.nameKey} text_pattern_ops`),
  ],
);

export const IDENTIFIER_KINDS = ['phone', 'email', 'chat', 'messenger'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * How a customer is recognised: phones in E.164, e-mails lowercased, chat and messenger ids as
 * given. One value belongs to one customer of a tenant, so identification is one index lookup.
 */
export const customerIdentifiers = pgTable(
  'customer_identifiers',
  {
    id: id(),
    tenantId: tenantId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<IdentifierKind>().notNull(),
    value: text('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('customer_identifiers_value').on(t.tenantId, t.kind, t.value),
    index('customer_identifiers_customer').on(t.customerId),
  ],
);
