import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OrderStatus } from '@linia/engine';
import { createdAt, id, tenantId } from '../db/columns.ts';
import { clients, hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { customers } from '../customers/schema.ts';

/** A product or service a hotline sells, with its price (kopecks) on that hotline. */
export const catalogItems = pgTable(
  'catalog_items',
  {
    id: id(),
    tenantId: tenantId(),
    hotlineId: uuid('hotline_id').notNull().references(() => hotlines.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'product' | 'service'>().notNull().default('product'),
    sku: text('sku'),
    name: text('name').notNull(),
    price: integer('price').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('catalog_items_page').on(t.tenantId, t.createdAt, t.id), index('catalog_items_hotline').on(t.tenantId, t.hotlineId)],
);

export interface OrderLine {
  itemId: string;
  name: string;
  quantity: number;
  unitPrice: number;
}

/** An order taken in the desk: lines priced from the catalog when it was placed. */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id').notNull().references(() => clients.id, { onDelete: 'restrict' }),
    hotlineId: uuid('hotline_id').notNull().references(() => hotlines.id, { onDelete: 'restrict' }),
    number: integer('number').notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'restrict' }),
    status: text('status').$type<OrderStatus>().notNull().default('new'),
    lines: jsonb('lines').$type<OrderLine[]>().notNull(),
    total: integer('total').notNull(),
    address: text('address'),
    comment: text('comment'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('orders_number').on(t.tenantId, t.number), index('orders_page').on(t.tenantId, t.createdAt, t.id), index('orders_customer').on(t.tenantId, t.customerId)],
);

/** Every status change of an order (the log the customer is notified from). */
export const orderEvents = pgTable(
  'order_events',
  {
    id: id(),
    tenantId: tenantId(),
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    from: text('from_status').$type<OrderStatus>(),
    to: text('to_status').$type<OrderStatus>().notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
    createdAt: createdAt(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('order_events_order').on(t.tenantId, t.orderId, t.createdAt)],
);
