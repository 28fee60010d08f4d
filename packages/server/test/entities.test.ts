import { ROLE_PERMISSIONS } from '@linia/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/db/index.ts';
import { recordRead } from '../src/audit/record.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

describe(`clients, hotlines, users (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) => t.call(method, url, payload, admin, headers);

  it('creates, reads, changes and deletes a hotline, each step in the audit log', async () => {
    const client = (await call('POST', '/api/v1/clients', { name: 'Авиалинии', legalName: 'ПАО «Авиалинии»' })).json();
    const created = await call('POST', '/api/v1/hotlines', {
      clientId: client.id, name: 'Бронирование', code: 'avia-booking', timeZone: 'Asia/Vladivostok',
      channels: ['voice', 'chat'], topics: [{ id: 'a', name: 'Билеты', children: [{ id: 'b', name: 'Возврат' }] }],
    });
    expect(created.statusCode).toBe(201);
    const h = created.json();
    expect(h).toMatchObject({ code: 'avia-booking', timeZone: 'Asia/Vladivostok', topics: [{ name: 'Билеты', children: [{ name: 'Возврат', children: [] }] }] });
    expect((await call('GET', `/api/v1/hotlines/${h.id}`)).json().name).toBe('Бронирование');
    const patched = await call('PATCH', `/api/v1/hotlines/${h.id}`, { name: 'Бронирование билетов', channels: ['voice'] });
    expect(patched.json()).toMatchObject({ name: 'Бронирование билетов', channels: ['voice'] });
    expect((await call('GET', `/api/v1/hotlines?clientId=${client.id}`)).json().items).toHaveLength(1);

    const dup = await call('POST', '/api/v1/hotlines', { clientId: client.id, name: 'Дубль', code: 'avia-booking', timeZone: 'Europe/Moscow' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('body.code');

    // A client with hotlines cannot be deleted; without them it can.
    expect((await call('DELETE', `/api/v1/clients/${client.id}`)).statusCode).toBe(409);
    expect((await call('DELETE', `/api/v1/hotlines/${h.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/hotlines/${h.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/clients/${client.id}`)).statusCode).toBe(204);

    const log = (await call('GET', `/api/v1/audit?entity=hotline&entityId=${h.id}`)).json().items;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(log[1].before.name).toBe('Бронирование');
    expect(log[1].after.name).toBe('Бронирование билетов');
    expect(log[1]).toMatchObject({ actorKind: 'user', actorName: 'Администратор системы' });
    expect(log[1].requestId).toBeTruthy();
  });

  it('creates users with roles; a client viewer must belong to a client', async () => {
    const clientId = (await call('GET', '/api/v1/clients')).json().items[0].id;
    const noClient = await call('POST', '/api/v1/users', { login: 'viewer-x', name: 'V', role: 'client_viewer', password: 'password-1' });
    expect(noClient.statusCode).toBe(400);
    expect(noClient.json().errors[0].field).toBe('body.clientId');
    const ok = await call('POST', '/api/v1/users', { login: 'Viewer-X', name: 'V', role: 'client_viewer', clientId, password: 'password-1' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ login: 'viewer-x', role: 'client_viewer', clientId, active: true });
    expect(JSON.stringify(ok.json())).not.toContain('password');
    expect((await call('POST', '/api/v1/users', { login: 'viewer-x', name: 'Again', role: 'operator', password: 'password-1' })).statusCode).toBe(409);
    // Changing the role away from client viewer drops the client.
    const changed = await call('PATCH', `/api/v1/users/${ok.json().id}`, { role: 'operator' });
    expect(changed.json()).toMatchObject({ role: 'operator', clientId: null });
    // The password hash never reaches the audit log.
    const log = (await call('GET', `/api/v1/audit?entity=user&entityId=${ok.json().id}`)).json().items;
    expect(log).toHaveLength(2);
    expect(JSON.stringify(log)).not.toContain('scrypt');
  });

  it('pages through a list with a cursor, no row twice or missed', async () => {
    for (let i = 0; i < 7; i++) expect((await call('POST', '/api/v1/clients', { name: `Пагинация ${i}` })).statusCode).toBe(201);
    const all = (await call('GET', '/api/v1/clients?limit=200')).json().items.map((c: { id: string }) => c.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('GET', `/api/v1/clients?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((c) => c.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(9);
    const bad = await call('GET', '/api/v1/clients?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.cursor');
    expect((await call('GET', '/api/v1/clients?limit=0')).json().errors[0].field).toBe('query.limit');
  });

  it('honours Idempotency-Key on creating POSTs', async () => {
    const key = { 'idempotency-key': 'create-client-42' };
    const first = await call('POST', '/api/v1/clients', { name: 'Идемпотентный' }, key);
    const again = await call('POST', '/api/v1/clients', { name: 'Идемпотентный' }, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const list = (await call('GET', '/api/v1/clients?limit=200')).json().items.filter((c: { name: string }) => c.name === 'Идемпотентный');
    expect(list).toHaveLength(1);
    const other = await call('POST', '/api/v1/clients', { name: 'Другое тело' }, key);
    expect(other.statusCode).toBe(422);
    // Keys belong to the caller: another user with the same key creates their own.
    const manager = await t.login('manager');
    const theirs = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers: { cookie: manager, ...key }, payload: { name: 'Клиент менеджера' } });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('filters the audit log by action, actor and period', async () => {
    const me = (await call('GET', '/api/v1/auth/me')).json();
    const from = new Date(Date.now() - 60_000).toISOString();
    const res = (await call('GET', `/api/v1/audit?action=create&actorId=${me.id}&from=${encodeURIComponent(from)}`)).json();
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((e: { action: string; actorId: string }) => e.action === 'create' && e.actorId === me.id)).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call('GET', `/api/v1/audit?from=${encodeURIComponent(future)}`)).json().items).toEqual([]);
    const lead = await t.login('lead');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie: lead } })).statusCode).toBe(403);
  });

  it('records reads of personal data through the same audit log', async () => {
    const me = (await call('GET', '/api/v1/auth/me')).json();
    const scope = { tenantId: me.tenant.id, clientId: null, actor: { kind: 'user' as const, id: me.id, name: me.name }, requestId: 'read-1' };
    await withTenant(t.db, scope, (tx) => recordRead(tx, 'customer', 'cust-42'));
    const items = (await call('GET', '/api/v1/audit?action=read&entity=customer')).json().items;
    expect(items).toEqual([expect.objectContaining({ action: 'read', entity: 'customer', entityId: 'cust-42', actorId: me.id, requestId: 'read-1', before: null, after: null })]);
  });

  it('publishes the role → permission matrix', async () => {
    const body = (await call('GET', '/api/v1/roles')).json();
    expect(body.roles).toHaveLength(9);
    // The published matrix is the engine's, as is: what the web app shows is what the server checks.
    expect(body.roles.find((r: { role: string }) => r.role === 'operator').permissions).toEqual([...ROLE_PERMISSIONS.operator]);
    expect(body.roles.find((r: { role: string }) => r.role === 'operator').permissions).toEqual(expect.arrayContaining(['desk.use', 'contacts.edit', 'knowledge.view']));
    expect(body.roles.find((r: { role: string }) => r.role === 'operator').permissions).not.toContain('users.edit');
  });
});
