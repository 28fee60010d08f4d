import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { afterCursor, toPage } from './pagination.ts';
import { badField, notFound } from './problem.ts';

/** The `:id` path parameter of every entity route. */
export const idParams = z.object({ id: z.uuid() });

/** A table with the columns every listed entity has. */
type Listable = PgTable & { id: PgColumn; createdAt: PgColumn };

/** One row by id, or 404 — also when the id belongs to another tenant (row security hides it). */
export async function findOr404<T extends Listable>(tx: Tx, table: T, id: string, what: string) {
  const [row] = await tx.select().from(table as PgTable).where(eq(table.id, id));
  if (!row) throw notFound(what);
  return row as T['$inferSelect'];
}

/** A page of rows, newest first, keyed by (created_at, id). */
export async function listPage<T extends Listable, O>(
  tx: Tx,
  table: T,
  filters: (SQL | undefined)[],
  query: { limit: number; cursor?: string },
  map: (row: T['$inferSelect']) => O,
) {
  const rows = (await tx
    .select()
    .from(table as PgTable)
    .where(and(...filters, afterCursor([table.createdAt, table.id], query.cursor)))
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(query.limit + 1)) as T['$inferSelect'][];
  return toPage(rows, query.limit, (r) => [(r.createdAt as Date).toISOString(), r.id as string], map);
}

/**
 * A row a request refers to (a client, hotline, user…), looked up through the tenant's own
 * view. PostgreSQL checks foreign keys without row security, so a reference to another
 * tenant's row would pass them; this is the check that does not. A miss is a bad field.
 */
export async function requireReference<T extends PgTable & { id: PgColumn }>(tx: Tx, table: T, id: string, field: string, what: string) {
  const [row] = await tx.select().from(table as PgTable).where(eq(table.id, id));
  if (!row) throw badField(field, `no such ${what}`);
  return row as T['$inferSelect'];
}
