// The database a benchmark measures: embedded PGlite, or PostgreSQL when LINIA_BENCH_DATABASE_URL
// names a server (scripts/bench-postgres.mjs starts a throw-away one) — then a throw-away database
// is created on it and dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../packages/server/src/db/index.ts';

export const benchServerUrl = process.env.LINIA_BENCH_DATABASE_URL;

/** A new, empty database on the PostgreSQL server at `serverUrl`; `drop` removes it (connections forced out). */
export async function throwAwayDatabase(serverUrl: string, prefix = 'linia_bench'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openBenchDatabase(): Promise<{ db: Database; close: () => Promise<void> }> {
  if (!benchServerUrl) {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    return { db, close: () => db.close() };
  }
  const target = await throwAwayDatabase(benchServerUrl);
  const db = await openDatabase({ kind: 'postgres', url: target.url });
  return {
    db,
    close: async () => {
      await db.close();
      await target.drop();
    },
  };
}
