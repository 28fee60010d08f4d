import { boolean, jsonb, pgTable, text, uniqueIndex, uuid, index } from 'drizzle-orm/pg-core';
import type { CustomFieldDef } from '@linia/engine';
import { createdAt, id, tenantId } from '../db/columns.ts';

/** An organization that runs Linia: an outsourcing contact center or an in-house service desk. */
export const tenants = pgTable('tenants', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  timeZone: text('time_zone').notNull().default('Europe/Moscow'),
  createdAt: createdAt(),
});

/** A company whose hotlines the center serves (заказчик). An in-house center has one. */
export const clients = pgTable(
  'clients',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('clients_tenant_name').on(t.tenantId, t.name), index('clients_page').on(t.tenantId, t.createdAt, t.id)],
);

export interface Topic {
  id: string;
  name: string;
  children: Topic[];
}

/** A hotline (горячая линия, project) served for a client. */
export const hotlines = pgTable(
  'hotlines',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    code: text('code').notNull(),
    timeZone: text('time_zone').notNull(),
    channels: text('channels').array().notNull().default([]),
    topics: jsonb('topics').$type<Topic[]>().notNull().default([]),
    /** Fields its contacts carry besides the common ones (contract number, card digits…). */
    customFields: jsonb('custom_fields').$type<CustomFieldDef[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('hotlines_tenant_code').on(t.tenantId, t.code), index('hotlines_page').on(t.tenantId, t.createdAt, t.id)],
);
