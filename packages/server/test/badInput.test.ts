import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

/** The bad-input table, one test each, on whichever database this run uses. */
describe(`bad input is refused with problem+json (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const post = (url: string, payload: string, cookie = admin) =>
    t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'content-type': 'application/json' } });

  it('invalid JSON → 400', async () => {
    const res = await post('/api/v1/clients', '{"name": ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, errors: [{ field: 'body' }] });
  });

  it('unknown field → 400 naming the field', async () => {
    const res = await post('/api/v1/clients', JSON.stringify({ name: 'A', colour: 'red' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.colour', message: 'unknown field' }]);
  });

  it('wrong type → 400 naming the field', async () => {
    const res = await post('/api/v1/hotlines', JSON.stringify({ clientId: 'x', name: 5, code: 'ok-code', timeZone: 'Mars/Base' }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.clientId', 'body.name', 'body.timeZone']));
  });

  it('a nested wrong value is named by its path', async () => {
    const res = await post('/api/v1/hotlines', JSON.stringify({
      clientId: '00000000-0000-4000-8000-000000000000', name: 'N', code: 'nested', timeZone: 'Europe/Moscow',
      topics: [{ id: 'a', name: 'ok', children: [{ id: 'b', name: '' }] }],
    }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.topics.0.children.0.name');
  });

  it('body over 1 MB → 413', async () => {
    const res = await post('/api/v1/clients', JSON.stringify({ name: 'x'.repeat(1_100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().status).toBe(413);
  });

  it('no session → 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/clients' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ status: 401, title: 'Not signed in' });
  });

  it('a forged session cookie → 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/clients', headers: { cookie: 'linia_session=forged' } });
    expect(res.statusCode).toBe(401);
  });

  it('no permission → 403', async () => {
    const operator = await t.login('operator1');
    const res = await post('/api/v1/clients', JSON.stringify({ name: 'Nope' }), operator);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('clients.edit');
  });

  it("another tenant's id → 404", async () => {
    const other = await t.login(OTHER.admin, OTHER.password);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/hotlines', headers: { cookie: other } });
    const foreignId = list.json().items[0].id;
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({
        method,
        url: `/api/v1/hotlines/${foreignId}`,
        headers: { cookie: admin, 'content-type': 'application/json' },
        ...(method === 'PATCH' ? { payload: { name: 'hijacked' } } : {}),
      });
      expect(res.statusCode, method).toBe(404);
    }
  });

  it('an unknown route → 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { cookie: admin } });
    expect(res.statusCode).toBe(404);
    expect(res.json().status).toBe(404);
  });
});
