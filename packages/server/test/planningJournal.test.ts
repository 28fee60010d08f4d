import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiEmptyAggregate, type KpiAggregate } from '@linia/engine';
import { withTenant } from '../src/db/index.ts';
import { addKpiCells } from '../src/kpi/store.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH';

describe(`planning history from the journal (${dbKind})`, () => {
  let t: TestApp;
  let planner: string;
  let other: string;
  let hotlineId: string;
  let queueId: string;
  const call = (method: Method, url: string, payload?: object, cookie = planner) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const agg = (fill: Partial<KpiAggregate>) => ({ ...kpiEmptyAggregate(), ...fill });

  beforeAll(async () => {
    t = await testApp();
    planner = await t.login('planner');
    other = await t.login(OTHER.admin, OTHER.password);
    const lines = (await call('GET', '/api/v1/hotlines')).json().items as { id: string; code: string; timeZone: string }[];
    const line = lines.find((h) => h.timeZone === 'Europe/Moscow')!;
    hotlineId = line.id;
    const q = await call('POST', '/api/v1/planning/queues', { code: 'journal-q', name: 'Из журнала', hotlineId, intervalMinutes: 30 });
    expect(q.statusCode).toBe(201);
    queueId = q.json().id;
    // What the ACD would have written: 15-minute cells of the hotline (two of them in one Moscow half hour).
    const tenantId = (await call('GET', '/api/v1/auth/me')).json().tenant.id;
    const scope = { tenantId, clientId: null, actor: { kind: 'system' as const, id: null, name: 'test' } };
    await withTenant(t.db, scope, (tx) =>
      addKpiCells(tx, [
        { intervalStart: Date.parse('2026-11-16T06:00:00Z'), queueId: null, hotlineId, channel: 'voice_in', agentId: null, aggregate: agg({ offered: 12, answered: 10, abandoned: 2, answeredWithinT: 9, talkSeconds: 1800, wrapUpSeconds: 300 }) },
        { intervalStart: Date.parse('2026-11-16T06:15:00Z'), queueId: null, hotlineId, channel: 'voice_in', agentId: null, aggregate: agg({ offered: 8, answered: 8, answeredWithinT: 8, talkSeconds: 1100, holdSeconds: 100 }) },
        { intervalStart: Date.parse('2026-11-17T06:00:00Z'), queueId: null, hotlineId, channel: 'voice_in', agentId: null, aggregate: agg({ offered: 5, answered: 5, talkSeconds: 500 }) },
      ]),
    );
  });
  afterAll(() => t.close());

  it('sums the journal\'s cells into the queue\'s half hours in the hotline\'s local time', async () => {
    const res = await call('POST', `/api/v1/planning/queues/${queueId}/history/from-journal`, { from: '2026-11-16', to: '2026-11-16' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1, offered: 20 });
    const view = (await call('GET', `/api/v1/planning/queues/${queueId}/history?from=2026-11-16&to=2026-11-17`)).json();
    const row = view.rows.find((r: { start: string }) => r.start.startsWith('2026-11-16T09:00'));
    expect(row).toMatchObject({ offered: 20, handled: 18, abandoned: 2 });
    expect(row.ahtSeconds).toBeCloseTo(3300 / 18, 6);
    expect(row.serviceLevel).toBeCloseTo(17 / 20, 6);
    // the next day was outside the period
    expect(view.rows.some((r: { start: string }) => r.start.startsWith('2026-11-17'))).toBe(false);
  });

  it('a second run replaces the intervals and keeps the planner\'s exclusion', async () => {
    const view = (await call('GET', `/api/v1/planning/queues/${queueId}/history?from=2026-11-16&to=2026-11-17`)).json();
    const id = view.rows[0].id;
    await call('PATCH', `/api/v1/planning/history/${id}`, { excluded: true });
    expect((await call('POST', `/api/v1/planning/queues/${queueId}/history/from-journal`, { from: '2026-11-16', to: '2026-11-17' })).json()).toEqual({ rows: 2, offered: 25 });
    const again = (await call('GET', `/api/v1/planning/queues/${queueId}/history?from=2026-11-16&to=2026-11-18`)).json();
    expect(again.rows.map((r: { offered: number; excluded: boolean }) => [r.offered, r.excluded])).toEqual([[20, true], [5, false]]);
  });

  it('needs a hotline, a sensible period, and stays inside the tenant', async () => {
    const bare = (await call('POST', '/api/v1/planning/queues', { code: 'no-line', name: 'Без линии' })).json();
    const noLine = await call('POST', `/api/v1/planning/queues/${bare.id}/history/from-journal`, { from: '2026-11-16', to: '2026-11-16' });
    expect(noLine.statusCode).toBe(409);
    expect(noLine.json().errors[0].field).toBe('hotlineId');
    const backwards = await call('POST', `/api/v1/planning/queues/${queueId}/history/from-journal`, { from: '2026-11-17', to: '2026-11-16' });
    expect(backwards.json().errors[0].field).toBe('body.to');
    const notDate = await call('POST', `/api/v1/planning/queues/${queueId}/history/from-journal`, { from: 'вчера', to: '2026-11-16' });
    expect(notDate.json().errors[0].field).toBe('body.from');
    expect((await call('POST', `/api/v1/planning/queues/${queueId}/history/from-journal`, { from: '2026-11-16', to: '2026-11-16' }, other)).statusCode).toBe(404);
  });
});
