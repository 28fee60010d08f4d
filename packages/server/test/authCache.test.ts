import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { sqlRows } from '../src/db/index.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

/**
 * The principal cache (auth/principalCache.ts) with its default time-to-live (60 s): every test
 * first makes a request so the principal is cached, then changes it and expects the very next
 * request to see the change — what a stale cache would get wrong.
 */
describe(`cached sign-ins stay true to the database (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());
  afterEach(() => vi.restoreAllMocks());

  const me = (cookie: string) => t.call('GET', '/api/v1/auth/me', undefined, cookie);
  const userId = async (login: string) => (await t.call('GET', `/api/v1/users?q=${login}`, undefined, admin)).json().items[0].id as string;
  const newUser = async (login: string) => {
    const res = await t.call('POST', '/api/v1/users', { login, name: login, role: 'operator', password: 'secret-password-1' }, admin);
    expect(res.statusCode).toBe(201);
    return { id: res.json().id as string, cookie: await t.login(login, 'secret-password-1') };
  };

  it('a cached session costs no database statement and no transaction', async () => {
    const cookie = await t.login('operator4');
    expect((await me(cookie)).statusCode).toBe(200);
    const select = vi.spyOn(t.db.orm, 'select');
    const transaction = vi.spyOn(t.db.orm, 'transaction');
    for (let i = 0; i < 5; i++) expect((await me(cookie)).json().login).toBe('operator4');
    expect(select).not.toHaveBeenCalled();
    expect(transaction).not.toHaveBeenCalled();
  });

  it('an uncached session is looked up with one statement outside any transaction', async () => {
    const cookie = await t.login('senior');
    const transaction = vi.spyOn(t.db.orm, 'transaction');
    const select = vi.spyOn(t.db.orm, 'select');
    expect((await me(cookie)).statusCode).toBe(200);
    expect(select).toHaveBeenCalledTimes(1);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('a logged-out cookie is refused on the next request', async () => {
    const cookie = await t.login('operator2');
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/logout', undefined, cookie)).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a deactivated user is refused at once', async () => {
    const { id, cookie } = await newUser('cache-deactivated');
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await t.call('PATCH', `/api/v1/users/${id}`, { active: false }, admin)).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a role change takes effect on the next request', async () => {
    const { id, cookie } = await newUser('cache-promoted');
    expect((await me(cookie)).json().role).toBe('operator');
    expect((await t.call('GET', '/api/v1/users', undefined, cookie)).statusCode).toBe(403);
    expect((await t.call('PATCH', `/api/v1/users/${id}`, { role: 'group_lead' }, admin)).statusCode).toBe(200);
    const after = (await me(cookie)).json();
    expect(after.role).toBe('group_lead');
    expect(after.permissions).toContain('users.view');
    expect((await t.call('GET', '/api/v1/users', undefined, cookie)).statusCode).toBe(200);
  });

  it('a deleted user is refused at once', async () => {
    const { id, cookie } = await newUser('cache-deleted');
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await t.call('DELETE', `/api/v1/users/${id}`, undefined, admin)).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a password change ends the other cached sessions at once and keeps this one', async () => {
    const { cookie: first } = await newUser('cache-password');
    const second = await t.login('cache-password', 'secret-password-1');
    expect((await me(first)).statusCode).toBe(200);
    expect((await me(second)).statusCode).toBe(200);
    const res = await t.call('POST', '/api/v1/auth/password', { currentPassword: 'secret-password-1', newPassword: 'secret-password-2' }, first);
    expect(res.statusCode).toBe(204);
    expect((await me(second)).statusCode).toBe(401);
    expect((await me(first)).statusCode).toBe(200);
  });

  it('a revoked API token is refused on the next request; its last use is written at most once a minute', async () => {
    const created = await t.call('POST', '/api/v1/api-tokens', { name: 'cache', role: 'cc_manager' }, admin);
    const { id, secret } = created.json();
    const auth = { authorization: `Bearer ${secret}` };
    const lastUsed = async () => (await sqlRows<{ last_used_at: unknown }>(t.db.orm, sql`SELECT last_used_at FROM api_tokens WHERE id = ${id}`))[0]!.last_used_at;
    expect((await t.call('GET', '/api/v1/hotlines', undefined, undefined, auth)).statusCode).toBe(200);
    expect(await lastUsed()).not.toBeNull();
    const update = vi.spyOn(t.db.orm, 'update');
    for (let i = 0; i < 3; i++) expect((await t.call('GET', '/api/v1/hotlines', undefined, undefined, auth)).statusCode).toBe(200);
    expect(update).not.toHaveBeenCalled();
    expect((await t.call('DELETE', `/api/v1/api-tokens/${id}`, undefined, admin)).statusCode).toBe(204);
    expect((await t.call('GET', '/api/v1/hotlines', undefined, undefined, auth)).statusCode).toBe(401);
  });

});
