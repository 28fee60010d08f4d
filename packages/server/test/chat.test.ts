import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { asSystem, withTenant } from '../src/db/index.ts';
import { auditLog } from '../src/audit/schema.ts';
import { contacts } from '../src/contacts/schema.ts';
import { DEMO_WIDGET_KEY } from '../src/demo/seedChat.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

const KEY = DEMO_WIDGET_KEY;
const uuid = () => crypto.randomUUID();

describe(`web chat: widget, customer and operator API (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let op1: string;
  let op2: string;
  let op1Id: string;
  let tenantId: string;
  let topicId: string;
  beforeAll(async () => {
    t = await testApp();
    [admin, lead, op1, op2] = await Promise.all([t.login('admin'), t.login('lead'), t.login('operator1'), t.login('operator2')]);
    const me = (await t.call('GET', '/api/v1/auth/me', undefined, op1)).json();
    op1Id = me.id ?? me.user.id;
    tenantId = me.tenant.id;
    topicId = (await t.call('GET', `/api/v1/chat/widgets/${KEY}`)).json().topics[0].id;
  });
  afterAll(() => t.close());

  const customer = (token: string) => ({
    call: (method: 'GET' | 'POST', url: string, payload?: object) => t.call(method, url, payload, undefined, { 'x-chat-token': token }),
  });
  const start = async (name = 'Анна Петрова', contact = '+7 999 123-45-01', key = KEY, message?: string) => {
    const res = await t.call('POST', `/api/v1/chat/widgets/${key}/chats`, { name, contact, topicId, ...(message ? { message } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { token: string; state: { contactId: string; status: string; position: number | null } };
  };
  const rows = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, { tenantId, clientId: null, actor: { kind: 'system', id: null, name: 'test' } }, work);
  /** A system line of the chat, waited for: the routing node writes "joined" just after the accept's commit. */
  const systemLine = async (token: string, kind: string) => {
    for (let i = 0; i < 100; i++) {
      const messages = (await customer(token).call('GET', '/api/v1/chat/session')).json().messages as { author: string; body: string }[];
      const line = messages.find((m) => m.author === 'system' && m.body === kind);
      if (line) return line;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ${kind} line`);
  };
  const acceptAs = async (cookie: string, contactId: string) => {
    expect((await t.call('POST', '/api/v1/acd/me/state', { state: 'ready' }, cookie)).statusCode).toBe(200);
    const r = await t.call('POST', `/api/v1/acd/offers/${contactId}/accept`, undefined, cookie);
    expect(r.statusCode, r.body).toBe(200);
  };

  it('describes the widget to anyone; an unknown or inactive key is a 404', async () => {
    const w = await t.call('GET', `/api/v1/chat/widgets/${KEY}`);
    expect(w.statusCode).toBe(200);
    expect(w.json()).toMatchObject({ open: true, hotlineName: expect.any(String), limits: { messageChars: 4000 } });
    expect(w.json().topics.length).toBeGreaterThan(0);
    expect((await t.call('GET', '/api/v1/chat/widgets/wk_no_such_widget_key')).statusCode).toBe(404);
    // The widget runs on the client's site: its calls are cross-origin, with a preflight for the token header.
    expect(w.headers['access-control-allow-origin']).toBe('*');
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/chat/session/messages', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-chat-token' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('x-chat-token');
    expect((await t.call('GET', '/api/v1/contacts', undefined, undefined, { origin: 'https://shop.example' })).headers['access-control-allow-origin']).toBeUndefined();
    const script = await t.call('GET', '/widget.js');
    expect([200, 404]).toContain(script.statusCode);
    if (script.statusCode === 200) expect(script.headers['content-type']).toContain('javascript');
    expect((await t.call('GET', '/widget-demo.html')).body).toContain(`data-key="${KEY}"`);
    expect((await t.call('GET', '/widget-demo.html?key=%22%3E%3Cscript%3E')).body).not.toContain('"><script>');

    const list = (await t.call('GET', '/api/v1/chat-widgets', undefined, admin)).json().items;
    const demo = list.find((x: { publicKey: string }) => x.publicKey === KEY);
    const created = await t.call('POST', '/api/v1/chat-widgets', { hotlineId: demo.hotlineId, queueId: demo.queueId, name: 'Второй', active: false }, admin);
    expect(created.statusCode, created.body).toBe(201);
    expect((await t.call('GET', `/api/v1/chat/widgets/${created.json().publicKey}`)).statusCode).toBe(404);
    expect((await t.call('POST', `/api/v1/chat/widgets/${created.json().publicKey}/chats`, { name: 'X', contact: 'x@example.com' })).statusCode).toBe(404);
    // A queue of another channel is refused, naming the field.
    const voice = (await t.call('GET', '/api/v1/acd/queues', undefined, admin)).json().items.find((q: { channel: string; hotlineId: string }) => q.channel === 'voice' && q.hotlineId === demo.hotlineId);
    const bad = await t.call('POST', '/api/v1/chat-widgets', { hotlineId: demo.hotlineId, queueId: voice.id, name: 'Голос' }, admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.queueId');
  });

  it('a chat waits in the queue, is accepted, messages flow both ways without duplicates, the agent ends it, the customer answers the survey', async () => {
    const { token, state } = await start('Анна Петрова', '+7 999 123-45-01', KEY, 'Не работает интернет после грозы');
    expect(state).toMatchObject({ status: 'waiting', position: 1 });
    const c = customer(token);
    const contactId = state.contactId;
    // Committed before acknowledged: the journal has the chat contact, routed as waiting, customer identified.
    const journal = (await t.call('GET', `/api/v1/contacts/${contactId}`, undefined, admin)).json();
    expect(journal).toMatchObject({ channel: 'chat', topicId, customerName: 'Анна Петрова', status: 'open' });
    expect(journal.customerId).not.toBeNull();

    await acceptAs(op1, contactId);
    // The accept alone puts "<agent> joined the chat" in the transcript: kind and name, no language.
    const joined = await systemLine(token, 'agentJoined');
    expect(joined).toMatchObject({ seq: 2, author: 'system', authorName: 'Дмитрий Иванов', body: 'agentJoined' });
    // Written in the accept's own transaction (the ACD's), not afterwards by the chat's fallback.
    const [lineAudit] = await asSystem(t.db, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.entity, 'contact_message'), eq(auditLog.action, 'create'), sql`${auditLog.after}->>'body' = 'agentJoined'`, sql`${auditLog.after}->>'contact_id' = ${contactId}`)),
    );
    expect(lineAudit?.actorName).toBe('acd');
    const mine = (await t.call('GET', '/api/v1/chats/mine', undefined, op1)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ contactId, status: 'active', customerName: 'Анна Петрова', unread: 1, lastMessage: { author: 'system', seq: 2 } });
    expect(mine[0].topic).toEqual(expect.any(String));
    // Someone else's chat is a 404; a lead watching may read it.
    expect((await t.call('GET', `/api/v1/chats/${contactId}`, undefined, op2)).statusCode).toBe(404);
    expect((await t.call('POST', `/api/v1/chats/${contactId}/messages`, { body: 'Чужой' }, op2)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/chats/${contactId}`, undefined, lead)).statusCode).toBe(200);
    expect((await t.call('POST', `/api/v1/chats/${contactId}/messages`, { body: 'Не мой чат' }, lead)).statusCode).toBe(404);
    const live = (await t.call('GET', '/api/v1/chats/live', undefined, lead)).json().items;
    expect(live.find((x: { contactId: string }) => x.contactId === contactId)).toMatchObject({ agentId: op1Id, status: 'active' });

    const clientId = uuid();
    const sent = await t.call('POST', `/api/v1/chats/${contactId}/messages`, { body: 'Здравствуйте, Анна! Проверяю линию.', clientId }, op1);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ seq: 3, author: 'agent', authorName: 'Дмитрий Иванов' });
    const again = await t.call('POST', `/api/v1/chats/${contactId}/messages`, { body: 'Здравствуйте, Анна! Проверяю линию.', clientId }, op1);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(sent.json().id);

    // The customer sees the agent's name and both messages; a resend is stored once.
    const session = (await c.call('GET', '/api/v1/chat/session')).json();
    expect(session.state).toMatchObject({ status: 'active', agentName: 'Дмитрий Иванов' });
    expect(session.messages.map((m: { seq: number; author: string }) => `${m.seq}:${m.author}`)).toEqual(['1:customer', '2:system', '3:agent']);
    const cid = uuid();
    const m3 = await c.call('POST', '/api/v1/chat/session/messages', { body: 'Спасибо, жду', clientId: cid });
    const m3again = await c.call('POST', '/api/v1/chat/session/messages', { body: 'Спасибо, жду', clientId: cid });
    expect([m3.statusCode, m3again.statusCode]).toEqual([201, 200]);
    expect(m3again.json()).toEqual(m3.json());
    expect((await c.call('GET', '/api/v1/chat/session?after=3')).json().messages.map((m: { body: string }) => m.body)).toEqual(['Спасибо, жду']);

    // Read marks both ways.
    expect((await t.call('POST', `/api/v1/chats/${contactId}/read`, { seq: 4 }, op1)).statusCode).toBe(204);
    expect((await c.call('POST', '/api/v1/chat/session/read', { seq: 3 })).statusCode).toBe(204);
    const detail = (await t.call('GET', `/api/v1/chats/${contactId}`, undefined, op1)).json();
    expect(detail).toMatchObject({ agentReadSeq: 4, customerReadSeq: 3, unread: 0 });
    expect(detail.messages).toHaveLength(4);

    // The agent ends: wrap-up in the ACD, the chat ended for both, the survey offered to the customer.
    const ended = await t.call('POST', `/api/v1/chats/${contactId}/end`, undefined, op1);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endedBy: 'agent' });
    expect((await t.call('GET', '/api/v1/acd/me', undefined, op1)).json().agent.state).toBe('wrapUp');
    expect((await t.call('POST', `/api/v1/chats/${contactId}/messages`, { body: 'Ещё' }, op1)).statusCode).toBe(409);
    expect((await c.call('POST', '/api/v1/chat/session/messages', { body: 'Ещё' })).statusCode).toBe(409);
    // The end's line follows, written with the end; a customer resuming after what it has gets nothing twice.
    const full = (await c.call('GET', '/api/v1/chat/session')).json().messages;
    expect(full.map((m: { seq: number; author: string; body: string }) => `${m.seq}:${m.author === 'system' ? m.body : m.author}`)).toEqual(['1:customer', '2:agentJoined', '3:agent', '4:customer', '5:endedByAgent']);
    expect(full[4]).toMatchObject({ authorName: 'Дмитрий Иванов' });
    expect((await c.call('GET', '/api/v1/chat/session?after=5')).json().messages).toEqual([]);
    expect((await c.call('GET', '/api/v1/chat/session?after=2')).json().messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4, 5]);
    // Ending again writes no second line.
    expect((await t.call('POST', `/api/v1/chats/${contactId}/end`, undefined, op1)).statusCode).toBe(200);
    expect((await c.call('GET', '/api/v1/chat/session?after=5')).json().messages).toEqual([]);
    const after = (await c.call('GET', '/api/v1/chat/session')).json().state;
    expect(after).toMatchObject({ status: 'ended', endedBy: 'agent', survey: { kind: 'csat' } });
    const answer = await t.call('POST', `/api/v1/surveys/public/${after.survey.token}`, { score: 5, comment: 'Быстро помогли' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect((await c.call('GET', '/api/v1/chat/session')).json().state.survey).toBeNull();

    // The transcript is in the journal: its search finds the chat by what the customer wrote.
    const found = (await t.call('GET', `/api/v1/contacts?q=${encodeURIComponent('грозы')}`, undefined, admin)).json().items;
    expect(found.map((x: { id: string }) => x.id)).toContain(contactId);
    await t.call('POST', `/api/v1/acd/contacts/${contactId}/wrap-up-end`, undefined, op1);
    await t.call('POST', '/api/v1/acd/me/state', { state: 'notReady' }, op1);
  });

  it('the customer leaving while waiting is an abandoned contact; no survey', async () => {
    const { token, state } = await start('Олег', 'oleg@example.com');
    const ended = await customer(token).call('POST', '/api/v1/chat/session/end');
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endedBy: 'customer', survey: null });
    // Nobody had joined: the line says the customer left.
    expect((await customer(token).call('GET', '/api/v1/chat/session')).json().messages).toMatchObject([{ seq: 1, author: 'system', body: 'customerLeft', authorName: null }]);
    const [row] = await rows((tx) => tx.select().from(contacts).where(eq(contacts.id, state.contactId)));
    expect(row).toMatchObject({ routingStatus: 'abandoned', outcome: 'abandoned' });
  });

  it('refuses bad input with problem+json naming the field; a token reaches its own chat only', async () => {
    const a = await start('Алиса', '+79161112233');
    const b = await start('Борис', '+79161112244');
    const ca = customer(a.token);
    const long = await ca.call('POST', '/api/v1/chat/session/messages', { body: 'я'.repeat(4001) });
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json().errors[0].field).toBe('body.body');
    const badContact = await t.call('POST', `/api/v1/chat/widgets/${KEY}/chats`, { name: 'X', contact: 'не телефон' });
    expect(badContact.json().errors[0].field).toBe('body.contact');
    const badTopic = await t.call('POST', `/api/v1/chat/widgets/${KEY}/chats`, { name: 'X', contact: '+79160000000', topicId: 'nope' });
    expect(badTopic.statusCode).toBe(400);
    expect(badTopic.json().errors[0].field).toBe('body.topicId');

    // Attachments: within the limit stored and downloadable with the token; over it 413 naming the body.
    const file = await t.app.inject({ method: 'POST', url: '/api/v1/chat/session/attachments?fileName=%D1%84%D0%BE%D1%82%D0%BE.png', headers: { 'x-chat-token': a.token, 'content-type': 'image/png' }, payload: Buffer.from('PNGDATA') });
    expect(file.statusCode, file.body).toBe(201);
    expect(file.json()).toMatchObject({ author: 'customer', attachment: { fileName: 'фото.png', size: 7, contentType: 'image/png' } });
    const attachmentId = file.json().attachment.id;
    expect((await ca.call('GET', `/api/v1/chat/session/attachments/${attachmentId}`)).body).toBe('PNGDATA');
    expect((await customer(b.token).call('GET', `/api/v1/chat/session/attachments/${attachmentId}`)).statusCode).toBe(404);
    const big = await t.app.inject({ method: 'POST', url: '/api/v1/chat/session/attachments?fileName=big.bin', headers: { 'x-chat-token': a.token, 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(t.config.attachmentMaxBytes + 1) });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ status: 413, errors: [{ field: 'body' }] });
    expect(big.json().detail).toMatch(/MB/);

    // B's token sees B's chat only; a made-up token nothing.
    expect((await customer(b.token).call('GET', '/api/v1/chat/session')).json().messages).toEqual([]);
    expect((await customer('x'.repeat(43)).call('GET', '/api/v1/chat/session')).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/chat/session')).statusCode).toBe(404);
    await ca.call('POST', '/api/v1/chat/session/end');
    await customer(b.token).call('POST', '/api/v1/chat/session/end');
  });

  it('rate-limits a flood of messages per chat with 429 and Retry-After', async () => {
    const demo = (await t.call('GET', '/api/v1/chat-widgets', undefined, admin)).json().items.find((x: { publicKey: string }) => x.publicKey === KEY);
    const w = (await t.call('POST', '/api/v1/chat-widgets', { hotlineId: demo.hotlineId, queueId: demo.queueId, name: 'Строгий', messagesPerMinute: 3, calendarId: demo.calendarId }, admin)).json();
    const { token } = await start('Флудер', '+79160001111', w.publicKey);
    const other = await start('Спокойный', '+79160002222', w.publicKey);
    const c = customer(token);
    for (let i = 0; i < 3; i++) expect((await c.call('POST', '/api/v1/chat/session/messages', { body: `сообщение ${i}` })).statusCode).toBe(201);
    const limited = await c.call('POST', '/api/v1/chat/session/messages', { body: 'ещё одно' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Per chat: another chat of the same widget is not limited.
    expect((await customer(other.token).call('POST', '/api/v1/chat/session/messages', { body: 'привет' })).statusCode).toBe(201);
    await c.call('POST', '/api/v1/chat/session/end');
    await customer(other.token).call('POST', '/api/v1/chat/session/end');
  });

  it('out of hours the widget says so, no chat queues, and the request form opens a case', async () => {
    const demo = (await t.call('GET', '/api/v1/chat-widgets', undefined, admin)).json().items.find((x: { publicKey: string }) => x.publicKey === KEY);
    // Open round the clock except the days around now, which are its holidays: closed now, whatever the time.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
    const always = [{ from: '00:00', to: '24:00' }];
    const closed = await t.call('POST', '/api/v1/calendars', { name: 'Закрыто на праздники', timeZone: 'Europe/Moscow', week: Array.from({ length: 7 }, () => always), production: 'none', holidays: [day(-1), day(0), day(1)] }, admin);
    expect(closed.statusCode, closed.body).toBe(201);
    const w = (await t.call('POST', '/api/v1/chat-widgets', { hotlineId: demo.hotlineId, queueId: demo.queueId, name: 'Ночной', calendarId: closed.json().id }, admin)).json();
    expect((await t.call('GET', `/api/v1/chat/widgets/${w.publicKey}`)).json().open).toBe(false);
    const waitingBefore = (await rows((tx) => tx.select().from(contacts).where(eq(contacts.routingStatus, 'waiting')))).length;
    const refused = await t.call('POST', `/api/v1/chat/widgets/${w.publicKey}/chats`, { name: 'Ночной гость', contact: '+79165550000' });
    expect(refused.statusCode).toBe(409);
    const req = await t.call('POST', `/api/v1/chat/widgets/${w.publicKey}/requests`, { name: 'Ночной гость', contact: '+7 916 555-00-00', message: 'Перезвоните утром по поводу тарифа' });
    expect(req.statusCode, req.body).toBe(201);
    const { caseNumber, contactId } = req.json();
    expect(caseNumber).toBeGreaterThan(0);
    expect((await rows((tx) => tx.select().from(contacts).where(eq(contacts.routingStatus, 'waiting')))).length).toBe(waitingBefore);
    const contact = (await t.call('GET', `/api/v1/contacts/${contactId}`, undefined, admin)).json();
    expect(contact).toMatchObject({ channel: 'webform', customerName: 'Ночной гость', queueId: null });
    const cases = (await t.call('GET', `/api/v1/cases?limit=100`, undefined, admin)).json().items;
    expect(cases.find((x: { number: number }) => x.number === caseNumber)).toMatchObject({ contactIds: [contactId] });
  });

  it('keeps tenants apart', async () => {
    const other = await t.login(OTHER.admin, OTHER.password);
    const { state } = await start('Чужая', '+79160003333');
    expect((await t.call('GET', '/api/v1/chat-widgets', undefined, other)).json().items).toEqual([]);
    expect((await t.call('GET', `/api/v1/chats/${state.contactId}`, undefined, other)).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/chats/live', undefined, other)).json().items).toEqual([]);
    const demo = (await t.call('GET', '/api/v1/chat-widgets', undefined, admin)).json().items[0];
    expect((await t.call('PATCH', `/api/v1/chat-widgets/${demo.id}`, { name: 'Взлом' }, other)).statusCode).toBe(404);
  });
});
