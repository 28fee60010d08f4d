import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH';

describe(`missed contacts and callbacks (${dbKind})`, () => {
  let t: TestApp;
  let op: string;
  let op2: string;
  let other: string;
  let hotlineId: string;
  const call = (method: Method, url: string, payload?: object, cookie = op) => t.call(method, url, payload, cookie);
  const missedCall = async (phone: string, minutesAgo = 5) => {
    const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const res = await call('POST', '/api/v1/contacts', {
      hotlineId, channel: 'voice_in', createdAt: at, abandonedAt: at, customer: { identifiers: [{ kind: 'phone', value: phone }] },
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await testApp();
    op = await t.login('operator1');
    op2 = await t.login('operator2');
    other = await t.login(OTHER.admin, OTHER.password);
    const admin = await t.login('admin');
    const clientId = (await call('GET', '/api/v1/clients', undefined, admin)).json().items[0].id;
    const h = await call('POST', '/api/v1/hotlines', { clientId, name: 'Перезвоны', code: 'callbacks-test', timeZone: 'Europe/Moscow', channels: ['voice'] }, admin);
    hotlineId = h.json().id;
  });
  afterAll(() => t.close());

  it('a missed call is registered as such and listed until someone takes the callback', async () => {
    const missed = await missedCall('8 (912) 700-10-01');
    expect(missed.abandonedAt).not.toBeNull();
    const journal = (await call('GET', `/api/v1/contacts?missed=true&hotlineId=${hotlineId}`)).json().items.map((c: { id: string }) => c.id);
    expect(journal).toContain(missed.id);
    const answered = (await call('GET', `/api/v1/contacts?missed=false&hotlineId=${hotlineId}`)).json().items.map((c: { id: string }) => c.id);
    expect(answered).not.toContain(missed.id);

    const list = async () => (await call('GET', `/api/v1/callbacks/missed?hotlineId=${hotlineId}`)).json().items.map((c: { id: string }) => c.id);
    expect(await list()).toContain(missed.id);
    const cb = await call('POST', '/api/v1/callbacks', { contactId: missed.id, reason: 'Пропущенный звонок' });
    expect(cb.statusCode).toBe(201);
    expect(cb.json()).toMatchObject({ phone: '+79127001001', hotlineId, contactId: missed.id, status: 'open', attempts: 0, customerId: missed.customerId });
    expect(await list()).not.toContain(missed.id);
    // two people clicking "call back" at once: one task
    const again = await call('POST', '/api/v1/callbacks', { contactId: missed.id }, op2);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('body.contactId');
  });

  it('attempts: no answer moves the due time, reaching the customer registers the outgoing call and closes the task', async () => {
    const missed = await missedCall('+7 912 700-10-02');
    const cb = (await call('POST', '/api/v1/callbacks', { contactId: missed.id })).json();
    const before = Date.now();
    const first = await call('POST', `/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'no_answer', notes: 'Не берёт трубку' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'open', attempts: 1, lastOutcome: 'no_answer', overdue: false });
    const due = new Date(first.json().dueAt).getTime();
    expect(due - before).toBeGreaterThanOrEqual(29 * 60_000);
    expect(due - before).toBeLessThanOrEqual(31 * 60_000);
    // whoever called owns the task now
    expect(first.json().assigneeName).toBe('Дмитрий Иванов');

    const reached = (await call('POST', `/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'reached', notes: 'Клиент уточнил баланс' })).json();
    expect(reached).toMatchObject({ status: 'done', attempts: 2, lastOutcome: 'reached' });
    expect(reached.closedAt).not.toBeNull();
    const outgoing = (await call('GET', `/api/v1/contacts/${reached.resultContactId}`)).json();
    expect(outgoing).toMatchObject({ channel: 'voice_out', customerId: missed.customerId, notes: 'Клиент уточнил баланс', status: 'open' });
    const detail = (await call('GET', `/api/v1/callbacks/${cb.id}`)).json();
    expect(detail.attemptLog.map((a: { outcome: string }) => a.outcome)).toEqual(['no_answer', 'reached']);
    // a closed task takes no more attempts
    const late = await call('POST', `/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'no_answer' });
    expect(late.statusCode).toBe(409);
  });

  it('three unanswered attempts give up; a given-up missed contact shows in the missed list again', async () => {
    const missed = await missedCall('+7 912 700-10-03');
    const cb = (await call('POST', '/api/v1/callbacks', { contactId: missed.id })).json();
    for (const outcome of ['no_answer', 'busy', 'voicemail']) await call('POST', `/api/v1/callbacks/${cb.id}/attempts`, { outcome });
    expect((await call('GET', `/api/v1/callbacks/${cb.id}`)).json()).toMatchObject({ status: 'failed', attempts: 3 });
    const list = (await call('GET', `/api/v1/callbacks/missed?hotlineId=${hotlineId}`)).json().items.map((c: { id: string }) => c.id);
    expect(list).toContain(missed.id);
  });

  it('lists my tasks and the overdue ones in due order; cancels; assigns', async () => {
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const late = (await call('POST', '/api/v1/callbacks', { hotlineId, phone: '89127001004', dueAt: past, reason: 'Просил перезвонить утром' })).json();
    expect(late.overdue).toBe(true);
    const later = (await call('POST', '/api/v1/callbacks', { hotlineId, phone: '89127001005', dueAt: new Date(Date.now() + 3_600_000).toISOString() })).json();
    const overdue = (await call('GET', `/api/v1/callbacks?overdue=true&hotlineId=${hotlineId}`)).json().items.map((c: { id: string }) => c.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(later.id);
    const open = (await call('GET', `/api/v1/callbacks?status=open&hotlineId=${hotlineId}`)).json().items;
    const dues = open.map((c: { dueAt: string }) => c.dueAt);
    expect([...dues].sort()).toEqual(dues);
    // paging in due order loses nothing
    const p1 = (await call('GET', `/api/v1/callbacks?status=open&hotlineId=${hotlineId}&limit=1`)).json();
    const p2 = (await call('GET', `/api/v1/callbacks?status=open&hotlineId=${hotlineId}&limit=50&cursor=${p1.nextCursor}`)).json();
    expect([...p1.items, ...p2.items].map((c: { id: string }) => c.id)).toEqual(open.map((c: { id: string }) => c.id));

    const me = (await call('GET', '/api/v1/auth/me', undefined, op2)).json();
    await call('PATCH', `/api/v1/callbacks/${later.id}`, { assigneeId: me.id });
    const mine = (await call('GET', '/api/v1/callbacks?assignee=me', undefined, op2)).json().items.map((c: { id: string }) => c.id);
    expect(mine).toEqual([later.id]);
    const cancelled = (await call('PATCH', `/api/v1/callbacks/${later.id}`, { status: 'cancelled' })).json();
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect((await call('PATCH', `/api/v1/callbacks/${later.id}`, { reason: 'x' })).statusCode).toBe(409);
  });

  it('bad input is named; other tenants see nothing', async () => {
    const cases: [object, string][] = [
      [{}, 'body.hotlineId'],
      [{ hotlineId }, 'body.phone'],
      [{ hotlineId, phone: 'позвоните мне' }, 'body.phone'],
      [{ hotlineId, phone: '+79127001006', dueAt: 'завтра' }, 'body.dueAt'],
      [{ hotlineId, phone: '+79127001006', assigneeId: '00000000-0000-4000-8000-000000000000' }, 'body.assigneeId'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', '/api/v1/callbacks', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const mineCb = (await call('POST', '/api/v1/callbacks', { hotlineId, phone: '+79127001007' })).json();
    const badOutcome = await call('POST', `/api/v1/callbacks/${mineCb.id}/attempts`, { outcome: 'maybe' });
    expect(badOutcome.json().errors[0].field).toBe('body.outcome');
    expect((await call('GET', `/api/v1/callbacks/${mineCb.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/callbacks/${mineCb.id}/attempts`, { outcome: 'reached' }, other)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/callbacks', undefined, other)).json().items).toEqual([]);
    expect((await call('GET', '/api/v1/callbacks/missed', undefined, other)).json().items).toEqual([]);
    expect((await call('POST', '/api/v1/callbacks', { hotlineId, phone: '+79127001008' }, other)).json().errors[0].field).toBe('body.hotlineId');
  });
});
