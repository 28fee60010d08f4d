import { sql, type SQL, type Column } from 'drizzle-orm';
import { z } from 'zod';
import { badField } from './problem.ts';

/**
 * Cursor (keyset) pagination: lists are ordered newest first by a unique key, and the cursor
 * is the key of the last row returned, so pages stay stable while rows are added.
 */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

type KeyValue = string | number;

export function encodeCursor(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): KeyValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => ['string', 'number'].includes(typeof v))) {
      return values as KeyValue[];
    }
  } catch {
    // fall through to the problem below
  }
  throw badField('query.cursor', 'not a cursor this list returned');
}

/**
 * `(k1, k2, …) < (v1, v2, …)`: rows after the cursor in descending key order (the usual
 * newest-first list), or `>` for a list in ascending order (e.g. tasks by due time).
 */
export function afterCursor(keys: Column[], cursor: string | undefined, order: 'desc' | 'asc' = 'desc'): SQL | undefined {
  if (!cursor) return undefined;
  const values = decodeCursor(cursor, keys.length);
  const cols = sql.join(keys.map((k) => sql`${k}`), sql`, `);
  const vals = sql.join(
    values.map((v, i) => (keys[i]!.columnType === 'PgTimestamp' ? sql`${new Date(v as string).toISOString()}::timestamptz` : sql`${v}`)),
    sql`, `,
  );
  return order === 'desc' ? sql`(${cols}) < (${vals})` : sql`(${cols}) > (${vals})`;
}

/** Cuts the `limit + 1` rows a query fetched into a page and the cursor of the next one. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => KeyValue[], map: (row: R) => T) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
