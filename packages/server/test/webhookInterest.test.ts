import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sqlRows, type Database } from '../src/db/index.ts';
import { envelope } from '../src/realtime/envelope.ts';
import { installEnqueuer } from '../src/webhooks/enqueue.ts';
import { WebhookInterest } from '../src/webhooks/interest.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

const settle = () => new Promise((r) => setTimeout(r, 100));
/** Waits until `count()` reaches `n`, then a little longer, and checks it stayed there (work runs after the publish returns). */
async function settlesAt(count: () => number, n: number) {
  await expect.poll(count).toBe(n);
  await settle();
  expect(count()).toBe(n);
}

/** The database, with its transactions counted. */
function counting(db: Database) {
  const counter = { transactions: 0 };
  const orm = Object.create(db.orm) as Database['orm'];
  orm.transaction = ((...args: Parameters<Database['orm']['transaction']>) => {
    counter.transactions++;
    return db.orm.transaction(...args);
  }) as Database['orm']['transaction'];
  return { db: { ...db, orm }, counter };
}

/**
 * Item 2 of the ACD performance work: the webhook enqueuer asks the database only when an active
 * subscription of the event's tenant wants the event, and learns of subscription changes at once.
 */
describe(`webhook enqueue only when someone listens (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let op: string;
  let hotlineId: string;
  let tenantId: string;
  const url = 'http://127.0.0.1:9/hook';
  const contact = async () => {
    const res = await t.call('POST', '/api/v1/contacts', { hotlineId, channel: 'letter', subject: 'Письмо', customer: { name: 'Пётр' } }, op);
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  /** Deliveries written for the contact's `contact.created`, whichever subscription they are for. */
  const deliveriesFor = async (contactId: string) =>
    (await sqlRows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM webhook_deliveries WHERE payload->'data'->>'id' = ${contactId}`))[0]!.n;

  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    op = await t.login('operator1');
    tenantId = (await t.call('GET', '/api/v1/auth/me', undefined, admin)).json().tenant.id;
    const clientId = (await t.call('GET', '/api/v1/clients', undefined, admin)).json().items[0].id;
    const h = await t.call('POST', '/api/v1/hotlines', { clientId, name: 'Интерес', code: 'interest-test', timeZone: 'Europe/Moscow', channels: ['letter'] }, admin);
    hotlineId = h.json().id;
  });
  afterAll(() => t.close());

  it('runs no transaction for events nobody subscribed to; one per event once someone does, until they unsubscribe', async () => {
    const { db, counter } = counting(t.db);
    const interest = new WebhookInterest(db);
    // Beside the app's own enqueuer, on the same bus: this one's transactions are counted.
    const stop = installEnqueuer(db, t.bus, t.app.log, interest);
    try {
      const event = () => envelope(tenantId, 'contacts', 'contact.created', { id: crypto.randomUUID() });
      for (let i = 0; i < 5; i++) await t.bus.publish(event());
      await settlesAt(() => counter.transactions, 1); // the tenant's subscriptions read once, no enqueue
      expect(interest.loads).toBe(1);

      const s = (await t.call('POST', '/api/v1/webhooks', { name: 'CRM', url, events: ['contact.*'] }, admin)).json();
      counter.transactions = 0;
      for (let i = 0; i < 3; i++) await t.bus.publish(event());
      await settlesAt(() => counter.transactions, 1 + 3); // read again after the change, then one enqueue per event

      // Another tenant's subscription does not make this tenant's events cost a transaction.
      const theirs = await t.call('POST', '/api/v1/webhooks', { name: 'Theirs', url, events: ['contact.*'] }, await t.login(OTHER.admin, OTHER.password));
      expect(theirs.statusCode).toBe(201);
      await t.call('DELETE', `/api/v1/webhooks/${s.id}`, undefined, admin);
      counter.transactions = 0;
      for (let i = 0; i < 3; i++) await t.bus.publish(event());
      await settlesAt(() => counter.transactions, 1);
    } finally {
      stop();
    }
  });

  it("a subscription created, resumed or widened after the tenant's list was read is honoured by the next event", async () => {
    // Read the (empty) list first, as a busy node would have.
    const before = await contact();
    await settle();
    expect(await deliveriesFor(before)).toBe(0);

    const s = (await t.call('POST', '/api/v1/webhooks', { name: 'Late', url, events: ['contact.created'] }, admin)).json();
    const afterCreate = await contact();
    await expect.poll(() => deliveriesFor(afterCreate)).toBe(1);

    await t.call('PATCH', `/api/v1/webhooks/${s.id}`, { active: false }, admin);
    const paused = await contact();
    await settle();
    expect(await deliveriesFor(paused)).toBe(0);
    await t.call('PATCH', `/api/v1/webhooks/${s.id}`, { active: true }, admin);
    const resumed = await contact();
    await expect.poll(() => deliveriesFor(resumed)).toBe(1);

    await t.call('PATCH', `/api/v1/webhooks/${s.id}`, { events: ['contact.closed'] }, admin);
    const narrowed = await contact();
    await settle();
    expect(await deliveriesFor(narrowed)).toBe(0);
    await t.call('PATCH', `/api/v1/webhooks/${s.id}`, { events: ['contact.*'] }, admin);
    const widened = await contact();
    await expect.poll(() => deliveriesFor(widened)).toBe(1);

    expect((await t.call('DELETE', `/api/v1/webhooks/${s.id}`, undefined, admin)).statusCode).toBe(204);
    const deleted = await contact();
    await settle();
    expect(await deliveriesFor(deleted)).toBe(0);
  });
});

describe('webhook interest', () => {
  it('is read again after its maximum age even without a notice', async () => {
    let now = 0;
    const reads: string[][][] = [[], [['contact.*']]];
    const interest = new WebhookInterest({} as Database, { maxAgeMs: 60_000, now: () => now });
    (interest as unknown as { load: () => Promise<string[][]> }).load = async () => reads.shift()!;
    expect(await interest.wants('t1', 'contact.created')).toBe(false);
    now = 59_999;
    expect(await interest.wants('t1', 'contact.created')).toBe(false);
    now = 60_000;
    expect(await interest.wants('t1', 'contact.created')).toBe(true);
  });
});
