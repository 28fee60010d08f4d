import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { asSystem } from '../src/db/index.ts';
import { contacts } from '../src/contacts/schema.ts';
import { auditLog } from '../src/audit/schema.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

interface Queue { id: string; name: string; active: boolean }

/**
 * The API's arrivals are group-committed (acd/arrivalJournal.ts): those that come in while a
 * batch is being written go in the next one together. A bad one must fail alone, every good one
 * must be stored and acknowledged, and the audit must still name who registered each contact.
 */
describe(`ACD arrivals written in batches (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let queue: Queue;
  beforeAll(async () => {
    t = await testApp();
    [admin, lead] = await Promise.all([t.login('admin'), t.login('operator1')]);
    const queues = (await t.call('GET', '/api/v1/acd/queues', undefined, admin)).json().items as Queue[];
    queue = queues.find((q) => q.name === 'Поддержка — звонки')!;
    // Open the tenant's router first, so the burst below is not spread by its start.
    expect((await t.call('POST', '/api/v1/acd/arrivals', { queueId: queue.id }, admin)).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('a burst: bad arrivals refused alone, the others stored under their own actors', async () => {
    const unknownQueue = '00000000-0000-4000-8000-000000000000';
    const requests = [
      ...Array.from({ length: 12 }, (_, i) => ({ cookie: i % 3 === 0 ? lead : admin, body: { queueId: queue.id, subject: `Пакет ${i}` } as object })),
      { cookie: admin, body: { queueId: unknownQueue, subject: 'Нет такой очереди' } },
      { cookie: admin, body: { queueId: queue.id, subject: 'Нет такого навыка', skills: [{ skillId: unknownQueue, min: 1 }] } },
      { cookie: lead, body: { queueId: queue.id, subject: 'Клиент', customer: { name: 'Анна', identifiers: [{ kind: 'phone', value: '+7 999 000-11-22' }] } } },
    ];
    const replies = await Promise.all(requests.map((r) => t.call('POST', '/api/v1/acd/arrivals', r.body, r.cookie)));
    expect(replies.map((r) => r.statusCode)).toEqual([...Array(12).fill(201), 400, 400, 201]);
    expect(replies[12]!.json().errors[0].field).toBe('body.queueId');
    expect(replies[13]!.json().errors[0].field).toBe('body.skills.0.skillId');

    const ids = replies.filter((r) => r.statusCode === 201).map((r) => r.json().contactId as string);
    const rows = await asSystem(t.db, (tx) => tx.select().from(contacts).where(inArray(contacts.id, ids)));
    expect(rows).toHaveLength(13);
    expect(rows.every((c) => c.queueId === queue.id && c.routingStatus !== null && c.queuedAt !== null)).toBe(true);
    expect(rows.find((c) => c.subject === 'Клиент')!.customerId).not.toBeNull();
    expect(rows.some((c) => c.subject === 'Нет такой очереди' || c.subject === 'Нет такого навыка')).toBe(false);

    // Who registered each contact, from the audit log: operator1 every third one and the customer's, admin the rest.
    const created = await asSystem(t.db, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.entity, 'contact'), eq(auditLog.action, 'create'), inArray(auditLog.entityId, ids))),
    );
    const bySubject = new Map(rows.map((c) => [c.id, c.subject]));
    const actors = Object.fromEntries(created.map((a) => [bySubject.get(a.entityId)!, a.actorName]));
    const name = async (cookie: string) => (await t.call('GET', '/api/v1/auth/me', undefined, cookie)).json().user?.name ?? (await t.call('GET', '/api/v1/auth/me', undefined, cookie)).json().name;
    const [adminName, leadName] = [await name(admin), await name(lead)];
    expect(actors).toEqual({
      ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Пакет ${i}`, i % 3 === 0 ? leadName : adminName])),
      Клиент: leadName,
    });
    // On PostgreSQL they were written together: an INSERT of several requests' rows records no
    // single request id. (The embedded database runs one statement at a time: there the requests
    // reach the journal one after another, and each is written alone.)
    if (dbKind === 'postgres') expect(created.some((a) => a.requestId === null)).toBe(true);
    else expect(created.every((a) => a.requestId !== null)).toBe(true);
  });
});
