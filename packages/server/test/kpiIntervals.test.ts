import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiEmptyAggregate, kpiIntervalStart, type KpiCell } from '@linia/engine';
import { withTenant } from '../src/db/index.ts';
import { addKpiCells } from '../src/kpi/store.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

describe(`KPI interval table and API (${dbKind})`, () => {
  let t: TestApp;
  let lead: string;
  let tenantId: string;
  let queueId: string;
  beforeAll(async () => {
    t = await testApp();
    lead = await t.login('lead');
    tenantId = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: lead } })).json().tenant.id;
    queueId = (await t.app.inject({ method: 'GET', url: '/api/v1/acd/queues', headers: { cookie: lead } })).json().items[0].id;
  });
  afterAll(() => t.close());

  const get = (url: string, cookie = lead) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('adds cells into stored rows and rolls agents up per interval and queue, with KPIs computed by hand', async () => {
    const start = kpiIntervalStart(Date.parse('2026-03-02T09:07:00Z'), 'Europe/Moscow');
    const cell = (agentId: string | null, a: Partial<ReturnType<typeof kpiEmptyAggregate>>): KpiCell => ({
      intervalStart: start,
      queueId,
      hotlineId: null,
      channel: 'voice_in',
      agentId,
      aggregate: { ...kpiEmptyAggregate(), ...a },
    });
    const agentA = '00000000-0000-4000-8000-00000000000a';
    await withTenant(t.db, { tenantId, clientId: null, actor: { kind: 'system', id: null, name: 'test' } }, async (tx) => {
      // Two answered contacts of agent A, added one at a time into the same stored row.
      await addKpiCells(tx, [cell(agentA, { offered: 1, answered: 1, answeredWithinT: 1, answeredWaitSeconds: 10, talkSeconds: 100, wrapUpSeconds: 20 })]);
      await addKpiCells(tx, [cell(agentA, { offered: 1, answered: 1, answeredWaitSeconds: 50, talkSeconds: 200, wrapUpSeconds: 40 })]);
      // One short abandon (no agent).
      await addKpiCells(tx, [cell(null, { offered: 1, abandoned: 1, shortAbandoned: 1, abandonedWithinT: 1, abandonedWaitSeconds: 3 })]);
    });
    const res = await get(`/api/v1/kpi/intervals?from=2026-03-02T09:00:00Z&to=2026-03-02T10:00:00Z&queueId=${queueId}`);
    expect(res.statusCode).toBe(200);
    const [iv] = res.json().intervals;
    expect(res.json().intervals).toHaveLength(1);
    expect(iv).toMatchObject({
      intervalStart: '2026-03-02T09:00:00.000Z',
      queueId,
      offered: 3,
      answered: 2,
      abandoned: 1,
      shortAbandoned: 1,
      answeredWithinT: 1,
      serviceLevel: 0.5, // 1 / (3 − 1)
      asaSeconds: 30, // (10 + 50) / 2
      ahtSeconds: 180, // (100 + 200 + 20 + 40) / 2
      abandonmentRate: 1 / 3,
    });
    expect(iv.serviceLevelOfOffered).toBeCloseTo(1 / 3);
  });

  it('refuses a bad period and keeps tenants apart', async () => {
    expect((await get('/api/v1/kpi/intervals?from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z')).json().errors[0].field).toBe('query.to');
    expect((await get('/api/v1/kpi/intervals?from=2026-01-01T00:00:00Z&to=2026-03-02T09:00:00Z')).statusCode).toBe(400);
    expect((await get('/api/v1/kpi/intervals?from=yesterday&to=2026-03-02T09:00:00Z')).statusCode).toBe(400);
    const other = await t.login(OTHER.admin, OTHER.password);
    const res = await get('/api/v1/kpi/intervals?from=2026-03-02T09:00:00Z&to=2026-03-02T10:00:00Z', other);
    expect(res.json().intervals).toEqual([]);
    const operator = await t.login('operator1');
    expect((await get('/api/v1/kpi/today', operator)).statusCode).toBe(403);
  });
});
