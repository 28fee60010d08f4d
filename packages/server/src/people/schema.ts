import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { clients } from '../tenants/schema.ts';

/**
 * A person who signs in. The login is unique across all tenants because the login form
 * does not ask for an organization.
 */
export const users = pgTable(
  'users',
  {
    id: id(),
    tenantId: tenantId(),
    login: text('login').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    role: text('role').notNull(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'restrict' }),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    locale: text('locale'),
    lastLoginAt: at('last_login_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_login').on(t.login), index('users_page').on(t.tenantId, t.createdAt, t.id)],
);
