import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe(`customer cards (${dbKind})`, () => {
  let t: TestApp;
  let senior: string;
  let admin: string;
  let other: string;
  let hotlineId: string;
  const call = (method: Method, url: string, payload?: object, cookie = senior) => t.call(method, url, payload, cookie);

  beforeAll(async () => {
    t = await testApp();
    senior = await t.login('senior');
    admin = await t.login('admin');
    other = await t.login(OTHER.admin, OTHER.password);
    hotlineId = (await call('GET', '/api/v1/hotlines')).json().items.find((h: { code: string }) => h.code === 'telecom-sales').id;
  });
  afterAll(() => t.close());

  const card = (name: string, identifiers: object[]) => call('POST', '/api/v1/customers', { name, identifiers });

  it('creates a card with normalised identifiers; the same identifier twice → 409 naming identifiers', async () => {
    const res = await card('Белова Светлана', [{ kind: 'phone', value: '8 (912) 777-66-55' }, { kind: 'email', value: 'S.Belova@Mail.RU' }, { kind: 'chat', value: 'web-123' }]);
    expect(res.statusCode).toBe(201);
    expect(res.json().identifiers).toEqual([
      { kind: 'phone', value: '+79127776655' }, { kind: 'email', value: 's.belova@mail.ru' }, { kind: 'chat', value: 'web-123' },
    ]);
    const dup = await card('Другая', [{ kind: 'phone', value: '+7 912 777 66 55' }]);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('body.identifiers');
    const bad = await card('Плохой', [{ kind: 'email', value: 'nope' }]);
    expect(bad.json().errors[0].field).toBe('body.identifiers.0.value');
  });

  it('identifies by any identifier, finds by phone, e-mail or name', async () => {
    const byPhone = (await call('GET', `/api/v1/customers/identify?phone=${encodeURIComponent('89127776655')}`)).json();
    expect(byPhone.customer.name).toBe('Белова Светлана');
    const byChat = (await call('GET', '/api/v1/customers/identify?chat=web-123')).json();
    expect(byChat.customer.id).toBe(byPhone.customer.id);
    expect((await call('GET', '/api/v1/customers/identify?phone=89120000000')).json().customer).toBeNull();
    const search = async (q: string) => (await call('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`)).json().items.map((c: { name: string }) => c.name);
    expect(await search('+7 (912) 777-66-55')).toEqual(['Белова Светлана']);
    expect(await search('s.belova@mail.ru')).toEqual(['Белова Светлана']);
    expect(await search('бел')).toEqual(['Белова Светлана']);
    // A demo customer is found by the phone in another spelling.
    expect(await search('8 912 345 67 89')).toEqual(['Петров Иван Сергеевич']);
  });

  it('audits every view of a card (152-FZ)', async () => {
    const id = (await call('GET', '/api/v1/customers?q=Белова')).json().items[0].id;
    await call('GET', `/api/v1/customers/${id}`);
    await call('GET', `/api/v1/customers/${id}/timeline`);
    const reads = (await call('GET', `/api/v1/audit?entity=customer&entityId=${id}&action=read`, undefined, admin)).json().items;
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads[0]).toMatchObject({ actorKind: 'user', actorName: 'Елена Павлова', action: 'read' });
  });

  it('shows one timeline of contacts across channels, newest first', async () => {
    const cust = (await card('Timeline Тест', [{ kind: 'phone', value: '+7 900 100-20-30' }])).json();
    const at = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
    for (const [channel, min] of [['voice_in', 30], ['chat', 20], ['webform', 10]] as const) {
      const r = await call('POST', '/api/v1/contacts', { hotlineId, channel, createdAt: at(min), customer: { identifiers: [{ kind: 'phone', value: '89001002030' }] } });
      expect(r.statusCode).toBe(201);
    }
    const tl = (await call('GET', `/api/v1/customers/${cust.id}/timeline`)).json();
    expect(tl.items.map((e: { kind: string; contact: { channel: string } }) => [e.kind, e.contact.channel])).toEqual([
      ['contact', 'webform'], ['contact', 'chat'], ['contact', 'voice_in'],
    ]);
  });

  it('merges two cards: contacts and identifiers move, the other card is gone, the merge is audited', async () => {
    const a = (await card('Дубль Один', [{ kind: 'phone', value: '+79005550001' }])).json();
    // The same person registered twice: once by phone, once by e-mail and a second phone.
    const b = (await card('Дубль Два', [{ kind: 'email', value: 'dubl@example.ru' }, { kind: 'phone', value: '+79005550002' }])).json();
    await call('PATCH', `/api/v1/customers/${b.id}`, { notes: 'Звонил из офиса' });
    await call('POST', '/api/v1/contacts', { hotlineId, channel: 'email', customer: { id: b.id } });
    await call('POST', '/api/v1/contacts', { hotlineId, channel: 'voice_in', customer: { id: a.id } });
    const op = await t.login('operator2');
    expect((await call('POST', `/api/v1/customers/${a.id}/merge`, { otherId: b.id }, op)).statusCode).toBe(403);
    const merged = await call('POST', `/api/v1/customers/${a.id}/merge`, { otherId: b.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().identifiers.map((i: { value: string }) => i.value).sort()).toEqual(['+79005550001', '+79005550002', 'dubl@example.ru']);
    expect(merged.json().notes).toBe('Звонил из офиса');
    expect((await call('GET', `/api/v1/customers/${b.id}`)).statusCode).toBe(404);
    const tl = (await call('GET', `/api/v1/customers/${a.id}/timeline`)).json().items;
    expect(tl.map((e: { contact: { channel: string } }) => e.contact.channel).sort()).toEqual(['email', 'voice_in']);
    const log = (await call('GET', `/api/v1/audit?entity=customer&entityId=${a.id}&action=merge`, undefined, admin)).json().items;
    expect(log).toHaveLength(1);
    expect(log[0].before).toMatchObject({ id: b.id, name: 'Дубль Два' });
    expect((await call('POST', `/api/v1/customers/${a.id}/merge`, { otherId: a.id })).json().errors[0].field).toBe('body.otherId');
  });

  it('keeps tenants apart: another tenant gets 404 for a card and cannot merge across', async () => {
    const mine = (await card('Своя карточка', [{ kind: 'phone', value: '+79005559999' }])).json();
    const otherAdmin = other;
    expect((await call('GET', `/api/v1/customers/${mine.id}`, undefined, otherAdmin)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/customers/${mine.id}/timeline`, undefined, otherAdmin)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/customers/${mine.id}`, { name: 'x' }, otherAdmin)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/customers/identify?phone=89005559999', undefined, otherAdmin)).json().customer).toBeNull();
    const theirs = (await call('POST', '/api/v1/customers', { name: 'Чужой', identifiers: [{ kind: 'phone', value: '+79005559999' }] }, otherAdmin)).json();
    expect((await call('POST', `/api/v1/customers/${theirs.id}/merge`, { otherId: mine.id }, otherAdmin)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/customers/${mine.id}/merge`, { otherId: theirs.id })).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/customers/${mine.id}`)).json().identifiers).toEqual([{ kind: 'phone', value: '+79005559999' }]);
  });

  it('refuses unknown fields and a client viewer', async () => {
    const res = await call('POST', '/api/v1/customers', { name: 'X', passport: '1234' });
    expect(res.json().errors).toEqual([{ field: 'body.passport', message: 'unknown field' }]);
    expect((await call('GET', '/api/v1/customers', undefined, await t.login('client-b'))).statusCode).toBe(403);
  });
});
