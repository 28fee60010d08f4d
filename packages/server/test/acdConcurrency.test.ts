import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { asSystem } from '../src/db/index.ts';
import { routingDecisions } from '../src/acd/schema.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

const AGENTS = 12;
const CONTACTS = 30;

describe(`ACD under concurrent requests: no contact offered to two agents (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const post = (cookie: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('many agents going ready, contacts arriving and everyone accepting at once', async () => {
    const hotlineId = (await t.app.inject({ method: 'GET', url: '/api/v1/hotlines', headers: { cookie: admin } })).json().items[0].id;
    const queue = (await post(admin, '/api/v1/acd/queues', { hotlineId, name: 'Нагрузка', channel: 'voice', offerTimeoutSeconds: 60 })).json();
    const agents: { id: string; cookie: string }[] = [];
    for (let i = 0; i < AGENTS; i++) {
      const login = `load${i}`;
      const user = (await post(admin, '/api/v1/users', { login, name: `Агент ${i}`, role: 'operator', password: 'load-password-1' })).json();
      expect((await post(admin, '/api/v1/acd/agents', { userId: user.id, queueIds: [queue.id] })).statusCode).toBe(201);
      agents.push({ id: user.id, cookie: await t.login(login, 'load-password-1') });
    }
    // Agents go ready while contacts arrive.
    const arrivals = Array.from({ length: CONTACTS }, () => post(admin, '/api/v1/acd/arrivals', { queueId: queue.id }));
    const readies = agents.map((a) => post(a.cookie, '/api/v1/acd/me/state', { state: 'ready' }));
    const created = (await Promise.all(arrivals)).map((r) => r.json().contactId as string);
    expect((await Promise.all(readies)).map((r) => r.statusCode)).toEqual(agents.map(() => 200));

    // Every agent tries to accept every contact at once: only its own offer succeeds.
    const tries = agents.flatMap((a) => created.map((c) => post(a.cookie, `/api/v1/acd/offers/${c}/accept`).then((r) => ({ a: a.id, c, status: r.statusCode }))));
    const results = await Promise.all(tries);
    const accepted = results.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(AGENTS);
    expect(new Set(accepted.map((r) => r.a)).size).toBe(AGENTS);
    expect(new Set(accepted.map((r) => r.c)).size).toBe(AGENTS);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 404 || r.status === 409)).toBe(true);

    // Replay the routing journal: at no moment is a contact offered to two agents, or an agent holding two calls.
    const decisions = await asSystem(t.db, (tx) => tx.select().from(routingDecisions).orderBy(asc(routingDecisions.seq)));
    const offeredTo = new Map<string, string>();
    const holding = new Map<string, string>();
    for (const d of decisions.filter((x) => created.includes(x.contactId ?? ''))) {
      if (d.type === 'offer') {
        expect(offeredTo.has(d.contactId!), `contact ${d.contactId} offered twice`).toBe(false);
        expect(holding.has(d.agentId!), `agent ${d.agentId} offered a second call`).toBe(false);
        offeredTo.set(d.contactId!, d.agentId!);
        holding.set(d.agentId!, d.contactId!);
      } else if (d.type === 'offerWithdrawn' || d.type === 'contactReleased' || d.type === 'contactAbandoned') {
        offeredTo.delete(d.contactId!);
        if (d.agentId) holding.delete(d.agentId);
      }
    }
    const wall = (await t.app.inject({ method: 'GET', url: '/api/v1/acd/wallboard', headers: { cookie: admin } })).json();
    expect(wall.queues.find((q: { id: string }) => q.id === queue.id).waiting).toBe(CONTACTS - AGENTS);
  }, 120_000);
});
