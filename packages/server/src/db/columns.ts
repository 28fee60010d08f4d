import { sql } from 'drizzle-orm';
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Columns every tenant-owned table shares. `tenant_id` defaults to the tenant of the current
 * transaction (set by `withTenant`), so no insert names it by hand and none can name another
 * tenant: the row-level security policy (see tenancy.ts) rejects it.
 * Timestamps keep millisecond precision so a cursor built from a JS Date is exact.
 */
export const id = () => uuid('id').primaryKey().defaultRandom();

export const tenantId = () =>
  uuid('tenant_id').notNull().default(sql`(nullif(current_setting('linia.tenant_id', true), ''))::uuid`);

export const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const createdAt = () => at('created_at').notNull().defaultNow();

/**
 * A full-text search vector. Filled by a generated column with the `russian` configuration
 * (PGlite ships it too), so "тарифа" and "тариф" meet at the stem on both databases.
 */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Raw bytes (attachments): Buffer in, Buffer out, on both drivers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
