import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../src/audit/schema.ts';
import { withTenant } from '../src/db/index.ts';
import { contacts } from '../src/contacts/schema.ts';
import { agentStateLog, routingDecisions } from '../src/acd/schema.ts';
import { kpiIntervals } from '../src/kpi/schema.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';
import { connect } from './support/wsClient.ts';

interface Queue { id: string; name: string; hotlineId: string }

describe(`ACD live: states, offers, accept, wrap-up, KPIs (${dbKind})`, () => {
  let t: TestApp;
  let base: string;
  let admin: string;
  let lead: string;
  let op1: string;
  let op1Id: string;
  let op2: string;
  let op2Id: string;
  let tenantId: string;
  let queue: Queue;
  beforeAll(async () => {
    t = await testApp();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    [admin, lead, op1, op2] = await Promise.all([t.login('admin'), t.login('lead'), t.login('operator1'), t.login('operator2')]);
    const me = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json();
    const m1 = await me(op1);
    op1Id = m1.id ?? m1.user.id;
    const m2 = await me(op2);
    op2Id = m2.id ?? m2.user.id;
    tenantId = m1.tenant.id;
    const queues = (await get(admin, '/api/v1/acd/queues')).items as Queue[];
    queue = queues.find((q) => q.name === 'Поддержка — звонки')!;
  });
  afterAll(() => t.close());

  const get = async (cookie: string, url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
  const post = (cookie: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const rows = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, { tenantId, clientId: null, actor: { kind: 'system', id: null, name: 'test' } }, work);

  it('offers an arriving contact to the ready agent over the WebSocket; accept, end, wrap-up', async () => {
    const ws = await connect(base, op1);
    await ws.next((f) => f.type === 'hello');
    // Nobody is ready: the contact waits at position 1.
    const waiting = await post(admin, '/api/v1/acd/arrivals', { queueId: queue.id, subject: 'Нет интернета', customer: { name: 'Пётр', identifiers: [{ kind: 'phone', value: '+79990001122' }] } });
    expect(waiting.statusCode).toBe(201);
    expect(waiting.json()).toMatchObject({ status: 'waiting', agentId: null, position: 1, ewtSeconds: null });
    const contactId = waiting.json().contactId;

    const ready = await post(op1, '/api/v1/acd/me/state', { state: 'ready' });
    expect(ready.statusCode).toBe(200);
    // Going ready pulls the waiting contact: the offer arrives on the agent's own topic.
    const offer = await ws.next((f) => f.type === 'event' && (f.event as { type: string }).type === 'acd.offer');
    expect(offer).toMatchObject({ topic: `user:${op1Id}`, event: { data: { contactId, agentId: op1Id, queueId: queue.id } } });

    const me = await get(op1, '/api/v1/acd/me');
    expect(me.agent.state).toBe('onContact');
    expect(me.contacts).toMatchObject([{ contactId, status: 'offered', subject: 'Нет интернета', customerName: 'Пётр' }]);

    // operator2 cannot accept operator1's offer.
    expect((await post(op2, `/api/v1/acd/offers/${contactId}/accept`)).statusCode).toBe(404);
    expect((await post(op1, `/api/v1/acd/offers/${contactId}/accept`)).json().state).toBe('onContact');
    const journal = await get(admin, `/api/v1/contacts/${contactId}`);
    expect(journal).toMatchObject({ agentId: op1Id, queueId: queue.id });
    expect(journal.offeredAt).not.toBeNull();
    expect(journal.answeredAt).not.toBeNull();

    expect((await post(op1, `/api/v1/acd/contacts/${contactId}/end`)).json().state).toBe('wrapUp');
    expect((await post(op1, `/api/v1/acd/contacts/${contactId}/wrap-up-end`)).json().state).toBe('ready');
    const [row] = await rows((tx) => tx.select().from(contacts).where(eq(contacts.id, contactId)));
    expect(row).toMatchObject({ routingStatus: 'released', routing: null });
    expect(row!.endedAt).not.toBeNull();
    expect(row!.wrapUpEndedAt).not.toBeNull();

    // The KPI cell of the contact, against values computed by hand from its timestamps.
    const cells = await rows((tx) => tx.select().from(kpiIntervals).where(eq(kpiIntervals.queueId, queue.id)));
    expect(cells).toHaveLength(1);
    const a = cells[0]!.aggregate;
    const s = (x: Date | null, y: Date | null) => (x!.getTime() - y!.getTime()) / 1000;
    expect(a).toMatchObject({
      offered: 1,
      answered: 1,
      abandoned: 0,
      answeredWaitSeconds: s(row!.answeredAt, row!.queuedAt),
      talkSeconds: s(row!.endedAt, row!.answeredAt),
      wrapUpSeconds: s(row!.wrapUpEndedAt, row!.endedAt),
      answeredWithinT: s(row!.answeredAt, row!.queuedAt) <= 20 ? 1 : 0,
    });
    expect(cells[0]!.agentId).toBe(op1Id);

    // Every state with its start and end: offline → ready → onContact → wrapUp → ready (open).
    const log = await rows((tx) => tx.select().from(agentStateLog).where(eq(agentStateLog.agentId, op1Id)).orderBy(agentStateLog.startedAt));
    expect(log.map((l) => l.state)).toEqual(['ready', 'onContact', 'wrapUp', 'ready']);
    expect(log.slice(0, -1).every((l, i) => l.endedAt!.getTime() === log[i + 1]!.startedAt.getTime())).toBe(true);
    expect(log.at(-1)!.endedAt).toBeNull();

    // The ACD's changes to the contact are recorded by the routing journal, not copied into the
    // audit log row by row; the contact's registration is audited as any other change.
    const audit = await rows((tx) => tx.select().from(auditLog).where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, contactId))));
    expect(audit.map((a) => a.action)).toEqual(['create']);
    const journalled = await rows((tx) => tx.select().from(routingDecisions).where(eq(routingDecisions.contactId, contactId)).orderBy(routingDecisions.seq));
    expect(journalled.map((d) => d.type)).toEqual(expect.arrayContaining(['offer', 'contactConnected', 'wrapUpStarted', 'wrapUpEnded', 'contactReleased']));
    // A person's change afterwards is audited again.
    expect((await t.call('PATCH', `/api/v1/contacts/${contactId}`, { notes: 'после звонка' }, admin)).statusCode).toBe(200);
    const after = await rows((tx) => tx.select().from(auditLog).where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, contactId))));
    expect(after.map((a) => a.action).sort()).toEqual(['create', 'update']);
    ws.socket.close();
  });

  it('refuses illegal state changes with the allowed ones, and unknown reasons', async () => {
    const again = await post(op1, '/api/v1/acd/me/state', { state: 'ready' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/is already ready; allowed: notReady, offline$/);
    const bad = await post(op1, '/api/v1/acd/me/state', { state: 'notReady', reason: 'nap' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.reason');
    const custom = await post(op1, '/api/v1/acd/me/state', { state: 'notReady', reason: 'coaching' });
    expect(custom.json()).toMatchObject({ state: 'notReady', reason: 'coaching' });
    // Someone who is not an agent.
    expect((await post(lead, '/api/v1/acd/me/state', { state: 'ready' })).statusCode).toBe(404);
  });

  it('declined offers go to the next agent; abandon counts in KPIs; the lead sets an agent not ready', async () => {
    await post(op1, '/api/v1/acd/me/state', { state: 'ready' });
    await post(op2, '/api/v1/acd/me/state', { state: 'ready' });
    const first = (await post(admin, '/api/v1/acd/arrivals', { queueId: queue.id })).json();
    expect(first.status).toBe('offered');
    const firstAgent = first.agentId;
    const cookieOf = (id: string) => (id === op1Id ? op1 : op2);
    expect((await post(cookieOf(firstAgent), `/api/v1/acd/offers/${first.contactId}/decline`)).statusCode).toBe(200);
    const decisions = await rows((tx) => tx.select().from(routingDecisions).where(eq(routingDecisions.contactId, first.contactId)).orderBy(routingDecisions.seq));
    const offers = decisions.filter((d) => d.type === 'offer').map((d) => d.agentId);
    expect(offers).toEqual([firstAgent, firstAgent === op1Id ? op2Id : op1Id]);

    // The customer hangs up while it rings at the second agent.
    expect((await post(admin, `/api/v1/acd/contacts/${first.contactId}/abandon`)).statusCode).toBe(204);
    const [row] = await rows((tx) => tx.select().from(contacts).where(eq(contacts.id, first.contactId)));
    expect(row).toMatchObject({ routingStatus: 'abandoned', status: 'closed' });
    const today = (await get(lead, `/api/v1/kpi/today?queueId=${queue.id}`)).queues[0];
    expect(today).toMatchObject({ offered: 2, answered: 1, abandoned: 1 });
    // SL = answered within T / (offered − short abandons): the quick hang-up is a short abandon.
    expect(today.shortAbandoned).toBe(1);
    expect(today.serviceLevel).toBe(1);
    expect(today.serviceLevelOfOffered).toBe(0.5);

    const floor = await post(lead, `/api/v1/acd/agents/${op2Id}/state`, { state: 'notReady', reason: 'meeting' });
    expect(floor.json()).toMatchObject({ state: 'notReady', reason: 'meeting' });
    expect((await post(op1, `/api/v1/acd/agents/${op2Id}/state`, { state: 'ready' })).statusCode).toBe(403);
    const wall = await get(lead, '/api/v1/acd/wallboard');
    expect(wall.agents.find((a: { agentId: string }) => a.agentId === op2Id)).toMatchObject({ state: 'notReady', reason: 'meeting', name: 'Наталья Соколова' });
    expect(wall.queues.find((q: { id: string }) => q.id === queue.id).today).toMatchObject({ offered: 2, answered: 1 });
  });

  it('keeps tenants apart', async () => {
    const other = await t.login(OTHER.admin, OTHER.password);
    const res = await post(other, '/api/v1/acd/arrivals', { queueId: queue.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.queueId');
    const c = (await post(admin, '/api/v1/acd/arrivals', { queueId: queue.id })).json();
    expect((await post(other, `/api/v1/acd/contacts/${c.contactId}/abandon`)).statusCode).toBe(404);
    expect((await get(other, '/api/v1/acd/wallboard')).queues).toEqual([]);
  });
});
