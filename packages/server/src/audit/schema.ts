import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, tenantId } from '../db/columns.ts';

/**
 * Who changed or read what. Rows are written by the `linia_audit` trigger for changes
 * (see db/tenancy.ts) and by `recordRead` for reads of personal data.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: tenantId(),
    at: at('at').notNull().defaultNow(),
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_entity').on(t.tenantId, t.entity, t.entityId), index('audit_page').on(t.tenantId, t.id)],
);
