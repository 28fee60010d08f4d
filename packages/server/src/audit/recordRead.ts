import { sql } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { auditLog } from './schema.ts';

/**
 * Records that personal data was viewed (152-FZ). Changes are logged by the database trigger;
 * reads cannot be, so the service that shows a customer card calls this in its transaction.
 * The actor comes from the transaction's linia.* settings, the trigger's source too.
 */
export async function recordRead(tx: Tx, entity: string, entityId: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO ${auditLog} (actor_kind, actor_id, actor_name, request_id, action, entity, entity_id)
    VALUES (coalesce(linia_setting('linia.actor_kind'), 'system'), linia_setting('linia.actor_id')::uuid,
            linia_setting('linia.actor_name'), linia_setting('linia.request_id'), 'read', ${entity}, ${entityId})`);
}
