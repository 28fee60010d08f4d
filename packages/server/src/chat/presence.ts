import { and, eq, isNull, sql } from 'drizzle-orm';
import { asSystem, sqlRows, type Database, type Tx } from '../db/index.ts';
import { chatSessions } from './schema.ts';

/**
 * Whether the customer is online, with several nodes: each chat records which nodes hold a socket
 * of its customer (`chat_sessions.customer_nodes`), and it is online while that list is not empty.
 * A node adds itself when a customer socket opens there and removes itself when its last one for
 * the chat closes — each one atomic UPDATE, so two nodes changing the same chat cannot lose each
 * other's change. A node that crashes removes nothing: the routing node sweeps out the nodes the
 * cluster's heartbeats say are gone (and, after a restart, every node it does not hear at all).
 */

/** This node holds (or no longer holds) a socket of the chat's customer: whether the customer is online now. */
export async function customerSocketsHere(tx: Tx, contactId: string, nodeId: string, holds: boolean): Promise<boolean | null> {
  const nodes = holds
    ? sql`case when ${nodeId} = any(${chatSessions.customerNodes}) then ${chatSessions.customerNodes} else array_append(${chatSessions.customerNodes}, ${nodeId}::text) end`
    : sql`array_remove(${chatSessions.customerNodes}, ${nodeId}::text)`;
  const [row] = await tx
    .update(chatSessions)
    .set({ customerNodes: nodes, customerOnline: sql`cardinality(${nodes}) > 0` })
    .where(eq(chatSessions.contactId, contactId))
    .returning({ online: chatSessions.customerOnline });
  return row ? row.online : null;
}

export interface PresenceChange {
  tenantId: string;
  contactId: string;
  online: boolean;
}

/**
 * Removes every node not in `live` from the open chats' customer nodes (across tenants): the chats
 * whose customer was online only through a dead node go offline. Returns what changed.
 */
export async function sweepDeadNodes(db: Database, live: readonly string[]): Promise<PresenceChange[]> {
  const liveArray = sql`${`{${live.map((id) => `"${id}"`).join(',')}}`}::text[]`;
  const kept = sql`array(select n from unnest(${chatSessions.customerNodes}) n where n = any(${liveArray}))`;
  const rows = await asSystem(db, (tx) =>
    sqlRows<{ tenant_id: string; contact_id: string; customer_online: boolean }>(
      tx,
      sql`UPDATE chat_sessions SET customer_nodes = ${kept}, customer_online = cardinality(${kept}) > 0
          WHERE ${and(isNull(chatSessions.endedAt), sql`cardinality(${chatSessions.customerNodes}) > 0`, sql`NOT (${chatSessions.customerNodes} <@ ${liveArray})`)}
          RETURNING tenant_id, contact_id, customer_online`,
    ),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, contactId: r.contact_id, online: r.customer_online }));
}
