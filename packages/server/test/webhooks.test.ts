import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope } from '../src/realtime/envelope.ts';
import { WebhookDispatcher } from '../src/webhooks/dispatcher.ts';
import { verify } from '../src/webhooks/signature.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver; `answer` is the status it replies with. */
function receiver() {
  const got: Received[] = [];
  const state = { answer: 200 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      // 0: hang up without an answer, as a crashed receiver does
      if (state.answer === 0) return void req.socket.destroy();
      res.writeHead(state.answer, { 'content-type': 'text/plain' }).end(state.answer === 200 ? 'ok' : 'receiver is down');
    });
  });
  return {
    got,
    state,
    start: () => new Promise<string>((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

async function eventually<T>(probe: () => Promise<T | undefined>, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe(`webhooks (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let op: string;
  let other: string;
  let hotlineId: string;
  let dispatcher: WebhookDispatcher;
  const rx = receiver();
  let url: string;
  const call = (method: Method, path: string, payload?: object, cookie = admin) => t.call(method, path, payload, cookie);
  const letter = () => ({ hotlineId, channel: 'letter', subject: 'Письмо', notes: 'Просьба перезвонить', customer: { name: 'Пётр' } });
  const deliveries = async (id: string, status?: string) =>
    (await call('GET', `/api/v1/webhooks/${id}/deliveries${status ? `?status=${status}` : ''}`)).json().items as {
      id: string; eventId: string; eventType: string; status: string; attempts: number; lastStatus: number | null;
      lastError: string | null; nextAttemptAt: string | null; payload: { type: string; data: { id?: string; caseId?: string } };
    }[];

  beforeAll(async () => {
    t = await testApp();
    url = await rx.start();
    dispatcher = new WebhookDispatcher(t.db, t.app.log, { pollMs: 0, batch: 20, timeoutMs: 2_000, keepMs: 30 * 86_400_000 });
    admin = await t.login('admin');
    op = await t.login('operator1');
    other = await t.login(OTHER.admin, OTHER.password);
    const clientId = (await call('GET', '/api/v1/clients')).json().items[0].id;
    const h = await call('POST', '/api/v1/hotlines', { clientId, name: 'Вебхуки', code: 'webhooks-test', timeZone: 'Europe/Moscow', channels: ['letter'] });
    expect(h.statusCode).toBe(201);
    hotlineId = h.json().id;
  });
  afterAll(async () => {
    await t.close();
    await rx.stop();
  });

  it('creates a subscription: the signing secret is shown once, never listed', async () => {
    const res = await call('POST', '/api/v1/webhooks', { name: 'CRM', url, events: ['contact.created', 'case.*'] });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(s).toMatchObject({ name: 'CRM', url, events: ['contact.created', 'case.*'], active: true, pending: 0, failed: 0 });
    const list = (await call('GET', '/api/v1/webhooks')).json().items;
    expect(list.map((x: { id: string }) => x.id)).toContain(s.id);
    expect(JSON.stringify(list)).not.toContain(s.signingSecret);
    expect(JSON.stringify((await call('GET', `/api/v1/webhooks/${s.id}`)).json())).not.toContain(s.signingSecret);
    // …and not in the audit log either
    const audit = (await call('GET', `/api/v1/audit?entityId=${s.id}`)).json();
    expect(JSON.stringify(audit)).not.toContain(s.signingSecret);
    await call('DELETE', `/api/v1/webhooks/${s.id}`);
  });

  it('rejects bad input naming the field', async () => {
    const cases: [object, string][] = [
      [{ name: 'x', url: 'ftp://example.org/x', events: ['contact.created'] }, 'body.url'],
      [{ name: 'x', url: 'not a url', events: ['contact.created'] }, 'body.url'],
      [{ name: 'x', url, events: ['knowledge_article.changed'] }, 'body.events.0'],
      [{ name: 'x', url, events: [] }, 'body.events'],
      [{ name: '', url, events: ['contact.created'] }, 'body.name'],
      [{ name: 'x', url, events: ['contact.created'], secret: 'mine' }, 'body.secret'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', '/api/v1/webhooks', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('only whoever manages integrations sees webhooks; other tenants get 404', async () => {
    expect((await call('GET', '/api/v1/webhooks', undefined, op)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/webhooks', undefined, await t.login('head'))).statusCode).toBe(403);
    const s = (await call('POST', '/api/v1/webhooks', { name: 'Mine', url, events: ['contact.created'] })).json();
    for (const [m, p, body] of [
      ['GET', `/api/v1/webhooks/${s.id}`],
      ['PATCH', `/api/v1/webhooks/${s.id}`, { active: false }],
      ['POST', `/api/v1/webhooks/${s.id}/ping`],
      ['POST', `/api/v1/webhooks/${s.id}/rotate-secret`],
      ['GET', `/api/v1/webhooks/${s.id}/deliveries`],
      ['DELETE', `/api/v1/webhooks/${s.id}`],
    ] as [Method, string, object?][]) {
      expect((await call(m, p, body, other)).statusCode, `${m} ${p}`).toBe(404);
    }
    expect((await call('GET', '/api/v1/webhooks', undefined, other)).json().items).toEqual([]);
    await call('DELETE', `/api/v1/webhooks/${s.id}`);
  });

  it('delivers contact.created signed (Standard Webhooks), retries with back-off, logs every attempt', async () => {
    const s = (await call('POST', '/api/v1/webhooks', { name: 'CRM', url, events: ['contact.created'] })).json();
    rx.state.answer = 503;
    const contact = (await call('POST', '/api/v1/contacts', letter(), op)).json();
    const [d] = await eventually(async () => ((await deliveries(s.id)).length ? deliveries(s.id) : undefined));
    expect(d).toMatchObject({ eventType: 'contact.created', status: 'pending', attempts: 0, payload: { type: 'contact.created', data: { id: contact.id } } });

    // first attempt: the receiver is down
    const t0 = new Date();
    expect(await dispatcher.runOnce(t0)).toBe(1);
    let [after] = await deliveries(s.id);
    expect(after).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 503, lastError: 'HTTP 503: receiver is down' });
    const wait = new Date(after!.nextAttemptAt!).getTime() - t0.getTime();
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThanOrEqual(36_000);
    // nothing is due before the back-off ends
    expect(await dispatcher.runOnce(new Date(t0.getTime() + 10_000))).toBe(0);

    // second attempt after the back-off: accepted
    rx.state.answer = 200;
    expect(await dispatcher.runOnce(new Date(t0.getTime() + 40_000))).toBe(1);
    [after] = await deliveries(s.id);
    expect(after).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, lastError: null, nextAttemptAt: null });

    // Both attempts carried the same id and a signature the receiver can verify with the secret.
    const mine = rx.got.filter((r) => r.headers['webhook-id'] === d!.id);
    expect(mine).toHaveLength(2);
    for (const r of mine) {
      expect(verify(s.signingSecret, r.headers as Record<string, string>, r.body)).toBe(true);
      expect(verify(s.signingSecret.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')), r.headers as Record<string, string>, r.body)).toBe(false);
      expect(JSON.parse(r.body)).toMatchObject({ id: d!.eventId, type: 'contact.created', data: { id: contact.id } });
    }
    expect(verify(s.signingSecret, mine[0]!.headers as Record<string, string>, mine[0]!.body.replace('contact', 'kontakt'))).toBe(false);
    await call('DELETE', `/api/v1/webhooks/${s.id}`);
  });

  it('gives a delivery up after twelve failed attempts; a manual retry makes one more', async () => {
    // A receiver that hangs up on every request. (Not a closed port: while tests run in parallel,
    // another test's server may take that port and answer.)
    const dead = receiver();
    const deadUrl = await dead.start();
    dead.state.answer = 0;
    const s = (await call('POST', '/api/v1/webhooks', { name: 'Dead', url: deadUrl, events: ['case.*'] })).json();
    // Opening a case queues case.created in the case's own transaction.
    const opened = await call('POST', '/api/v1/cases', { type: 'support', hotlineId, subject: 'Нет связи' }, op);
    expect(opened.statusCode).toBe(201);
    expect((await deliveries(s.id)).map((d) => [d.eventType, d.payload.data.caseId])).toEqual([['case.created', opened.json().id]]);
    let now = Date.now();
    for (let i = 0; i < 12; i++) {
      now += 8 * 3_600_000; // past any back-off (at most 6 h + 20 % jitter = 7.2 h)
      expect(await dispatcher.runOnce(new Date(now))).toBe(1);
    }
    let [d] = await deliveries(s.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 12, lastStatus: null, nextAttemptAt: null });
    expect(d!.lastError).toMatch(/ECONNRESET|UND_ERR_SOCKET|other side closed|socket/i);
    expect(await dispatcher.runOnce(new Date(now + 8 * 3_600_000))).toBe(0);
    expect((await call('GET', `/api/v1/webhooks/${s.id}`)).json()).toMatchObject({ pending: 0, failed: 1 });

    const retried = await call('POST', `/api/v1/webhooks/${s.id}/deliveries/${d!.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().status).toBe('pending');
    expect(await dispatcher.runOnce(new Date(Date.now() + 1000))).toBe(1);
    [d] = await deliveries(s.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 13 });
    await dead.stop();
    await call('DELETE', `/api/v1/webhooks/${s.id}`);
  });

  it('removes delivered and failed entries after the keeping time, never pending ones', async () => {
    const s = (await call('POST', '/api/v1/webhooks', { name: 'Old', url, events: ['contact.created'] })).json();
    rx.state.answer = 200;
    await call('POST', `/api/v1/webhooks/${s.id}/ping`);
    const purging = new WebhookDispatcher(t.db, t.app.log, { pollMs: 0, batch: 20, timeoutMs: 2_000, keepMs: 86_400_000 });
    expect(await purging.runOnce(new Date(Date.now() + 1000))).toBe(1);
    await call('POST', `/api/v1/webhooks/${s.id}/ping`);
    await call('PATCH', `/api/v1/webhooks/${s.id}`, { active: false }); // the second ping stays pending
    expect((await deliveries(s.id)).map((d) => d.status).sort()).toEqual(['delivered', 'pending']);
    expect(await purging.runOnce(new Date(Date.now() + 2 * 86_400_000))).toBe(0);
    expect((await deliveries(s.id)).map((d) => d.status)).toEqual(['pending']);
    await call('DELETE', `/api/v1/webhooks/${s.id}`);
  });

  it('case steps reach case.* subscribers once each, not once per person told about them', async () => {
    const s = (await call('POST', '/api/v1/webhooks', { name: 'Cases', url, events: ['case.*'] })).json();
    const c = (await call('POST', '/api/v1/cases', { type: 'support', hotlineId, subject: 'Роутер' }, op)).json();
    await call('POST', `/api/v1/cases/${c.id}/comments`, { text: 'Перезагрузили роутер' }, op);
    // A message to every member of a group rides the bus on their own topics: it is not a webhook.
    const tenantId = (await call('GET', '/api/v1/auth/me')).json().tenant.id;
    await t.bus.publish(envelope(tenantId, `user:${c.createdById}`, 'case.assigned', { caseId: c.id }));
    await new Promise((r) => setTimeout(r, 200));
    const types = (await deliveries(s.id)).map((d) => d.eventType).sort();
    expect(types).toEqual(['case.comment', 'case.created']);
    await call('DELETE', `/api/v1/webhooks/${s.id}`);
  });

  it('sends only subscribed events of its own tenant; a paused subscription sends nothing; ping tests the receiver', async () => {
    const s = (await call('POST', '/api/v1/webhooks', { name: 'Closed only', url, events: ['contact.closed'] })).json();
    const theirs = (await call('POST', '/api/v1/webhooks', { name: 'Theirs', url, events: ['contact.created'] }, other)).json();
    (await call('POST', '/api/v1/contacts', letter(), op)).json();
    const ping = await call('POST', `/api/v1/webhooks/${s.id}/ping`);
    expect(ping.statusCode).toBe(202);
    const pings = await eventually(async () => {
      const items = await deliveries(s.id);
      return items.length ? items : undefined;
    });
    // contact.created is not what it asked for: only the ping is there
    expect(pings.map((x) => x.eventType)).toEqual(['webhook.ping']);
    expect((await call('GET', `/api/v1/webhooks/${theirs.id}/deliveries`, undefined, other)).json().items).toEqual([]);

    await call('PATCH', `/api/v1/webhooks/${s.id}`, { active: false });
    const pausedPing = await call('POST', `/api/v1/webhooks/${s.id}/ping`);
    expect(pausedPing.statusCode).toBe(409);
    expect(pausedPing.json().errors[0].field).toBe('active');
    await call('DELETE', `/api/v1/webhooks/${s.id}`);
    await call('DELETE', `/api/v1/webhooks/${theirs.id}`, undefined, other);
  });

  it('rotating the secret changes what signatures verify with', async () => {
    const s = (await call('POST', '/api/v1/webhooks', { name: 'Rotate', url, events: ['contact.created'] })).json();
    const rotated = (await call('POST', `/api/v1/webhooks/${s.id}/rotate-secret`)).json();
    expect(rotated.signingSecret).not.toBe(s.signingSecret);
    rx.state.answer = 200;
    await call('POST', `/api/v1/webhooks/${s.id}/ping`);
    await dispatcher.runOnce(new Date(Date.now() + 1000));
    const r = rx.got.at(-1)!;
    expect(JSON.parse(r.body).type).toBe('webhook.ping');
    expect(verify(rotated.signingSecret, r.headers as Record<string, string>, r.body)).toBe(true);
    expect(verify(s.signingSecret, r.headers as Record<string, string>, r.body)).toBe(false);
    await call('DELETE', `/api/v1/webhooks/${s.id}`);
  });
});
