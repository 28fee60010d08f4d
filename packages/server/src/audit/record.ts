import { sql } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { auditLog } from './schema.ts';

/** An audit entry a service writes itself: what the change trigger cannot see. */
export interface AuditEntry {
  action: 'read' | 'merge';
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes an audit entry in the caller's transaction. Row changes are logged by the database
 * trigger; reads of personal data (152-FZ) and summaries of compound operations (a merge)
 * cannot be, so services call this. The actor comes from the transaction's linia.* settings,
 * the trigger's source too.
 */
export async function recordAudit(tx: Tx, e: AuditEntry): Promise<void> {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await tx.execute(sql`
    INSERT INTO ${auditLog} (actor_kind, actor_id, actor_name, request_id, action, entity, entity_id, before, after)
    VALUES (coalesce(linia_setting('linia.actor_kind'), 'system'), linia_setting('linia.actor_id')::uuid,
            linia_setting('linia.actor_name'), linia_setting('linia.request_id'), ${e.action}, ${e.entity}, ${e.entityId},
            ${json(e.before)}::jsonb, ${json(e.after)}::jsonb)`);
}

/** Records that personal data was viewed. */
export const recordRead = (tx: Tx, entity: string, entityId: string) => recordAudit(tx, { action: 'read', entity, entityId });
