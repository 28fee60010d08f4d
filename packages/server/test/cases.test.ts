import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addBusinessTime, standardCalendar } from '@linia/engine';
import { withTenant } from '../src/db/index.ts';
import { cases as casesTable } from '../src/cases/schema.ts';
import { changeStatus, openCase, type Actor } from '../src/cases/service.ts';
import { sweepSla } from '../src/cases/sweeper.ts';
import { notifierOf, RecordingNotifier } from '../src/notify/notifier.ts';
import type { EventEnvelope } from '../src/realtime/envelope.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const at = (iso: string) => new Date(iso);

describe(`cases (${dbKind})`, () => {
  let t: TestApp;
  let op: string;
  let senior: string;
  let manager: string;
  let other: string;
  let support: string;
  let bank: string;
  let tenantId: string;
  let groups: { id: string; name: string; level: number; kind: string }[];
  const call = (method: Method, url: string, payload?: object, cookie = op) => t.call(method, url, payload, cookie);
  const l1 = () => groups.find((g) => g.level === 1)!.id;
  const l2 = () => groups.find((g) => g.level === 2 && g.kind === 'line')!.id;
  /** Runs service code in the demo tenant at a chosen instant (no waiting for the clock). */
  const inDemo = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(t.db, { tenantId, clientId: null, actor: { kind: 'system', id: null, name: 'test' } }, work);

  beforeAll(async () => {
    t = await testApp();
    op = await t.login('operator1');
    senior = await t.login('senior');
    manager = await t.login('manager');
    other = await t.login(OTHER.admin, OTHER.password);
    const lines = (await call('GET', '/api/v1/hotlines')).json().items as { id: string; code: string }[];
    support = lines.find((h) => h.code === 'telecom-support')!.id;
    bank = lines.find((h) => h.code === 'bank-cards')!.id;
    groups = (await call('GET', '/api/v1/resolver-groups')).json().items;
    tenantId = (await call('GET', '/api/v1/auth/me')).json().tenant.id;
  });
  afterAll(() => t.close());

  it('opens a case with priority from impact × urgency and SLA due times on the hotline calendar', async () => {
    const res = await call('POST', '/api/v1/cases', { type: 'support', hotlineId: support, subject: 'Роутер', impact: 'high', urgency: 'medium' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'new', priority: 'high', groupId: l1(), allowedStatuses: ['in_progress', 'waiting_customer', 'waiting_third_party', 'resolved'] });
    // The demo's "high" policy: response 60 min, resolution 480 min, on Moscow 09:00–18:00.
    const created = Date.parse(c.createdAt);
    const msk = standardCalendar('Europe/Moscow');
    expect(c.sla.response.dueAt).toBe(new Date(addBusinessTime(created, 60 * 60_000, msk)).toISOString());
    expect(c.sla.resolution.dueAt).toBe(new Date(addBusinessTime(created, 480 * 60_000, msk)).toISOString());
    expect(c.number).toBeGreaterThan(0);
  });

  it('refuses bad input naming the field, and references to another tenant', async () => {
    const bad = await call('POST', '/api/v1/cases', { type: 'gossip', hotlineId: support, subject: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('body.type');
    const otherLine = (await call('GET', '/api/v1/hotlines', undefined, other)).json().items[0].id;
    const cross = await call('POST', '/api/v1/cases', { type: 'support', hotlineId: otherLine, subject: 'x' });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().errors[0].field).toBe('body.hotlineId');
    const noSubject = await call('POST', '/api/v1/cases', { type: 'support', hotlineId: support, subject: '  ' });
    expect(noSubject.json().errors[0].field).toBe('body.subject');
  });

  it('hides cases from another tenant (404) and from roles without cases.view (403)', async () => {
    const c = (await call('POST', '/api/v1/cases', { type: 'information', hotlineId: support, subject: 'Тариф' })).json();
    expect((await call('GET', `/api/v1/cases/${c.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'in_progress' }, other)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/cases', undefined, other)).json().items).toEqual([]);
    const client = await t.login('client-a');
    expect((await call('GET', '/api/v1/cases', undefined, client)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/sla-policies', { name: 'x', responseMinutes: 1, resolutionMinutes: 2 })).statusCode).toBe(403);
  });

  it('moves along the workflow; an illegal move is 409 naming the allowed statuses', async () => {
    const c = (await call('POST', '/api/v1/cases', { type: 'support', hotlineId: support, subject: 'Нет связи' })).json();
    const illegal = await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'closed' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().errors[0]).toEqual({ field: 'body.status', message: 'allowed: in_progress, waiting_customer, waiting_third_party, resolved' });
    const moved = (await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'in_progress' })).json();
    expect(moved.respondedAt).not.toBeNull();
    expect(moved.sla.response.state).toBe('met');
    const waiting = (await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'waiting_customer' })).json();
    expect(waiting.sla.resolution).toMatchObject({ paused: true, dueAt: null });
    await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'resolved' });
    const closed = (await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'closed' })).json();
    expect(closed).toMatchObject({ status: 'closed', allowedStatuses: ['in_progress'] });
    const reopened = (await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'in_progress', comment: 'Снова нет связи' })).json();
    expect(reopened).toMatchObject({ status: 'in_progress', resolvedAt: null, closedAt: null });
    await call('POST', `/api/v1/cases/${c.id}/comments`, { text: 'Проверили линию' });
    const events = (await call('GET', `/api/v1/cases/${c.id}/events`)).json().items as { kind: string; data: { to?: string } }[];
    expect(events.map((e) => e.kind + (e.data.to ? `:${e.data.to}` : ''))).toEqual([
      'created', 'status:in_progress', 'status:waiting_customer', 'status:resolved', 'status:closed', 'status:in_progress', 'comment',
    ]);
  });

  it('a Friday 17:30 case with a 4-hour response is due Monday 12:30; a pause moves the resolution due time', async () => {
    const actor: Actor = { id: null, name: 'test', tenantId };
    const body = { type: 'support' as const, hotlineId: support, contactIds: [], subject: 'Пятница', description: '', impact: 'low' as const, urgency: 'low' as const };
    const { row } = await inDemo((tx) => openCase(tx, actor, body, at('2026-11-20T17:30:00+03:00'), []));
    // The demo's base policy: response 240 min, resolution 960 min.
    expect(row.responseDueAt!.toISOString()).toBe('2026-11-23T09:30:00.000Z');
    // Monday 10:00 → waiting for the customer 11:00 → Tuesday 14:00: 16 h − (0.5 h Fri + 2 h Mon) = 13.5 h left.
    await inDemo((tx) => changeStatus(tx, actor, row.id, 'in_progress', undefined, at('2026-11-23T10:00:00+03:00')));
    await inDemo((tx) => changeStatus(tx, actor, row.id, 'waiting_customer', undefined, at('2026-11-23T11:00:00+03:00')));
    const [paused] = await inDemo((tx) => tx.select().from(casesTable).where(eq(casesTable.id, row.id)));
    expect(paused!.resolutionDueAt).toBeNull();
    const { row: resumed } = await inDemo((tx) => changeStatus(tx, actor, row.id, 'in_progress', undefined, at('2026-11-24T14:00:00+03:00')));
    // Tue 14–18 (4 h), Wed 9–18 (9 h), Thu 09:00 + 0.5 h.
    expect(resumed.resolutionDueAt!.toISOString()).toBe('2026-11-26T06:30:00.000Z');
  });

  it('the sweeper warns at 80 %, and on a breach escalates L1 → L2 and tells the group', async () => {
    const actor: Actor = { id: null, name: 'test', tenantId };
    const body = { type: 'support' as const, hotlineId: support, contactIds: [], subject: 'Срочно', description: '', impact: 'high' as const, urgency: 'medium' as const };
    const { row } = await inDemo((tx) => openCase(tx, actor, body, at('2027-03-01T10:00:00+03:00'), []));
    expect(row.groupId).toBe(l1());
    const heard: EventEnvelope[] = [];
    const stop = t.bus.subscribe((e) => heard.push(e));
    const seniorId = (await call('GET', '/api/v1/auth/me', undefined, senior)).json().id;
    // 16:30: 6.5 of 8 resolution hours (81 %); the 1-hour response is long breached.
    await sweepSla(t.db, t.bus, at('2027-03-01T16:30:00+03:00'));
    let events = (await call('GET', `/api/v1/cases/${row.id}/events`)).json().items as { kind: string; data: { signal?: string; automatic?: boolean } }[];
    expect(events.filter((e) => e.kind === 'sla').map((e) => e.data.signal)).toEqual(['response_warning', 'response_breach', 'resolution_warning']);
    // Once only.
    await sweepSla(t.db, t.bus, at('2027-03-01T16:40:00+03:00'));
    events = (await call('GET', `/api/v1/cases/${row.id}/events`)).json().items;
    expect(events.filter((e) => e.kind === 'sla')).toHaveLength(3);
    // Tuesday 10:00: 9 hours — breached; escalated to L2 automatically.
    await sweepSla(t.db, t.bus, at('2027-03-02T10:00:00+03:00'));
    const c = (await call('GET', `/api/v1/cases/${row.id}`)).json();
    expect(c).toMatchObject({ groupId: l2(), escalationLevel: 1, assigneeId: null });
    events = (await call('GET', `/api/v1/cases/${row.id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ kind: 'escalated', data: { automatic: true } });
    stop();
    const opId = (await call('GET', '/api/v1/auth/me')).json().id;
    const to = (id: string) => heard.filter((e) => e.topic === `user:${id}` && (e.data as { caseId: string }).caseId === row.id).map((e) => e.type);
    // L1 heard each signal; L2 (the senior) heard of the escalation that brought the case to it.
    expect(to(opId)).toEqual(['case.response_warning', 'case.response_breach', 'case.resolution_warning', 'case.resolution_breach']);
    expect(to(seniorId)).toEqual(['case.escalated']);
  });

  it('a complaint: decision deadline in 10 calendar days, not resolvable until decided and answered; escalated to L2', async () => {
    const customer = (await call('POST', '/api/v1/customers', { name: 'Пётр Жалобин', identifiers: [{ kind: 'email', value: 'Petr@Example.ru' }] })).json();
    const c = (await call('POST', '/api/v1/cases', { type: 'complaint', hotlineId: bank, customerId: customer.id, subject: 'Двойное списание' })).json();
    const tenDays = new Date(Date.parse(c.createdAt) + 10 * 86_400_000).toISOString(); // Yekaterinburg has no DST
    expect(c.decisionDueAt).toBe(tenDays);
    expect(c.allowedStatuses).not.toContain('resolved');
    await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'in_progress' });
    const refused = await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'resolved' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('needs decision and answerSent');
    expect((await call('POST', `/api/v1/cases/${c.id}/answer`, { answer: 'x', channel: 'email' })).statusCode).toBe(409);
    const escalated = (await call('POST', `/api/v1/cases/${c.id}/escalate`, { reason: 'Нетиповой вопрос' })).json();
    expect(escalated.groupId).toBe(l2());
    const mine = (await call('GET', '/api/v1/cases?group=mine', undefined, senior)).json().items as { id: string }[];
    expect(mine.map((x) => x.id)).toContain(c.id);
    expect((await call('GET', '/api/v1/cases?group=mine', undefined, op)).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    await call('POST', `/api/v1/cases/${c.id}/decision`, { decision: 'Вернуть списанную дважды сумму' }, senior);
    const answered = (await call('POST', `/api/v1/cases/${c.id}/answer`, { answer: 'Деньги вернутся за 3 дня', channel: 'email' }, senior)).json();
    expect(answered.allowedStatuses).toContain('resolved');
    expect((await call('POST', `/api/v1/cases/${c.id}/status`, { status: 'resolved' }, senior)).json().status).toBe('resolved');
    const timeline = (await call('GET', `/api/v1/customers/${customer.id}/timeline`)).json().items;
    expect(timeline).toContainEqual(expect.objectContaining({ kind: 'case', case: expect.objectContaining({ id: c.id, status: 'resolved' }) }));
    expect((await call('POST', `/api/v1/cases/${c.id}/decision`, { decision: '' }, senior)).json().errors[0].field).toBe('body.decision');
  });

  it('links incidents to a problem and sends suspension and resumption notices to their customers', async () => {
    const notifier = notifierOf(t.db) as RecordingNotifier;
    const a = (await call('POST', '/api/v1/customers', { name: 'Анна Авария', identifiers: [{ kind: 'email', value: 'anna@example.ru' }] })).json();
    const b = (await call('POST', '/api/v1/customers', { name: 'Борис Без-почты', identifiers: [{ kind: 'phone', value: '+7 900 111-22-33' }] })).json();
    const ia = (await call('POST', '/api/v1/cases', { type: 'incident', hotlineId: support, customerId: a.id, subject: 'Нет связи' })).json();
    const ib = (await call('POST', '/api/v1/cases', { type: 'incident', hotlineId: support, customerId: b.id, subject: 'Нет связи' })).json();
    const notIncident = (await call('POST', '/api/v1/cases', { type: 'support', hotlineId: support, subject: 'Роутер' })).json();
    const problem = (await call('POST', '/api/v1/problems', { title: 'Авария на узле', hotlineId: support })).json();
    for (const id of [ia.id, ib.id]) expect((await call('POST', `/api/v1/problems/${problem.id}/incidents`, { caseId: id })).statusCode).toBe(204);
    expect((await call('POST', `/api/v1/problems/${problem.id}/incidents`, { caseId: notIncident.id })).statusCode).toBe(409);
    expect((await call('POST', `/api/v1/problems/${problem.id}/notices`, { kind: 'suspension', subject: 's', body: 'b' })).statusCode).toBe(403);
    const sent = notifier.sent.length;
    const notice = (await call('POST', `/api/v1/problems/${problem.id}/notices`, { kind: 'suspension', subject: 'Приостановка услуги', body: 'Ведутся работы' }, manager)).json();
    expect(notice.recipients).toBe(2);
    await call('POST', `/api/v1/problems/${problem.id}/notices`, { kind: 'resumption', subject: 'Услуга возобновлена', body: 'Связь восстановлена' }, manager);
    expect(notifier.sent.slice(sent).map((m) => [m.address, m.subject]).sort()).toEqual([
      ['+79001112233', 'Приостановка услуги'], ['+79001112233', 'Услуга возобновлена'], ['anna@example.ru', 'Приостановка услуги'], ['anna@example.ru', 'Услуга возобновлена'],
    ]);
    const timeline = (await call('GET', `/api/v1/customers/${a.id}/timeline`)).json().items as { kind: string; notice?: { subject: string } }[];
    expect(timeline.map((e) => e.kind + (e.notice ? `:${e.notice.subject}` : ''))).toEqual(['notice:Услуга возобновлена', 'notice:Приостановка услуги', 'case']);
    const otherProblem = await call('POST', `/api/v1/problems/${problem.id}/notices`, { kind: 'suspension', subject: 's', body: 'b' }, other);
    expect(otherProblem.statusCode).toBe(404);
  });

  it('a planned maintenance notice goes to the customers named; unknown ones are named as bad fields', async () => {
    const a = (await call('POST', '/api/v1/customers', { name: 'Вера Плановая', identifiers: [{ kind: 'email', value: 'vera@example.ru' }] })).json();
    const ok = await call('POST', '/api/v1/outage-notices', { hotlineId: support, kind: 'suspension', subject: 'Плановые работы', body: 'Ночью', customerIds: [a.id] }, manager);
    expect(ok.json().recipients).toBe(1);
    const bad = await call('POST', '/api/v1/outage-notices', { hotlineId: support, kind: 'suspension', subject: 'x', body: 'y', customerIds: [a.id, '00000000-0000-4000-8000-000000000000'] }, manager);
    expect(bad.json().errors[0].field).toBe('body.customerIds.1');
  });

  it('pages the customer timeline across contacts and cases, and a merge carries the cases along', async () => {
    const a = (await call('POST', '/api/v1/customers', { name: 'Тимлайн Первый' })).json();
    const b = (await call('POST', '/api/v1/customers', { name: 'Тимлайн Второй' })).json();
    await call('POST', '/api/v1/contacts', { hotlineId: support, channel: 'letter', subject: 'письмо 1', customer: { id: a.id } });
    await call('POST', '/api/v1/cases', { type: 'support', hotlineId: support, customerId: a.id, subject: 'заявка 1' });
    await call('POST', '/api/v1/contacts', { hotlineId: support, channel: 'letter', subject: 'письмо 2', customer: { id: a.id } });
    const other = (await call('POST', '/api/v1/cases', { type: 'support', hotlineId: support, customerId: b.id, subject: 'заявка 2' })).json();
    const lead = await t.login('lead');
    expect((await call('POST', `/api/v1/customers/${a.id}/merge`, { otherId: b.id }, lead)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/cases/${other.id}`)).json().customerId).toBe(a.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { kind: string; case?: { subject: string }; contact?: { subject: string } }[]; nextCursor: string | null } = (await call('GET', `/api/v1/customers/${a.id}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
      for (const e of res.items) seen.push((e.case ?? e.contact)!.subject);
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['заявка 2', 'письмо 2', 'заявка 1', 'письмо 1']);
  });

  it('lists with filters: mine, overdue, type and status', async () => {
    const me = (await call('GET', '/api/v1/auth/me')).json().id;
    const c = (await call('POST', '/api/v1/cases', { type: 'order', hotlineId: support, subject: 'Заказ', assigneeId: me })).json();
    expect((await call('GET', '/api/v1/cases?mine=true')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    const orders = (await call('GET', '/api/v1/cases?type=order&status=new')).json().items as { type: string; status: string }[];
    expect(orders.every((x) => x.type === 'order' && x.status === 'new')).toBe(true);
    // Backdate a case far enough for it to be overdue.
    await inDemo((tx) => tx.update(casesTable).set({ resolutionDueAt: at('2020-01-01T00:00:00Z') }).where(eq(casesTable.id, c.id)));
    expect((await call('GET', '/api/v1/cases?overdue=true')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await call('GET', '/api/v1/cases?type=nope')).json().errors[0].field).toBe('query.type');
  });
});

describe(`calendars, groups and SLA policies (${dbKind})`, () => {
  let t: TestApp;
  let manager: string;
  let other: string;
  const call = (method: Method, url: string, payload?: object, cookie = manager) => t.call(method, url, payload, cookie);
  const day = [{ from: '09:00', to: '18:00' }];
  const week = [day, day, day, day, day, [], []];

  beforeAll(async () => {
    t = await testApp();
    manager = await t.login('manager');
    other = await t.login(OTHER.admin, OTHER.password);
  });
  afterAll(() => t.close());

  it('keeps calendars and answers due times on them', async () => {
    const cal = (await call('POST', '/api/v1/calendars', { name: 'Офис', timeZone: 'Europe/Moscow', week })).json();
    expect(cal).toMatchObject({ production: 'ru', shortenedByMinutes: 60 });
    const due = (await call('GET', `/api/v1/calendars/${cal.id}/due?from=${encodeURIComponent('2026-11-20T17:30:00+03:00')}&minutes=240`)).json();
    expect(due.dueAt).toBe('2026-11-23T09:30:00.000Z');
    const bad = await call('POST', '/api/v1/calendars', { name: 'x', timeZone: 'Europe/Moscow', week: [[{ from: '18:00', to: '09:00' }], [], [], [], [], [], []] });
    expect(bad.json().errors[0].field).toBe('body.week.0.0.to');
    const zone = await call('POST', '/api/v1/calendars', { name: 'x', timeZone: 'Mars/Base', week });
    expect(zone.json().errors[0].field).toBe('body.timeZone');
    const overlap = await call('POST', '/api/v1/calendars', { name: 'x', timeZone: 'UTC', week: [[{ from: '09:00', to: '13:00' }, { from: '12:00', to: '18:00' }], [], [], [], [], [], []] });
    expect(overlap.json().errors[0].field).toBe('body.week.0.1.from');
    expect((await call('GET', `/api/v1/calendars/${cal.id}`, undefined, other)).statusCode).toBe(404);
    const renamed = await call('PATCH', `/api/v1/calendars/${cal.id}`, { holidays: ['2026-11-23'] });
    expect(renamed.json().holidays).toEqual(['2026-11-23']);
    expect((await call('GET', `/api/v1/calendars/${cal.id}/due?from=${encodeURIComponent('2026-11-20T17:30:00+03:00')}&minutes=240`)).json().dueAt).toBe('2026-11-24T09:30:00.000Z');
  });

  it('sets a hotline\'s calendar and complaint deadline, refusing another tenant\'s calendar', async () => {
    const lines = (await call('GET', '/api/v1/hotlines')).json().items as { id: string }[];
    const cal = (await call('POST', '/api/v1/calendars', { name: 'Круглосуточно', timeZone: 'UTC', production: 'none', week: Array(7).fill([{ from: '00:00', to: '24:00' }]) })).json();
    const put = await call('PUT', `/api/v1/hotlines/${lines[0]!.id}/service-settings`, { calendarId: cal.id, complaintDecisionDays: 30 });
    expect(put.json()).toEqual({ hotlineId: lines[0]!.id, calendarId: cal.id, complaintDecisionDays: 30 });
    const foreign = (await call('POST', '/api/v1/calendars', { name: 'Чужой', timeZone: 'UTC', week }, other)).json();
    const cross = await call('PUT', `/api/v1/hotlines/${lines[0]!.id}/service-settings`, { calendarId: foreign.id });
    expect(cross.json().errors[0].field).toBe('body.calendarId');
    expect((await call('GET', `/api/v1/hotlines/${lines[0]!.id}/service-settings`, undefined, other)).statusCode).toBe(404);
  });

  it('keeps resolver groups with members and SLA policies; the most specific policy wins', async () => {
    const users = (await call('GET', '/api/v1/users')).json().items as { id: string; login: string }[];
    const g = (await call('POST', '/api/v1/resolver-groups', { name: 'L3', level: 3 })).json();
    const put = await call('PUT', `/api/v1/resolver-groups/${g.id}/members`, { userIds: [users.find((u) => u.login === 'lead')!.id] });
    expect(put.json().items.map((m: { name: string }) => m.name)).toEqual(['Сергей Морозов']);
    const otherUser = (await call('GET', '/api/v1/users', undefined, other)).json().items[0].id;
    expect((await call('PUT', `/api/v1/resolver-groups/${g.id}/members`, { userIds: [otherUser] })).json().errors[0].field).toBe('body.userIds.0');
    expect((await call('PATCH', `/api/v1/resolver-groups/${g.id}`, { escalateToId: g.id })).json().errors[0].field).toBe('body.escalateToId');
    const lines = (await call('GET', '/api/v1/hotlines')).json().items as { id: string; code: string }[];
    const sales = lines.find((h) => h.code === 'telecom-sales')!.id;
    await call('POST', '/api/v1/sla-policies', { name: 'Продажи: заказы', hotlineId: sales, caseType: 'order', responseMinutes: 15, resolutionMinutes: 120 });
    const op = await t.login('operator1');
    const order = (await call('POST', '/api/v1/cases', { type: 'order', hotlineId: sales, subject: 'Заказ' }, op)).json();
    expect(order.sla.response.targetMinutes).toBe(15);
    const info = (await call('POST', '/api/v1/cases', { type: 'information', hotlineId: sales, subject: 'Вопрос' }, op)).json();
    expect(info.sla.response.targetMinutes).toBe(240);
    const badCal = await call('POST', '/api/v1/sla-policies', { name: 'x', responseMinutes: 1, resolutionMinutes: 2, calendarId: '00000000-0000-4000-8000-000000000000' });
    expect(badCal.json().errors[0].field).toBe('body.calendarId');
    expect((await call('POST', '/api/v1/sla-policies', { name: 'x', responseMinutes: 0, resolutionMinutes: 2 })).json().errors[0].field).toBe('body.responseMinutes');
  });
});
