import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST';
const S = '/api/v1/surveys';

describe(`customer satisfaction surveys (${dbKind})`, () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const call = (method: Method, url: string, payload?: object, who?: string) =>
    t.app.inject({ method, url, headers: who ? { cookie: c[who]! } : {}, ...(payload ? { payload } : {}) });
  const field = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);
  /** A closed contact of the hotline with no survey yet, as a desk worker would send one for. */
  async function freshContact(code: string): Promise<string> {
    const lines = (await call('GET', '/api/v1/hotlines', undefined, 'admin')).json().items as { id: string; code: string }[];
    const hotlineId = lines.find((h) => h.code === code)!.id;
    const created = await call('POST', '/api/v1/contacts', { channel: 'chat', hotlineId, subject: 'Опрос после чата', agentId: ids.operator1 }, 'operator1');
    expect(created.statusCode).toBe(201);
    return created.json().id;
  }

  beforeAll(async () => {
    t = await testApp();
    for (const login of ['quality', 'lead', 'admin', 'operator1']) c[login] = await t.login(login);
    c.other = await t.login(OTHER.admin, OTHER.password);
    const people = (await call('GET', '/api/v1/users?limit=200', undefined, 'admin')).json().items as { id: string; login: string }[];
    for (const p of people) ids[p.login] = p.id;
  });
  afterAll(() => t.close());

  it('configures a survey per hotline (quality.manage) and refuses bad settings by field', async () => {
    const settings = (await call('GET', `${S}/settings`, undefined, 'quality')).json().items;
    expect(settings.map((s: { kind: string }) => s.kind).sort()).toEqual(['csat', 'csat', 'nps']);
    // The sales line's survey keeps its default threshold for the next test; change the support line's.
    const lines = (await call('GET', '/api/v1/hotlines', undefined, 'admin')).json().items as { id: string; code: string }[];
    const support = settings.find((s: { hotlineId: string }) => s.hotlineId === lines.find((h) => h.code === 'telecom-support')!.id);
    expect(field(await call('POST', `${S}/settings`, { ...support, id: undefined, kind: 'ces' }, 'quality'))).toEqual(['body.kind']);
    expect((await call('POST', `${S}/settings`, { ...support, id: undefined }, 'lead')).statusCode).toBe(403);
    const saved = await call('POST', `${S}/settings`, { hotlineId: support.hotlineId, kind: 'csat', question: 'Как мы справились?', lowScoreAtOrBelow: 2 }, 'quality');
    expect(saved.json()).toMatchObject({ question: 'Как мы справились?', lowScoreAtOrBelow: 2, expiryHours: 72 });
    expect((await call('GET', `${S}/settings`, undefined, 'quality')).json().items).toHaveLength(3);
    const otherLine = (await call('GET', '/api/v1/hotlines', undefined, 'other')).json().items[0].id;
    expect(field(await call('POST', `${S}/settings`, { hotlineId: otherLine, kind: 'csat', question: 'x' }, 'quality'))).toEqual(['body.hotlineId']);
  });

  it('sends a survey link; the customer answers once without signing in; a second answer and a bad score are refused', async () => {
    const contactId = await freshContact('telecom-sales');
    const sent = await call('POST', S, { contactId }, 'operator1');
    expect(sent.statusCode).toBe(201);
    const { token, url } = sent.json();
    expect(url).toBe(`/survey/${token}`);
    expect((await call('POST', S, { contactId }, 'operator1')).statusCode).toBe(409);
    expect((await call('POST', S, { contactId }, 'other')).statusCode).toBe(400); // another tenant's contact: no such contact

    const page = await call('GET', `${S}/public/${token}`);
    expect(page.json()).toMatchObject({ kind: 'csat', status: 'open', hotlineName: 'Подключение и продажи' });
    expect((await call('GET', `${S}/public/${'x'.repeat(32)}`)).statusCode).toBe(404);
    const bad = await call('POST', `${S}/public/${token}`, { score: 6 });
    expect(bad.statusCode).toBe(400);
    expect(field(bad)).toEqual(['body.score']);
    expect((await call('POST', `${S}/public/${token}`, { score: 2, comment: 'Долго' })).statusCode).toBe(200);
    const again = await call('POST', `${S}/public/${token}`, { score: 5 });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('this survey has already been answered');
    expect((await call('GET', `${S}/public/${token}`)).json().status).toBe('answered');

    // CSAT 2 ≤ 3 → a follow-up for the lead of operator1's group.
    const followUps = (await call('GET', `${S}/follow-ups`, undefined, 'lead')).json().items as { id: string; contactId: string; reason: string; leadId: string; comment: string }[];
    const mine = followUps.find((f) => f.contactId === contactId)!;
    expect(mine).toMatchObject({ reason: 'CSAT 2 ≤ 3', leadId: ids.lead, comment: 'Долго' });
    expect((await call('POST', `${S}/follow-ups/${mine.id}/done`, { note: 'Перезвонил, извинился' }, 'lead')).statusCode).toBe(200);
    expect((await call('POST', `${S}/follow-ups/${mine.id}/done`, {}, 'lead')).statusCode).toBe(409);
    expect((await call('GET', `${S}/follow-ups`, undefined, 'operator1')).statusCode).toBe(403);
  });

  it('refuses an answer after the link expired', async () => {
    const contactId = await freshContact('telecom-sales');
    const { token } = (await call('POST', S, { contactId }, 'operator1')).json();
    await t.db.orm.execute(sql`UPDATE surveys SET expires_at = now() - interval '1 hour' WHERE contact_id = ${contactId}`);
    expect((await call('GET', `${S}/public/${token}`)).json().status).toBe('expired');
    const late = await call('POST', `${S}/public/${token}`, { score: 5 });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('this survey has expired');
  });

  it('reports CSAT as the share of 4–5 and NPS as % promoters − % detractors, per agent and hotline', async () => {
    const byHotline = (await call('GET', `${S}/report?by=hotlineId`, undefined, 'quality')).json();
    const bank = byHotline.rows.find((r: { name: string }) => r.name === 'Карты и переводы');
    expect(bank.nps.responses).toBeGreaterThan(0);
    const { promoters, detractors, responses } = bank.nps;
    expect(bank.nps.nps).toBeCloseTo((100 * (promoters - detractors)) / responses, 10);
    const total = byHotline.total.csat;
    expect(total.csat).toBeCloseTo(total.satisfied / total.responses, 10);
    expect((await call('GET', `${S}/report?by=agentId`, undefined, 'quality')).json().rows.some((r: { name: string }) => r.name === 'Дмитрий Иванов')).toBe(true);
    expect(field(await call('GET', `${S}/report?by=mood`, undefined, 'quality'))).toEqual(['query.by']);
    expect((await call('GET', `${S}/report`, undefined, 'operator1')).statusCode).toBe(403);
    expect((await call('GET', `${S}/report`, undefined, 'other')).json().rows).toEqual([]);
  });
});
