import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { RunningServer } from '../src/server.ts';
import { startCluster, type TestCluster } from './support/cluster.ts';

const onPostgres = Boolean(process.env.LINIA_TEST_DATABASE_URL);

/**
 * Each node caches principals for 60 s (the default LINIA_AUTH_CACHE_MS); a logout or a
 * deactivation on one node must reach the other's cache over LISTEN/NOTIFY well before that.
 */
describe.runIf(onPostgres)('cached sign-ins on two nodes', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster(2);
  });
  afterAll(() => cluster.close());

  const status = async (node: RunningServer, cookie: string, method = 'GET', path = '/api/v1/auth/me', body?: object) =>
    (await fetch(`${cluster.url(node)}${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })).status;

  /** Milliseconds until `node` refuses `cookie`, polling; fails after 1.5 s (well inside the 60 s the cache would keep it). */
  async function refusedWithin(node: RunningServer, cookie: string): Promise<number> {
    const start = Date.now();
    while (Date.now() - start < 1500) {
      if ((await status(node, cookie)) === 401) return Date.now() - start;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('still accepted after 1.5 s');
  }

  it('a logout on node A is refused on node B within a short wait', async () => {
    const [a, b] = cluster.nodes as [RunningServer, RunningServer];
    const cookie = await cluster.loginAt(a, 'operator1');
    expect(await status(b, cookie)).toBe(200); // now cached on B
    expect(await status(a, cookie)).toBe(200); // and on A
    expect(await status(a, cookie, 'POST', '/api/v1/auth/logout')).toBe(204);
    expect(await status(a, cookie)).toBe(401); // at once on the node that logged out
    expect(await refusedWithin(b, cookie)).toBeLessThan(1500);
  });

  it('a user deactivated through node A is refused on node B within a short wait', async () => {
    const [a, b] = cluster.nodes as [RunningServer, RunningServer];
    const admin = await cluster.loginAt(a, 'admin');
    const cookie = await cluster.loginAt(b, 'operator2');
    expect(await status(b, cookie)).toBe(200);
    const users = (await (await fetch(`${cluster.url(a)}/api/v1/users?q=operator2`, { headers: { cookie: admin } })).json()) as { items: { id: string }[] };
    expect(await status(a, admin, 'PATCH', `/api/v1/users/${users.items[0]!.id}`, { active: false })).toBe(200);
    expect(await refusedWithin(b, cookie)).toBeLessThan(1500);
  });

  it('a node whose bus connection dropped forgets what it cached (a notice may have been lost meanwhile)', async () => {
    const [, b] = cluster.nodes as [RunningServer, RunningServer];
    const cookie = await cluster.loginAt(b, 'operator3');
    expect(await status(b, cookie)).toBe(200); // cached on B
    const sql = new pg.Client({ connectionString: cluster.databaseUrl });
    await sql.connect();
    try {
      // The session ends behind the bus's back while every node's LISTEN connection is cut.
      await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`);
      await sql.query(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE login = 'operator3')`);
    } finally {
      await sql.end();
    }
    // The bus reconnects after half a second; without the gap hook B would trust its cache for a minute.
    expect(await refusedWithin(b, cookie)).toBeLessThan(1500);
  });
});
