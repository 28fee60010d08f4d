import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { openDatabase, type Database } from '../../src/db/index.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { InProcessBus, type EventBus } from '../../src/realtime/bus.ts';
import { DEMO_PASSWORD } from '../../src/demo/demoCenter.ts';
import { inject } from 'vitest';
import { withDatabase } from './globalSetup.ts';

export const dbKind = process.env.LINIA_TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A fresh copy of the seeded test database: from the snapshot, or from the template database. */
export async function freshDatabase(): Promise<{ db: Database; url: string | null; drop: () => Promise<void> }> {
  const serverUrl = process.env.LINIA_TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ kind: 'pglite', dataDir: null, snapshot: new Blob([readFileSync(inject('testSnapshot'))]) });
    return { db, url: null, drop: async () => {} };
  }
  const name = `linia_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('testTemplateDb')}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const db = await openDatabase({ kind: 'postgres', url });
  const drop = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { db, url, drop };
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  bus: EventBus;
  config: Config;
  /** Signs in and returns the cookie header to send. */
  login(login: string, password?: string): Promise<string>;
  /** One request as the session `cookie` (from `login`), with a JSON body when given. */
  call(method: HTTPMethods, url: string, payload?: object, cookie?: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The HTTP app on a fresh database, driven with `app.inject` (no port). */
export async function testApp(): Promise<TestApp> {
  const { db, drop } = await freshDatabase();
  const bus = new InProcessBus();
  // Webhook deliveries are sent by the test itself (WebhookDispatcher.runOnce), at the instants it chooses.
  const config = loadConfig({ webDist: null, logLevel: 'warn' }, { LINIA_WEBHOOK_POLL_MS: '0' });
  const app = await buildApp({ config, db, bus, logger: false });
  await app.ready();
  return {
    app,
    db,
    bus,
    config,
    async login(login, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
      if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.statusCode} ${res.body}`);
      return sessionCookie(res);
    },
    call(method, url, payload, cookie, headers = {}) {
      return app.inject({ method, url, headers: { ...headers, ...(cookie ? { cookie } : {}) }, ...(payload ? { payload } : {}) });
    },
    async close() {
      await app.close();
      await db.close();
      await drop();
    },
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'linia_session');
  if (!cookie) throw new Error('no session cookie');
  return `linia_session=${cookie.value}`;
}
