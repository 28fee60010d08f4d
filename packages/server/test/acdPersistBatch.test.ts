import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray, or } from 'drizzle-orm';
import { RoutingEngine, type Decision, type RoutingEvent } from '@linia/engine';
import { withTenant, type Tx } from '../src/db/index.ts';
import { contacts } from '../src/contacts/schema.ts';
import { acdAgents, acdQueues, agentStateLog, routingDecisions } from '../src/acd/schema.ts';
import { kpiIntervals } from '../src/kpi/schema.ts';
import { users } from '../src/people/schema.ts';
import { hotlines, tenants } from '../src/tenants/schema.ts';
import { loadRouting } from '../src/acd/rebuild.ts';
import { persistDecisions } from '../src/acd/persist.ts';
import { DEMO_TENANT } from '../src/demo/demoCenter.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

const T0 = Date.parse('2026-11-20T06:58:00Z'); // 09:58 in Moscow: the day's spans cross the 10:00 interval boundary
const s = (seconds: number) => T0 + seconds * 1000;

/**
 * The router writes a burst of events' decisions in one transaction, set-based (persist.ts). Whatever
 * the batching, the stored result must be the same as writing each event alone: the same contact
 * timestamps, the same agent-state spans (an agent changing state twice in one batch included), the
 * same KPI cells. One scenario, played on two fresh databases: event by event, and all in one batch.
 */
