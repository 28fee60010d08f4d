import { sql, type SQL } from 'drizzle-orm';
import { sqlRows, type Tx } from './connect.ts';

/**
 * A column of a bulk update: its SQL type (a VALUES list is untyped otherwise) and how the
 * given value combines with the stored one (default: replaces it). `set` gets the stored
 * column (`t.col`) and the given value (`v.col`) as SQL.
 */
export interface BulkColumn {
  name: string;
  type: string;
  set?: (stored: SQL, given: SQL) => SQL;
}

export interface BulkUpdate {
  table: string;
  /** The column that picks each row (`t.key = v.key`). */
  key: { name: string; type: string };
  columns: readonly BulkColumn[];
  /** One array per row: the key first, then a value per column, in `columns`' order. */
  rows: readonly (readonly unknown[])[];
  /** Further condition on the stored row (SQL over alias `t`). */
  where?: SQL;
  /** Columns of the updated rows to return. */
  returning?: readonly string[];
}

const col = (alias: 't' | 'v', name: string) => sql`${sql.identifier(alias)}.${sql.identifier(name)}`;

/**
 * Many rows changed in ONE statement:
 * `UPDATE table AS t SET c = … FROM (VALUES (key, c…), …) AS v(key, c…) WHERE t.key = v.key`.
 * The router writes dozens of rows per burst; a statement per row is a round trip (and a
 * socket write) per row, which is what limited the ACD under load (docs/SIMULATION.md). Row
 * security and the audit trigger apply to it as to single-row updates.
 */
export async function bulkUpdate<R = Record<string, unknown>>(tx: Tx, u: BulkUpdate): Promise<R[]> {
  if (u.rows.length === 0) return [];
  const names = [u.key.name, ...u.columns.map((c) => c.name)];
  const types = [u.key.type, ...u.columns.map((c) => c.type)];
  const values = sql.join(
    u.rows.map((row) => sql`(${sql.join(row.map((v, i) => sql`${v}::${sql.raw(types[i]!)}`), sql`, `)})`),
    sql`, `,
  );
  const sets = sql.join(
    u.columns.map((c) => sql`${sql.identifier(c.name)} = ${c.set ? c.set(col('t', c.name), col('v', c.name)) : col('v', c.name)}`),
    sql`, `,
  );
  const where = u.where ? sql` AND ${u.where}` : sql``;
  const returning = u.returning?.length ? sql` RETURNING ${sql.join(u.returning.map((r) => col('t', r)), sql`, `)}` : sql``;
  return sqlRows<R>(
    tx,
    sql`UPDATE ${sql.identifier(u.table)} AS t SET ${sets}
        FROM (VALUES ${values}) AS v(${sql.join(names.map((n) => sql.identifier(n)), sql`, `)})
        WHERE ${col('t', u.key.name)} = ${col('v', u.key.name)}${where}${returning}`,
  );
}
