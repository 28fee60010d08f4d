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
  /** The column that picks each row (`t.key = v.key`), indexed; its values are ids (no commas). */
  key: { name: string; type: string };
  columns: readonly BulkColumn[];
  /** One array per row: the key first, then a value per column, in `columns`' order (jsonb columns take the value itself, not its JSON text). */
  rows: readonly (readonly unknown[])[];
  /** Further condition on the stored row (SQL over alias `t`). */
  where?: SQL;
  /** Columns of the updated rows to return. */
  returning?: readonly string[];
}

const col = (alias: 't' | 'v', name: string) => sql`${sql.identifier(alias)}.${sql.identifier(name)}`;

/**
 * Many rows changed in ONE statement:
 * `UPDATE table AS t SET c = … FROM jsonb_to_recordset($1) AS v(key type, c type…) WHERE t.key = v.key`.
 * The router writes dozens of rows per burst; a statement per row is a round trip (and a
 * socket write) per row, which is what limited the ACD under load (docs/SIMULATION.md). The rows
 * travel as ONE JSON parameter: building a VALUES list of thousands of parameters cost more
 * CPU in the query builder than the database spent on the update. Row security and the audit
 * trigger apply as to single-row updates.
 */
export async function bulkUpdate<R = Record<string, unknown>>(tx: Tx, u: BulkUpdate): Promise<R[]> {
  if (u.rows.length === 0) return [];
  const names = [u.key.name, ...u.columns.map((c) => c.name)];
  const types = [u.key.type, ...u.columns.map((c) => c.type)];
  // jsonb_to_recordset reads objects by the column names of its definition list.
  const records = JSON.stringify(u.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i] ?? null]))));
  const definition = sql.join(names.map((n, i) => sql`${sql.identifier(n)} ${sql.raw(types[i]!)}`), sql`, `);
  const sets = sql.join(
    u.columns.map((c) => sql`${sql.identifier(c.name)} = ${c.set ? c.set(col('t', c.name), col('v', c.name)) : col('v', c.name)}`),
    sql`, `,
  );
  const where = u.where ? sql` AND ${u.where}` : sql``;
  const returning = u.returning?.length ? sql` RETURNING ${sql.join(u.returning.map((r) => col('t', r)), sql`, `)}` : sql``;
  // The keys again as an array the planner can see: with the recordset alone it guesses 100 rows
  // and, on a table whose statistics lag (a busy day's new contacts), hashes every row of the
  // tenant instead of looking the keys up — a scan per statement that grows with the table.
  const keys = u.rows.map((row) => String(row[0])).join(',');
  return sqlRows<R>(
    tx,
    sql`UPDATE ${sql.identifier(u.table)} AS t SET ${sets}
        FROM jsonb_to_recordset(${records}::jsonb) AS v(${definition})
        WHERE ${col('t', u.key.name)} = ${col('v', u.key.name)}
          AND ${col('t', u.key.name)} = ANY (string_to_array(${keys}, ',')::${sql.raw(u.key.type)}[])${where}${returning}`,
  );
}

export interface BulkInsert {
  table: string;
  /** The columns given, with their SQL types; the others take their defaults (id, tenant, created_at). */
  columns: readonly { name: string; type: string }[];
  /** One array per row, a value per column in `columns`' order. */
  rows: readonly (readonly unknown[])[];
}

/**
 * Many rows inserted in ONE statement with ONE parameter:
 * `INSERT INTO table (c…) SELECT c… FROM jsonb_to_recordset($1) AS v(c type…)` — for the same
 * reason as bulkUpdate (a burst's routing journal is hundreds of rows).
 */
export async function bulkInsert(tx: Tx, u: BulkInsert): Promise<void> {
  if (u.rows.length === 0) return;
  const records = JSON.stringify(u.rows.map((row) => Object.fromEntries(u.columns.map((c, i) => [c.name, row[i] ?? null]))));
  const names = sql.join(u.columns.map((c) => sql.identifier(c.name)), sql`, `);
  const definition = sql.join(u.columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)}`), sql`, `);
  await tx.execute(sql`INSERT INTO ${sql.identifier(u.table)} (${names}) SELECT ${names} FROM jsonb_to_recordset(${records}::jsonb) AS v(${definition})`);
}
