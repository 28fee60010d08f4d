import { sql } from 'drizzle-orm';
import type { Database, Tx } from './connect.ts';

/** Who acts in a transaction: written into the audit log by the linia_audit trigger. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  id: string | null;
  name: string | null;
}

/** The tenant (and, for a client viewer, the client) a transaction may see. */
export interface Scope {
  tenantId: string;
  clientId: string | null;
  actor: Actor;
  requestId?: string;
}

/**
 * Runs `work` in one transaction that can see only `scope`'s rows. This is the single place
 * tenancy is enforced: the transaction drops to the linia_app role, whose row-level security
 * policies (db/tenancy.sql) filter every table by linia.tenant_id, so a query that forgets a
 * WHERE clause still cannot cross tenants, and an id of another tenant is simply not found.
 */
export async function withTenant<T>(db: Database, scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.orm.transaction(async (tx) => {
    await tx.execute(sql`SELECT
      set_config('linia.tenant_id', ${scope.tenantId}, true),
      set_config('linia.client_id', ${scope.clientId ?? ''}, true),
      ${actorSettings(scope.actor, scope.requestId)},
      -- SET LOCAL ROLE linia_app, in the same round trip: a request's fixed cost is one statement less.
      set_config('role', 'linia_app', true)`);
    return work(tx as Tx);
  });
}

/**
 * Runs `work` with the audit trigger silent: for writes that are recorded by their own journal
 * (the router's decisions: `routing_decisions` is the record of what the ACD changed in contacts
 * and agents). Everything else in the transaction stays audited.
 */
export async function unaudited<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  await tx.execute(sql`SELECT set_config('linia.audit', 'off', true)`);
  const result = await work();
  await tx.execute(sql`SELECT set_config('linia.audit', '', true)`);
  return result;
}

/**
 * Changes who acts for the rest of a `withTenant` transaction (the audit trigger reads it at
 * each change): a transaction that writes several requests' rows at once (the ACD's burst of
 * arrivals) names each one's actor before writing its rows.
 */
export async function actAs(tx: Tx, actor: Actor, requestId?: string): Promise<void> {
  await tx.execute(sql`SELECT ${actorSettings(actor, requestId)}`);
}

/** Who acts, as the transaction settings the audit trigger reads (linia_audit in tenancy.sql). */
const actorSettings = (actor: Actor, requestId?: string) => sql`
      set_config('linia.actor_kind', ${actor.kind}, true),
      set_config('linia.actor_id', ${actor.id ?? ''}, true),
      set_config('linia.actor_name', ${actor.name ?? ''}, true),
      set_config('linia.request_id', ${requestId ?? ''}, true)`;

/**
 * Runs `work` across tenants, as the owner. Only for what precedes knowing the tenant
 * (finding a login or a session) and for operations of the whole installation (demo reset).
 */
export async function asSystem<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.orm.transaction(async (tx) => work(tx as Tx));
}
