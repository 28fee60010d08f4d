// The database a benchmark measures: embedded PGlite, or PostgreSQL when LINIA_BENCH_DATABASE_URL
// names a server (scripts/bench-postgres.mjs starts a throw-away one) — then a throw-away database
// is created on it and dropped afterwards. (journal-desk.bench.ts has its own copy from before.)
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../packages/server/src/db/index.ts';

export const benchServerUrl = process.env.LINIA_BENCH_DATABASE_URL;

export async function openBenchDatabase(): Promise<{ db: Database; close: () => Promise<void> }> {
  if (!benchServerUrl) {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    return { db, close: () => db.close() };
  }
  const name = `linia_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: benchServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(benchServerUrl);
  u.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: u.toString() });
  return {
    db,
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: benchServerUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
