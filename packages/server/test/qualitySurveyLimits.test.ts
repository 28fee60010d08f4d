import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestRateLimit } from '../src/surveys/rateLimit.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

const S = '/api/v1/surveys';

describe('RequestRateLimit', () => {
  it('allows max requests per window, then tells how long to wait; the window slides', () => {
    const limit = new RequestRateLimit(3, 60_000);
    expect([0, 10_000, 20_000].map((t) => limit.take('a', t))).toEqual([0, 0, 0]);
    expect(limit.take('a', 30_000)).toBe(30_000); // the first request leaves the window at 60 s
    expect(limit.take('b', 30_000)).toBe(0); // keys are counted apart
    expect(limit.take('a', 60_001)).toBe(0);
  });
});

/** The public survey routes need no sign-in: they are limited per address and per token (429 + Retry-After). */
describe(`public survey routes: rate limit (${dbKind})`, () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await testApp();
    const operator = await t.login('operator1');
    const hotlines = (await t.call('GET', '/api/v1/hotlines', undefined, await t.login('admin'))).json().items as { id: string; code: string }[];
    const contact = await t.call('POST', '/api/v1/contacts', { channel: 'chat', hotlineId: hotlines.find((h) => h.code === 'telecom-sales')!.id, subject: 'Опрос' }, operator);
    token = (await t.call('POST', S, { contactId: contact.json().id }, operator)).json().token;
  });
  afterAll(() => t.close());

  const from = (address: string, url: string) => t.app.inject({ method: 'GET', url, remoteAddress: address });

  it('refuses the 21st request for one token within ten minutes, from any address', async () => {
    for (let i = 0; i < 20; i++) expect((await from(`10.0.0.${i}`, `${S}/public/${token}`)).statusCode).toBe(200);
    const refused = await from('10.0.1.1', `${S}/public/${token}`);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
    expect(refused.json()).toMatchObject({ status: 429, detail: expect.stringContaining('try again in') });
    // Answering counts against the same token.
    expect((await t.app.inject({ method: 'POST', url: `${S}/public/${token}`, payload: { score: 5 }, remoteAddress: '10.0.1.2' })).statusCode).toBe(429);
  });

  it('refuses the 61st request from one address, whatever the tokens (guessing), malformed ones included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await from('192.0.2.7', `${S}/public/${i % 2 ? `short${i}` : `guess${String(i).padStart(30, '0')}`}`)).statusCode);
    expect(new Set(statuses.slice(0, 60))).toEqual(new Set([400, 404]));
    expect(statuses[60]).toBe(429);
    // Another address is not affected.
    expect((await from('192.0.2.8', `${S}/public/${'x'.repeat(32)}`)).statusCode).toBe(404);
  });
});
