import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe(`knowledge base (${dbKind})`, () => {
  let t: TestApp;
  let lead: string;
  let op: string;
  let other: string;
  let support: string;
  let bank: string;
  const call = (method: Method, url: string, payload?: object, cookie = lead) => t.call(method, url, payload, cookie);
  const search = async (q: string, extra = '', cookie = op) =>
    (await call('GET', `/api/v1/knowledge/articles?q=${encodeURIComponent(q)}${extra}`, undefined, cookie)).json().items as { id: string; title: string; rank: number }[];

  beforeAll(async () => {
    t = await testApp();
    lead = await t.login('lead');
    op = await t.login('operator3');
    other = await t.login(OTHER.admin, OTHER.password);
    const lines = (await call('GET', '/api/v1/hotlines')).json().items as { id: string; code: string }[];
    support = lines.find((h) => h.code === 'telecom-support')!.id;
    bank = lines.find((h) => h.code === 'bank-cards')!.id;
  });
  afterAll(() => t.close());

  it('finds "тариф" when asked for "тарифа" (Russian morphology), title ranked above text', async () => {
    await call('POST', '/api/v1/knowledge/articles', { hotlineId: support, title: 'Оплата услуг', body: 'Оплатить можно картой; о смене тарифа см. отдельную статью.' });
    const hits = await search('тарифа');
    expect(hits[0]!.title).toBe('Как сменить тариф');
    expect(hits.map((h) => h.title)).toContain('Оплата услуг');
    expect(hits[0]!.rank).toBeGreaterThan(hits.find((h) => h.title === 'Оплата услуг')!.rank);
    expect((await search('блокировку карты')).map((h) => h.title)).toContain('Блокировка карты');
  });

  it('filters by hotline, including shared articles, and by the typical flag', async () => {
    const forBank = await search('разговора', `&hotlineId=${bank}`);
    expect(forBank.map((h) => h.title)).toEqual(['Приветствие и завершение разговора']);
    expect(await search('тариф', `&hotlineId=${bank}`)).toEqual([]);
    const typical = (await call('GET', `/api/v1/knowledge/articles?typical=true&hotlineId=${bank}`, undefined, op)).json().items;
    expect(typical.every((a: { typical: boolean }) => a.typical)).toBe(true);
    expect(typical.length).toBeGreaterThan(0);
  });

  it('keeps versions with author and a line diff; a change asks operators to confirm', async () => {
    const created = (await call('POST', '/api/v1/knowledge/articles', { hotlineId: bank, kind: 'qa', title: 'Кэшбэк', answer: 'Кэшбэк 1%', body: 'строка 1\nстрока 2' })).json();
    expect(created.version).toBe(1);
    const changed = (await call('PATCH', `/api/v1/knowledge/articles/${created.id}`, { answer: 'Кэшбэк 2%', body: 'строка 1\nстрока 3' })).json();
    expect(changed.version).toBe(2);
    expect((await call('PATCH', `/api/v1/knowledge/articles/${created.id}`, { typical: true })).json().version).toBe(2);
    const versions = (await call('GET', `/api/v1/knowledge/articles/${created.id}/versions`, undefined, op)).json().items;
    expect(versions.map((v: { version: number; authorName: string }) => [v.version, v.authorName])).toEqual([[2, 'Сергей Морозов'], [1, 'Сергей Морозов']]);
    const diff = (await call('GET', `/api/v1/knowledge/articles/${created.id}/diff?from=1&to=2`, undefined, op)).json();
    expect(diff.body).toEqual([{ op: 'same', text: 'строка 1' }, { op: 'del', text: 'строка 2' }, { op: 'add', text: 'строка 3' }]);
    expect(diff.answer).toEqual([{ op: 'del', text: 'Кэшбэк 1%' }, { op: 'add', text: 'Кэшбэк 2%' }]);
    expect((await call('GET', `/api/v1/knowledge/articles/${created.id}/diff?from=1&to=9`, undefined, op)).json().errors[0].field).toBe('query.to');

    const before = (await call('GET', `/api/v1/knowledge/articles/${created.id}/reads`)).json();
    expect(before.version).toBe(2);
    expect(before.pending.map((p: { name: string }) => p.name)).toContain('Алексей Попов');
    expect(before.pending.map((p: { name: string }) => p.name)).not.toContain('Администратор системы');
    expect((await call('GET', '/api/v1/knowledge/unconfirmed', undefined, op)).json().items.map((a: { id: string }) => a.id)).toContain(created.id);
    expect((await call('POST', `/api/v1/knowledge/articles/${created.id}/confirm`, undefined, op)).json()).toEqual({ version: 2 });
    await call('POST', `/api/v1/knowledge/articles/${created.id}/confirm`, undefined, op);
    const after = (await call('GET', `/api/v1/knowledge/articles/${created.id}/reads`)).json();
    expect(after.confirmed).toEqual([expect.objectContaining({ name: 'Алексей Попов' })]);
    expect(after.pending.map((p: { name: string }) => p.name)).not.toContain('Алексей Попов');
    expect((await call('GET', '/api/v1/knowledge/unconfirmed', undefined, op)).json().items.map((a: { id: string }) => a.id)).not.toContain(created.id);
    // A new version asks again.
    await call('PATCH', `/api/v1/knowledge/articles/${created.id}`, { title: 'Кэшбэк по картам' });
    expect((await call('GET', `/api/v1/knowledge/articles/${created.id}/reads`)).json().confirmed).toEqual([]);
  });

  it('lets only editors write; an operator reads', async () => {
    expect((await call('POST', '/api/v1/knowledge/articles', { title: 'x' }, op)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/knowledge/categories', { name: 'Новая', hotlineId: support })).statusCode).toBe(201);
    const cats = (await call('GET', `/api/v1/knowledge/categories?hotlineId=${support}`, undefined, op)).json().items;
    expect(cats.map((c: { name: string }) => c.name)).toContain('Новая');
    expect((await call('POST', '/api/v1/knowledge/articles', { title: 'x', colour: 1 })).json().errors[0].field).toBe('body.colour');
  });

  it('keeps tenants apart: 404 for another tenant, nothing found by its search', async () => {
    const mine = (await search('тарифа'))[0]!;
    expect((await call('GET', `/api/v1/knowledge/articles/${mine.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/knowledge/articles/${mine.id}`, { title: 'взлом' }, other)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/knowledge/articles/${mine.id}/confirm`, undefined, other)).statusCode).toBe(404);
    expect(await search('тарифа', '', other)).toEqual([]);
    expect((await call('POST', '/api/v1/knowledge/articles', { hotlineId: support, title: 'чужая линия' }, other)).json().errors[0].field).toBe('body.hotlineId');
    expect((await call('DELETE', `/api/v1/knowledge/articles/${mine.id}`, undefined, other)).statusCode).toBe(404);
  });
});
