import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** Where the data lives: the embedded PGlite in a folder (default) or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null; snapshot?: Blob }
  | { kind: 'postgres'; url: string };

export interface Database {
  kind: DatabaseTarget['kind'];
  orm: Orm;
  /** Runs a statement outside any tenant: migrations, health checks, tests. */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** The PostgreSQL connection string, for LISTEN/NOTIFY; null on PGlite. */
  url: string | null;
  /** The PGlite instance, for snapshots in tests; null on PostgreSQL. */
  pglite: PGlite | null;
}

/**
 * Connections a node keeps to PostgreSQL (LINIA_DB_POOL, default 10). Several nodes share the
 * server's max_connections (100 by default), so the default stays modest; the ACD benchmark ran
 * as fast with 30 as with 10 (its limit was elsewhere, docs/SIMULATION.md).
 */
export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.LINIA_DB_POOL ?? 10);
  return Number.isInteger(n) && n >= 2 ? n : 10;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: poolSize() });
    // A broken idle connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    return {
      kind: 'postgres',
      orm: drizzlePg({ client: pool, schema }) as unknown as Orm,
      exec: async (text) => void (await pool.query(text)),
      close: () => pool.end(),
      url: target.url,
      pglite: null,
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // PGlite serialises queries on one connection and costs seconds to create: open it once per process.
  const client = await PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.snapshot ? { loadDataDir: target.snapshot } : {}),
  });
  return {
    kind: 'pglite',
    orm: drizzlePglite({ client, schema }) as unknown as Orm,
    exec: async (text) => void (await client.exec(text)),
    close: () => client.close(),
    url: null,
    pglite: client,
  };
}

/**
 * Rows of a raw SQL statement. Both drivers return `{ rows }`, but the common Drizzle base type
 * cannot say so; this is the one place that knows.
 */
export async function sqlRows<T>(runner: Pick<Orm, 'execute'>, query: SQL): Promise<T[]> {
  return ((await runner.execute(query)) as unknown as { rows: T[] }).rows;
}
