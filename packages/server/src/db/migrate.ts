import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './connect.ts';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));
const tenancySql = readFileSync(fileURLToPath(new URL('./tenancy.sql', import.meta.url)), 'utf8');

/** Any fixed number: nodes that start together on one PostgreSQL migrate one after another. */
const MIGRATION_LOCK = 7_161_901;

/** Applies the numbered migrations, then the tenancy/audit rules that cover every table. */
export async function migrate(db: Database): Promise<void> {
  if (db.kind === 'pglite') {
    await migratePglite(db.orm as unknown as PgliteDatabase, { migrationsFolder });
    await db.exec(tenancySql);
    return;
  }
  // The advisory lock belongs to a connection, so the whole migration runs on one client.
  const client = new pg.Client({ connectionString: db.url! });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client }), { migrationsFolder });
    await client.query(tenancySql);
  } finally {
    await client.end();
  }
}