describe(`ACD persistence: a batch stores what one event at a time stores (${dbKind})`, () => {
  const apps: TestApp[] = [];
  beforeAll(async () => {
    apps.push(await testApp(), await testApp());
  });
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  /** Plays the scenario on one database; returns what is stored, by names instead of ids. */
  async function play(t: TestApp, batched: boolean) {
    const [tenant] = await t.db.orm.select().from(tenants).where(eq(tenants.slug, DEMO_TENANT.slug));
    const scope = { tenantId: tenant!.id, clientId: null, actor: { kind: 'system' as const, id: null, name: 'test' } };
    const inTx = <T>(work: (tx: Tx) => Promise<T>) => withTenant(t.db, scope, work);
    // A queue of its own and two agents in it only, so the demo's queues and agents stay out of the way.
    const { queueId, a1, a2, c1, c2, c3 } = await inTx(async (tx) => {
      const [hotline] = await tx.select().from(hotlines).limit(1);
      const [q] = await tx.insert(acdQueues).values({ hotlineId: hotline!.id, clientId: hotline!.clientId, name: 'Пакет', channel: 'voice', wrapUpSeconds: 30, offerTimeoutSeconds: 20 }).returning();
      const ops = await tx.select().from(users).where(inArray(users.login, ['operator1', 'operator2'])).orderBy(asc(users.login));
      await tx.update(acdAgents).set({ queueIds: [q!.id], routing: null }).where(inArray(acdAgents.userId, ops.map((o) => o.id)));
      // Stored open spans the first change of each agent must close (a batch closes them in one UPDATE).
      await tx.insert(agentStateLog).values(ops.map((o) => ({ agentId: o.id, state: 'notReady' as const, reason: 'lunch', startedAt: new Date(s(-600)) })));
      const made = await tx
        .insert(contacts)
        .values([0, 1, 2].map((i) => ({ clientId: hotline!.clientId, hotlineId: hotline!.id, queueId: q!.id, channel: 'voice_in' as const, status: 'open' as const, queuedAt: new Date(s(i)) })))
        .returning({ id: contacts.id });
      return { queueId: q!.id, a1: ops[0]!.id, a2: ops[1]!.id, c1: made[0]!.id, c2: made[1]!.id, c3: made[2]!.id };
    });
    const loaded = await inTx((tx) => loadRouting(tx, scope.tenantId));
    // Only this scenario's agents and queue: the demo's other agents would take offers.
    loaded.snapshot.agents = loaded.snapshot.agents.filter((a) => a.config.id === a1 || a.config.id === a2);
    const engine = RoutingEngine.restore(loaded.snapshot);
    const events: RoutingEvent[] = [
      { type: 'contactArrived', contactId: c1, queueId, now: s(0) },
      { type: 'contactArrived', contactId: c2, queueId, now: s(1) },
      { type: 'contactArrived', contactId: c3, queueId, now: s(2) },
      { type: 'agentStateRequested', agentId: a1, to: 'ready', now: s(10) }, // offered c1
      { type: 'offerAccepted', contactId: c1, agentId: a1, now: s(12) },
      { type: 'agentStateRequested', agentId: a2, to: 'ready', now: s(15) }, // offered c2
      { type: 'offerDeclined', contactId: c2, agentId: a2, now: s(18) }, // a2 ready again; c2 waits, not to be offered to a2 again
      { type: 'contactAbandoned', contactId: c3, now: s(30) },
      { type: 'contactEnded', contactId: c1, now: s(100) }, // a1 wrap-up (crosses 10:00)
      { type: 'wrapUpEnded', contactId: c1, now: s(110) }, // a1 ready → offered c2
      { type: 'offerAccepted', contactId: c2, agentId: a1, now: s(111) },
      { type: 'contactEnded', contactId: c2, now: s(200) },
      { type: 'tick', now: s(240) }, // the wrap-up's 30 s ran out
      { type: 'agentStateRequested', agentId: a2, to: 'notReady', reason: 'break', now: s(250) },
    ];
    const perEvent: Decision[][] = events.map((e) => {
      const r = engine.apply(e);
      if (!r.ok) throw new Error(`${e.type}: ${JSON.stringify(r.error)}`);
      return r.decisions;
    });
    const ctx = { engine, queues: loaded.queues, timeZone: loaded.timeZone };
    let nextSeq = 1;
    if (batched) await inTx(async (tx) => void (nextSeq = await persistDecisions(tx, { ...ctx, nextSeq }, perEvent.flat())));
    else for (const d of perEvent) await inTx(async (tx) => void (nextSeq = await persistDecisions(tx, { ...ctx, nextSeq }, d)));

    const name = (id: string | null) => ({ [a1]: 'a1', [a2]: 'a2', [c1]: 'c1', [c2]: 'c2', [c3]: 'c3', [queueId]: 'q' })[id ?? ''] ?? id;
    const ms = (d: Date | null) => (d ? (d.getTime() - T0) / 1000 : null);
    return inTx(async (tx) => ({
      decisions: (await tx.select().from(routingDecisions).orderBy(routingDecisions.seq)).map((d) => `${d.seq} ${d.type} ${name(d.contactId)} ${name(d.agentId)}`),
      contacts: (await tx.select().from(contacts).where(inArray(contacts.id, [c1, c2, c3]))).map((c) => ({
        id: name(c.id),
        offered: ms(c.offeredAt),
        answered: ms(c.answeredAt),
        ended: ms(c.endedAt),
        wrapUpEnded: ms(c.wrapUpEndedAt),
        abandoned: ms(c.abandonedAt),
        agent: name(c.agentId),
        agents: c.agentIds.map(name),
        routingStatus: c.routingStatus,
        status: c.status,
        outcome: c.outcome,
      })).sort((x, y) => String(x.id).localeCompare(String(y.id))),
      spans: (await tx.select().from(agentStateLog).where(inArray(agentStateLog.agentId, [a1, a2])).orderBy(agentStateLog.agentId, agentStateLog.startedAt, agentStateLog.endedAt)).map(
        (l) => `${name(l.agentId)} ${l.state}${l.reason ? `/${l.reason}` : ''} ${ms(l.startedAt)}…${ms(l.endedAt)}`,
      ),
      kpi: (await tx.select().from(kpiIntervals).where(or(eq(kpiIntervals.queueId, queueId), inArray(kpiIntervals.agentId, [a1, a2]))))
        .map((k) => ({ at: ms(k.intervalStart), queue: name(k.queueId), agent: name(k.agentId), aggregate: k.aggregate }))
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      agents: (await tx.select().from(acdAgents).where(inArray(acdAgents.userId, [a1, a2]))).map((a) => ({ agent: name(a.userId), state: a.routing?.state })).sort((x, y) => String(x.agent).localeCompare(String(y.agent))),
    }));
  }

  it('event by event and in one batch: the same rows', async () => {
    const alone = await play(apps[0]!, false);
    const batch = await play(apps[1]!, true);
    expect(batch).toEqual(alone);

    // And what is stored is right, not only the same.
    expect(alone.contacts).toEqual([
      { id: 'c1', offered: 10, answered: 12, ended: 100, wrapUpEnded: 110, abandoned: null, agent: 'a1', agents: ['a1'], routingStatus: 'released', status: 'open', outcome: null },
      { id: 'c2', offered: 15, answered: 111, ended: 200, wrapUpEnded: 230, abandoned: null, agent: 'a1', agents: ['a1'], routingStatus: 'released', status: 'open', outcome: null },
      { id: 'c3', offered: 18, answered: null, ended: 30, wrapUpEnded: null, abandoned: 30, agent: null, agents: [], routingStatus: 'abandoned', status: 'closed', outcome: 'abandoned' },
    ]);
    // Each agent's spans follow on from one another; the last one is open.
    expect(alone.spans.filter((x) => x.startsWith('a1 '))).toEqual(
      ['notReady/lunch -600…10', 'ready 10…10', 'onContact 10…100', 'wrapUp 100…110', 'ready 110…110', 'onContact 110…200', 'wrapUp 200…230', 'ready 230…null'].map((x) => `a1 ${x}`),
    );
    expect(alone.spans.filter((x) => x.startsWith('a2 '))).toEqual(['notReady/lunch -600…15', 'ready 15…15', 'onContact 15…18', 'ready 18…18', 'onContact 18…30', 'ready 30…250', 'notReady/break 250…null'].map((x) => `a2 ${x}`));
    const queueCells = alone.kpi.filter((k) => k.queue === 'q');
    const total = (f: 'offered' | 'answered' | 'abandoned') => queueCells.reduce((n, k) => n + k.aggregate[f], 0);
    expect([total('offered'), total('answered'), total('abandoned')]).toEqual([3, 2, 1]);
    // The lunch before the scenario counted in the agents' not-ready time (10 and 15 minutes of it: 20 + 25 min in all, by the spans above).
    const lunch = alone.kpi.filter((k) => k.agent !== null).reduce((n, k) => n + (k.aggregate.agentNotReadySeconds.lunch ?? 0), 0);
    expect(lunch).toBe(610 + 615);
    expect(alone.agents).toEqual([{ agent: 'a1', state: 'ready' }, { agent: 'a2', state: 'notReady' }]);
  });
});
