import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sqlRows, withTenant } from '../src/db/index.ts';
import { clients } from '../src/tenants/schema.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

describe(`tenants never see each other's data (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let other: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    other = await t.login(OTHER.admin, OTHER.password);
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('lists show only the own tenant', async () => {
    const mine = (await get('/api/v1/hotlines', admin)).json().items.map((h: { code: string }) => h.code).sort();
    const theirs = (await get('/api/v1/hotlines', other)).json().items.map((h: { code: string }) => h.code);
    expect(mine).toEqual(['bank-cards', 'telecom-sales', 'telecom-support']);
    expect(theirs).toEqual(['other-line']);
  });

  it("a hotline cannot be attached to another tenant's client", async () => {
    const foreignClient = (await get('/api/v1/clients', other)).json().items[0].id;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/hotlines',
      headers: { cookie: admin },
      payload: { clientId: foreignClient, name: 'Bad', code: 'bad-line', timeZone: 'Europe/Moscow' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.clientId', message: 'no such client' }]);
  });

  it('a query without any WHERE still sees one tenant (row-level security)', async () => {
    const rows = await sqlRows<{ tenant_id: string }>(t.db.orm, sql`SELECT DISTINCT tenant_id FROM clients`);
    expect(rows.length).toBe(2); // the owner sees both…
    const tenantId = rows[0]!.tenant_id;
    const seen = await withTenant(t.db, { tenantId, clientId: null, actor: { kind: 'system', id: null, name: 't' } }, (tx) =>
      tx.select().from(clients),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((c) => c.tenantId))).toEqual(new Set([tenantId])); // …a tenant transaction only its own
  });

  it('an insert naming another tenant is rejected by the database', async () => {
    const rows = await sqlRows<{ id: string; slug: string }>(t.db.orm, sql`SELECT id, slug FROM tenants ORDER BY slug`);
    const [demo, otherTenant] = [rows.find((r) => r.slug === 'demo')!, rows.find((r) => r.slug === OTHER.slug)!];
    await expect(
      withTenant(t.db, { tenantId: demo.id, clientId: null, actor: { kind: 'system', id: null, name: 't' } }, (tx) =>
        tx.insert(clients).values({ name: 'smuggled', tenantId: otherTenant.id }),
      ),
    ).rejects.toThrow();
  });

  it("a client viewer sees only its client's hotlines and clients", async () => {
    const viewer = await t.login('client-a');
    const hotlines = (await get('/api/v1/hotlines', viewer)).json().items.map((h: { code: string }) => h.code).sort();
    expect(hotlines).toEqual(['telecom-sales', 'telecom-support']);
    const bank = (await get('/api/v1/hotlines', admin)).json().items.find((h: { code: string }) => h.code === 'bank-cards');
    expect((await get(`/api/v1/hotlines/${bank.id}`, viewer)).statusCode).toBe(404);
    expect((await get('/api/v1/clients', viewer)).statusCode).toBe(403);
  });

  it('events reach only the own tenant', async () => {
    const seen: string[] = [];
    const off = t.bus.subscribe((e) => seen.push(e.tenantId));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers: { cookie: other }, payload: { name: 'Event probe' } });
    off();
    expect(res.statusCode).toBe(201);
    const me = (await get('/api/v1/auth/me', other)).json();
    expect(seen).toEqual([me.tenant.id]);
  });
});
