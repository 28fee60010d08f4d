import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKind, sessionCookie, testApp, type TestApp } from './support/harness.ts';

describe(`signing in (${dbKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  const loginReq = (login: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password }, remoteAddress: ip });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

  it('opens an http-only SameSite session and tells who is signed in', async () => {
    const res = await loginReq('lead', 'linia-demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'linia_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const who = (await me(sessionCookie(res))).json();
    expect(who).toMatchObject({ login: 'lead', role: 'group_lead', tenant: { name: 'Линия Сервис' }, clientId: null });
    expect(who.permissions).toContain('wallboard.view');
    expect(who.permissions).not.toContain('users.edit');
  });

  it('logins are case-insensitive, passwords are not', async () => {
    expect((await loginReq('LEAD', 'linia-demo')).statusCode).toBe(200);
    expect((await loginReq('lead', 'LINIA-DEMO')).statusCode).toBe(401);
  });

  it('a wrong password and an unknown login answer alike', async () => {
    const wrong = await loginReq('senior', 'nope', '10.0.0.2');
    const unknown = await loginReq('nobody', 'nope', '10.0.0.3');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('logout ends the session', async () => {
    const cookie = await t.login('operator2');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('limits failed attempts per login: the sixth gets 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await loginReq('operator3', 'bad', `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await loginReq('operator3', 'linia-demo', '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Other logins from other addresses are not affected.
    expect((await loginReq('operator4', 'linia-demo', '10.1.1.1')).statusCode).toBe(200);
  });

  it('changes the password, ending the other sessions', async () => {
    const first = await t.login('planner');
    const second = await t.login('planner');
    const bad = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: { cookie: first },
      payload: { currentPassword: 'wrong', newPassword: 'new-secret-1' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.currentPassword');
    const short = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: { cookie: first },
      payload: { currentPassword: 'linia-demo', newPassword: 'short' },
    });
    expect(short.json().errors[0].field).toBe('body.newPassword');
    const ok = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: { cookie: first },
      payload: { currentPassword: 'linia-demo', newPassword: 'new-secret-1' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await me(first)).statusCode).toBe(200);
    expect((await me(second)).statusCode).toBe(401);
    expect((await loginReq('planner', 'linia-demo', '10.2.0.1')).statusCode).toBe(401);
    expect((await loginReq('planner', 'new-secret-1', '10.2.0.1')).statusCode).toBe(200);
  });

  it('a deactivated user can no longer sign in or use a session', async () => {
    const admin = await t.login('admin');
    const session = await t.login('operator1');
    const users = (await t.app.inject({ method: 'GET', url: '/api/v1/users?q=operator1', headers: { cookie: admin } })).json();
    const id = users.items[0].id;
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: admin }, payload: { active: false } });
    expect(patch.statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    expect((await loginReq('operator1', 'linia-demo', '10.3.0.1')).statusCode).toBe(401);
  });
});

describe(`API tokens (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('an admin issues a token that acts with its role, then revokes it', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: { cookie: admin }, payload: { name: 'CRM', role: 'cc_manager' } });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json();
    expect(secret).toMatch(/^lin_/);
    const auth = { authorization: `Bearer ${secret}` };
    const hotlines = await t.app.inject({ method: 'GET', url: '/api/v1/hotlines', headers: auth });
    expect(hotlines.statusCode).toBe(200);
    expect(hotlines.json().items).toHaveLength(3);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: auth, payload: {} })).statusCode).toBe(403);
    // A change made with the token is audited under the token's name.
    const client = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers: auth, payload: { name: 'Через API' } });
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?entity=client&entityId=${client.json().id}`, headers: { cookie: admin } });
    expect(audit.json().items[0]).toMatchObject({ actorKind: 'token', actorId: id, actorName: 'token: CRM', action: 'create' });

    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: admin } })).json();
    expect(list.items.find((x: { id: string }) => x.id === id).lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(secret.split('_').pop());

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: { cookie: admin } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/hotlines', headers: auth })).statusCode).toBe(401);
  });

  it('a forged or malformed token is refused', async () => {
    for (const bearer of ['lin_00000000-0000-0000-0000-000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'garbage']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/hotlines', headers: { authorization: `Bearer ${bearer}` } });
      expect(res.statusCode).toBe(401);
    }
  });

  it('only an admin manages tokens, and a token cannot be a client viewer', async () => {
    const manager = await t.login('manager');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: manager } })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: { cookie: admin }, payload: { name: 'x', role: 'client_viewer' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.role');
  });
});
