import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe(`contact journal (${dbKind})`, () => {
  let t: TestApp;
  let op: string;
  let other: string;
  let hotline: { id: string; code: string };
  const call = (method: Method, url: string, payload?: object, cookie = op, headers: Record<string, string> = {}) => t.call(method, url, payload, cookie, headers);

  beforeAll(async () => {
    t = await testApp();
    op = await t.login('operator1');
    other = await t.login(OTHER.admin, OTHER.password);
    const admin = await t.login('admin');
    const clientId = (await call('GET', '/api/v1/clients', undefined, admin)).json().items[0].id;
    const res = await call('POST', '/api/v1/hotlines', {
      clientId, name: 'Журнал', code: 'journal-test', timeZone: 'Europe/Moscow', channels: ['voice', 'letter'],
      topics: [{ id: 'a', name: 'Договор', children: [{ id: 'a1', name: 'Расторжение' }] }],
      customFields: [
        { key: 'contract_no', label: 'Номер договора', type: 'text', required: true },
        { key: 'amount', label: 'Сумма', type: 'number' },
        { key: 'kind', label: 'Вид', type: 'select', options: ['А', 'Б'] },
        { key: 'tags', label: 'Метки', type: 'multiselect', options: ['x', 'y'] },
        { key: 'visit', label: 'Визит', type: 'date' },
        { key: 'phone2', label: 'Телефон', type: 'phone' },
        { key: 'mail', label: 'Почта', type: 'email' },
      ],
    }, admin);
    expect(res.statusCode).toBe(201);
    hotline = res.json();
  });
  afterAll(() => t.close());

  const letter = (extra: object = {}) => ({
    hotlineId: hotline.id, channel: 'letter', subject: 'Письмо о расторжении договора', notes: 'Абонент просит расторгнуть договор',
    customer: { name: 'Смирнов Пётр', identifiers: [{ kind: 'phone', value: '8 (999) 123-45-67' }] },
    topicId: 'a1', customFields: { contract_no: 'Д-1', amount: '12,5', phone2: '+7 999 000 11 22' }, ...extra,
  });

  it('registers a letter by hand: customer identified or created, fields normalised, agent is the caller, event published', async () => {
    const events: { type: string; topic: string; data: { id: string } }[] = [];
    const stop = t.bus.subscribe((e) => events.push(e as never));
    const res = await call('POST', '/api/v1/contacts', letter());
    stop();
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      channel: 'letter', status: 'open', topicId: 'a1', agentName: 'Дмитрий Иванов', customerName: 'Смирнов Пётр',
      customFields: { contract_no: 'Д-1', amount: 12.5, phone2: '+79990001122' }, criticality: 'normal', queueId: null,
    });
    expect(events.map((e) => [e.type, e.topic])).toEqual([['contact.created', 'contacts']]);
    // The same phone written another way finds the same customer.
    const again = (await call('POST', '/api/v1/contacts', letter({ customer: { identifiers: [{ kind: 'phone', value: '+79991234567' }, { kind: 'email', value: 'P.Smirnov@Mail.ru' }] } }))).json();
    expect(again.customerId).toBe(c.customerId);
    const card = (await call('GET', `/api/v1/customers/${c.customerId}`)).json();
    expect(card.identifiers).toEqual([{ kind: 'phone', value: '+79991234567' }, { kind: 'email', value: 'p.smirnov@mail.ru' }]);
  });

  it('is idempotent with Idempotency-Key: a retry returns the same contact, nothing twice', async () => {
    const key = { 'idempotency-key': 'letter-42' };
    const first = await call('POST', '/api/v1/contacts', letter({ subject: 'Идемпотентное письмо' }), op, key);
    const second = await call('POST', '/api/v1/contacts', letter({ subject: 'Идемпотентное письмо' }), op, key);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const list = (await call('GET', `/api/v1/contacts?q=${encodeURIComponent('Идемпотентное')}`)).json();
    expect(list.items).toHaveLength(1);
  });

  it('refuses bad custom fields naming each field, and unknown topics, hotlines and body fields', async () => {
    const bad = await call('POST', '/api/v1/contacts', letter({ customFields: { amount: 'много', kind: 'В', tags: ['z'], visit: '31.12.2026', mail: 'x@', colour: 1 } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.customFields.amount', 'body.customFields.colour', 'body.customFields.kind', 'body.customFields.mail', 'body.customFields.tags', 'body.customFields.visit',
    ]);
    // Required fields are demanded when the contact is registered closed (or closed later).
    const closedNoContract = await call('POST', '/api/v1/contacts', letter({ status: 'closed', customFields: {} }));
    expect(closedNoContract.statusCode).toBe(400);
    expect(closedNoContract.json().errors).toEqual([{ field: 'body.customFields.contract_no', message: 'Номер договора: required' }]);
    const topic = await call('POST', '/api/v1/contacts', letter({ topicId: 'zz' }));
    expect(topic.json().errors[0].field).toBe('body.topicId');
    const unknown = await call('POST', '/api/v1/contacts', letter({ colour: 'red' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'body.colour', message: 'unknown field' }]);
    const phone = await call('POST', '/api/v1/contacts', letter({ customer: { identifiers: [{ kind: 'phone', value: '12' }] } }));
    expect(phone.json().errors[0].field).toBe('body.customer.identifiers.0.value');
    const channel = await call('POST', '/api/v1/contacts', letter({ channel: 'pigeon' }));
    expect(channel.json().errors[0].field).toBe('body.channel');
  });

  it('closes a contact once: required fields checked, times set, contact.closed published', async () => {
    const c = (await call('POST', '/api/v1/contacts', letter({ customFields: {} }))).json();
    const missing = await call('POST', `/api/v1/contacts/${c.id}/close`, { outcome: 'Решено' });
    expect(missing.json().errors[0].field).toBe('body.customFields.contract_no');
    const events: { type: string }[] = [];
    const stop = t.bus.subscribe((e) => events.push(e));
    const closed = await call('POST', `/api/v1/contacts/${c.id}/close`, { outcome: 'Решено', fcr: true, customFields: { contract_no: 'Д-9' } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'Решено', fcr: true });
    expect(closed.json().endedAt).toBeTruthy();
    expect(closed.json().wrapUpEndedAt).toBeTruthy();
    await call('POST', `/api/v1/contacts/${c.id}/close`, {});
    stop();
    expect(events.filter((e) => e.type === 'contact.closed')).toHaveLength(1);
    const patched = await call('PATCH', `/api/v1/contacts/${c.id}`, { criticality: 'high', notes: 'дополнено' });
    expect(patched.json()).toMatchObject({ criticality: 'high', notes: 'дополнено' });
  });

  it('filters the journal and searches with Russian morphology', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    await call('POST', '/api/v1/contacts', letter({ subject: 'Жалоба на тарифы', notes: 'Абонент недоволен тарифом', channel: 'fax' }));
    const byWord = (await call('GET', `/api/v1/contacts?q=${encodeURIComponent('тариф')}&from=${encodeURIComponent(from)}`)).json();
    expect(byWord.items.map((c: { subject: string }) => c.subject)).toEqual(['Жалоба на тарифы']);
    const fax = (await call('GET', `/api/v1/contacts?channel=fax&hotlineId=${hotline.id}`)).json();
    expect(fax.items).toHaveLength(1);
    const me = (await call('GET', '/api/v1/auth/me')).json();
    const mine = (await call('GET', `/api/v1/contacts?agentId=${me.id}&topicId=a1&hotlineId=${hotline.id}&limit=200`)).json();
    expect(mine.items.length).toBeGreaterThanOrEqual(4);
    const solved = (await call('GET', `/api/v1/contacts?outcome=${encodeURIComponent('Решено')}&hotlineId=${hotline.id}`)).json();
    expect(solved.items.every((c: { outcome: string }) => c.outcome === 'Решено')).toBe(true);
    const future = (await call('GET', `/api/v1/contacts?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).json();
    expect(future.items).toEqual([]);
    // Paging: no contact twice.
    const p1 = (await call('GET', `/api/v1/contacts?limit=2&hotlineId=${hotline.id}`)).json();
    const p2 = (await call('GET', `/api/v1/contacts?limit=2&hotlineId=${hotline.id}&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((c: { id: string }) => c.id)).not.toContain(p1.items[0].id);
  });

  it('searches what was said: the transcript, messages added later, and notes changed after', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const find = async (word: string) =>
      (await call('GET', `/api/v1/contacts?q=${encodeURIComponent(word)}&from=${encodeURIComponent(from)}`)).json().items.map((c: { id: string }) => c.id);
    const chat = (await call('POST', '/api/v1/contacts', letter({
      subject: 'Чат', notes: null, messages: [{ author: 'customer', body: 'Хочу оформить возврат денег за подписку' }],
    }))).json();
    expect(await find('возвратом')).toEqual([chat.id]); // an inflected form of a word in the transcript
    await call('POST', `/api/v1/contacts/${chat.id}/messages`, { body: 'Кассовый чек пришлю на почту', author: 'customer' });
    expect(await find('чеки')).toEqual([chat.id]);
    // changing the notes rewrites the vector, and keeps what was said
    await call('PATCH', `/api/v1/contacts/${chat.id}`, { notes: 'Передано в бухгалтерию' });
    expect(await find('бухгалтерии')).toEqual([chat.id]);
    expect(await find('возврат')).toEqual([chat.id]);
    await call('POST', `/api/v1/contacts/${chat.id}/close`, { notes: 'Закрыто, деньги вернули', outcome: 'Решено', customFields: { contract_no: 'Д-9' } });
    expect(await find('подписки')).toEqual([chat.id]);
    expect(await find('бухгалтерия')).toEqual([]);
  });

  it('pages a text search across old contacts the same as a plain listing (search windows)', async () => {
    const day = 86_400_000;
    for (const ago of [2, 100, 800, 801]) {
      await call('POST', '/api/v1/contacts', letter({ subject: `Архивное письмо ${ago}`, notes: 'Отметка архивариуса', createdAt: new Date(Date.now() - ago * day).toISOString() }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = (await call('GET', `/api/v1/contacts?q=${encodeURIComponent('архивариус')}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: { subject: string }[]; nextCursor: string | null };
      seen.push(...res.items.map((c) => c.subject));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Архивное письмо 2', 'Архивное письмо 100', 'Архивное письмо 800', 'Архивное письмо 801']);
  });

  it('exports the journal as Excel-friendly CSV: BOM, semicolons, custom-field columns', async () => {
    const res = await call('GET', `/api/v1/contacts/export.csv?hotlineId=${hotline.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="contacts-/);
    expect(res.body.startsWith('\uFEFFНомер;Дата и время;Канал')).toBe(true);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toContain(';Номер договора;Сумма');
    expect(lines.some((l) => l.includes(';Журнал;') && l.includes('Смирнов Пётр'))).toBe(true);
    expect(lines.find((l) => l.includes('Жалоба на тарифы'))).toMatch(/^[0-9a-f-]{36};\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};fax;/);
    const en = await call('GET', `/api/v1/contacts/export.csv?lang=en&channel=fax`);
    expect(en.body.startsWith('\uFEFFID;Date and time')).toBe(true);
  });

  it('keeps a transcript, inserts a knowledge answer into the reply', async () => {
    const c = (await call('POST', '/api/v1/contacts', { hotlineId: hotline.id, channel: 'voice_in', messages: [{ author: 'customer', body: 'Здравствуйте' }] })).json();
    const shared = (await call('GET', `/api/v1/knowledge/articles?q=${encodeURIComponent('завершение разговора')}`)).json().items[0];
    const inserted = await call('POST', `/api/v1/contacts/${c.id}/messages`, { articleId: shared.id });
    expect(inserted.statusCode).toBe(201);
    expect(inserted.json()).toMatchObject({ author: 'agent', authorName: 'Дмитрий Иванов', body: shared.answer });
    const bankArticle = (await call('GET', `/api/v1/knowledge/articles?q=${encodeURIComponent('блокировка карты')}`)).json().items[0];
    expect((await call('POST', `/api/v1/contacts/${c.id}/messages`, { articleId: bankArticle.id })).json().errors[0].field).toBe('body.articleId');
    const messages = (await call('GET', `/api/v1/contacts/${c.id}/messages`)).json().items;
    expect(messages.map((m: { author: string }) => m.author)).toEqual(['customer', 'agent']);
  });

  it('stores attachments up to the limit; over it → 413 and nothing stored', async () => {
    const c = (await call('POST', '/api/v1/contacts', letter())).json();
    const file = Buffer.from('%PDF-1.4 скан письма');
    const up = await t.app.inject({
      method: 'POST', url: `/api/v1/contacts/${c.id}/attachments?fileName=${encodeURIComponent('скан.pdf')}`,
      headers: { cookie: op, 'content-type': 'application/pdf' }, payload: file,
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ fileName: 'скан.pdf', contentType: 'application/pdf', size: file.length });
    const down = await call('GET', `/api/v1/contacts/${c.id}/attachments/${up.json().id}`);
    expect(down.rawPayload.equals(file)).toBe(true);
    expect(down.headers['content-type']).toBe('application/pdf');

    const big = Buffer.alloc(t.config.attachmentMaxBytes + 1, 1);
    const tooBig = await t.app.inject({
      method: 'POST', url: `/api/v1/contacts/${c.id}/attachments?fileName=big.bin`,
      headers: { cookie: op, 'content-type': 'application/octet-stream' }, payload: big,
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.headers['content-type']).toMatch(/problem\+json/);
    const list = (await call('GET', `/api/v1/contacts/${c.id}/attachments`)).json().items;
    expect(list).toHaveLength(1);
    const json = await t.app.inject({
      method: 'POST', url: `/api/v1/contacts/${c.id}/attachments?fileName=data.json`,
      headers: { cookie: op, 'content-type': 'application/json' }, payload: '{"a":1}',
    });
    expect(json.statusCode).toBe(201);
  });

  it('another tenant sees none of it: 404 for contacts, 400 for a foreign hotline or customer', async () => {
    const c = (await call('POST', '/api/v1/contacts', letter())).json();
    expect((await call('GET', `/api/v1/contacts/${c.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/contacts/${c.id}`, { notes: 'x' }, other)).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/contacts/${c.id}/close`, {}, other)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/contacts/${c.id}/messages`, undefined, other)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/contacts', undefined, other)).json().items).toEqual([]);
    const foreign = await call('POST', '/api/v1/contacts', { hotlineId: hotline.id, channel: 'letter' }, other);
    expect(foreign.json().errors[0].field).toBe('body.hotlineId');
    const theirHotline = (await call('GET', '/api/v1/hotlines', undefined, other)).json().items[0].id;
    const foreignCustomer = await call('POST', '/api/v1/contacts', { hotlineId: theirHotline, channel: 'letter', customer: { id: c.customerId } }, other);
    expect(foreignCustomer.json().errors[0].field).toBe('body.customer.id');
    // The other tenant's own customer with the same phone is a different card.
    const own = (await call('POST', '/api/v1/contacts', { hotlineId: theirHotline, channel: 'letter', customer: { identifiers: [{ kind: 'phone', value: '89991234567' }] } }, other)).json();
    expect(own.customerId).not.toBe(c.customerId);
  });

  it('checks custom-field definitions on the hotline, naming the bad one', async () => {
    const admin = await t.login('admin');
    const dup = await call('PATCH', `/api/v1/hotlines/${hotline.id}`, {
      customFields: [{ key: 'a', label: 'A', type: 'text' }, { key: 'a', label: 'B', type: 'text' }, { key: 's', label: 'S', type: 'select' }],
    }, admin);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.customFields.1', 'body.customFields.2']);
    const badKey = await call('PATCH', `/api/v1/hotlines/${hotline.id}`, { customFields: [{ key: 'Номер', label: 'N', type: 'text' }] }, admin);
    expect(badKey.json().errors[0].field).toBe('body.customFields.0.key');
    expect((await call('GET', `/api/v1/hotlines/${hotline.id}`)).json().customFields).toHaveLength(7);
  });

  it('lets only the desk roles register; a client viewer sees no journal', async () => {
    const viewer = await t.login('client-a');
    expect((await call('GET', '/api/v1/contacts', undefined, viewer)).statusCode).toBe(403);
    const quality = await t.login('quality');
    expect((await call('GET', '/api/v1/contacts', undefined, quality)).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/contacts', letter(), quality)).statusCode).toBe(403);
  });
});
