import { sql } from 'drizzle-orm';
import { sqlRows, type Tx } from './connect.ts';

/**
 * Deletes every row of one tenant, children before parents. The order is read from the
 * database's own foreign keys, so tables added later need no change here.
 */
export async function deleteTenantData(tx: Tx, tenantId: string): Promise<void> {
  const tables = (
    await sqlRows<{ table_name: string }>(tx, sql`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'tenant_id'`)
  ).map((r) => r.table_name);
  const edges = await sqlRows<{ child: string; parent: string }>(tx, sql`
      SELECT cl.relname AS child, pa.relname AS parent FROM pg_constraint c
      JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
      WHERE c.contype = 'f' AND cl.relnamespace = 'public'::regnamespace`);
  for (const table of childrenFirst(tables, edges)) {
    await tx.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId}`);
  }
  // The trigger logged those deletions; the tenant's log goes too.
  await tx.execute(sql`DELETE FROM audit_log WHERE tenant_id = ${tenantId}`);
}

/** Topological order in which no table comes after a table that refers to it. */
export function childrenFirst(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (order.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.parent === t && e.child !== t && tables.includes(e.child)) visit(e.child);
    order.push(t);
  };
  tables.forEach(visit);
  return order;
}
