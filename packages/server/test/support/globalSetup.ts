import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../../src/db/index.ts';
import { seedFixtures } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite data-dir snapshot of the migrated, seeded test database. */
    testSnapshot: string;
    /** PostgreSQL template database holding the same. */
    testTemplateDb: string;
  }
}

/**
 * Named per run (process id) so that two test runs on one machine — two developers' terminals,
 * or a run started while another is still going — never read each other's half-written copy.
 */
const SNAPSHOT = resolve(import.meta.dirname, `../../../../.tmp/test-snapshot-${process.pid}.tar`);
const TEMPLATE_DB = `linia_test_template_${process.pid}`;

/**
 * Prepares one migrated, seeded database that every test file copies: a PGlite data-dir
 * snapshot, or a PostgreSQL template database. Creating a database per test would cost
 * seconds each on PGlite (initdb).
 */
export default async function setup(project: TestProject) {
  project.provide('testSnapshot', SNAPSHOT);
  project.provide('testTemplateDb', TEMPLATE_DB);
  const serverUrl = process.env.LINIA_TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const db = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, TEMPLATE_DB) });
    await migrate(db);
    await seedFixtures(db);
    await db.close();
    return async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await c.end();
    };
  }
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(db);
  await seedFixtures(db);
  const dump = await db.pglite!.dumpDataDir('none');
  mkdirSync(resolve(SNAPSHOT, '..'), { recursive: true });
  writeFileSync(SNAPSHOT, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  return () => rmSync(SNAPSHOT, { force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
