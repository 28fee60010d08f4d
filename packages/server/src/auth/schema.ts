import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { users } from '../people/schema.ts';

/** A browser session. Only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tenantId: tenantId(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** A token an integration uses instead of a session; it acts with the rights of its role. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('api_tokens_page').on(t.tenantId, t.createdAt, t.id)],
);
