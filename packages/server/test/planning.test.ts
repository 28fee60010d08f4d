import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const P = '/api/v1/planning';

describe(`planning: history, forecast, staffing (${dbKind})`, () => {
  let t: TestApp;
  let planner: string;
  let lead: string;
  let op: string;
  let other: string;
  let support: { id: string; code: string };
  const call = (method: Method, url: string, payload?: object, cookie = planner) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await testApp();
    planner = await t.login('planner');
    lead = await t.login('lead');
    op = await t.login('operator1');
    other = await t.login(OTHER.admin, OTHER.password);
    support = ((await call('GET', `${P}/queues`)).json().items as Array<{ id: string; code: string }>).find((q) => q.code === 'support')!;
  });
  afterAll(() => t.close());

  it('is open to planners and group leads (planning.use), closed to operators', async () => {
    expect((await call('GET', `${P}/queues`, undefined, lead)).statusCode).toBe(200);
    expect((await call('GET', `${P}/queues`, undefined, op)).statusCode).toBe(403);
    expect((await call('POST', `${P}/what-if`, { calls: 10, ahtSeconds: 100 }, op)).statusCode).toBe(403);
    expect(support).toBeDefined();
  });

  it('imports nothing from a file with a bad line and lists every problem by line and column', async () => {
    const csv = 'interval_start,queue,offered,aht_seconds\n2026-01-12 09:00,sales,10,180\n2026-01-12 09:30,sales,ten,180\n2026-01-12 10:07,sales,4,\n';
    const res = await call('POST', `${P}/history/import`, { csv });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors).toEqual([
      { field: 'body.csv[line 3].offered', message: 'not a whole number ≥ 0: "ten"' },
      { field: 'body.csv[line 4].interval_start', message: 'not the start of a 30-minute interval: "2026-01-12 10:07"' },
      { field: 'body.csv[line 4].aht_seconds', message: 'not a number of seconds ≥ 0: ""' },
    ]);
    const codes = ((await call('GET', `${P}/queues`)).json().items as Array<{ code: string }>).map((q) => q.code);
    expect(codes).not.toContain('sales');
  });

  it('checks a good file (dry run), imports it creating the queue, and a re-import replaces intervals', async () => {
    const csv = 'interval_start,queue,offered,aht_seconds,handled,abandoned\n2026-01-12 09:00,sales,10,180,9,1\n2026-01-12 09:30,sales,12,200,12,0\n';
    const dry = await call('POST', `${P}/history/import`, { csv, dryRun: true });
    expect(dry.json()).toEqual({ rows: 2, stored: false, queues: [{ code: 'sales', created: true, rows: 2, from: '2026-01-12T09:00', to: '2026-01-12T09:30' }] });
    expect(((await call('GET', `${P}/queues`)).json().items as Array<{ code: string }>).map((q) => q.code)).not.toContain('sales');
    expect((await call('POST', `${P}/history/import`, { csv })).json()).toMatchObject({ rows: 2, stored: true });
    await call('POST', `${P}/history/import`, { csv: 'interval_start,queue,offered,aht_seconds\n2026-01-12 09:30,sales,20,150\n' });
    const sales = ((await call('GET', `${P}/queues`)).json().items as Array<{ id: string; code: string }>).find((q) => q.code === 'sales')!;
    const view = (await call('GET', `${P}/queues/${sales.id}/history?from=2026-01-12&to=2026-01-12`)).json();
    expect(view.rows).toEqual([
      expect.objectContaining({ start: '2026-01-12T09:00', offered: 10, handled: 9, abandoned: 1, ahtSeconds: 180 }),
      expect.objectContaining({ start: '2026-01-12T09:30', offered: 20, handled: 20, abandoned: 0, ahtSeconds: 150 }),
    ]);
    // one queue, one interval length: 15-minute rows into the 30-minute queue are refused
    const mixed = await call('POST', `${P}/history/import`, { csv: 'interval_start,queue,offered,aht_seconds\n2026-01-13 09:15,sales,1,100\n', intervalMinutes: 15 });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().errors[0].field).toBe('body.csv[line 2].queue');
    expect((await call('POST', `${P}/history/import`, { csv: 'x', intervalMinutes: 20 })).json().errors[0].field).toBe('body.intervalMinutes');
  });

  it('shows the history with its outliers (the demo outage) and lets the planner exclude them', async () => {
    const view = (await call('GET', `${P}/queues/${support.id}/history`)).json();
    expect(view.rows.length).toBe(14 * 24);
    const outage = view.events.find((e: { kind: string }) => e.kind === 'outage');
    expect(outage).toBeDefined();
    const day = outage.startsAt.slice(0, 10);
    const hit = view.outliers.filter((o: { start: string }) => o.start.startsWith(day));
    expect(hit.map((o: { start: string }) => o.start.slice(11))).toEqual(expect.arrayContaining(['11:00', '11:30', '12:00', '12:30']));
    expect(hit.every((o: { score: number; excluded: boolean }) => o.score < -3.5 && !o.excluded)).toBe(true);
    const patched = await call('PATCH', `${P}/history/${hit[0].id}`, { excluded: true });
    expect(patched.json()).toEqual({ id: hit[0].id, excluded: true });
    const again = (await call('GET', `${P}/queues/${support.id}/history`)).json();
    expect(again.outliers.find((o: { id: string }) => o.id === hit[0].id).excluded).toBe(true);
    expect((await call('PATCH', `${P}/history/${hit[0].id}`, { excluded: 'yes' })).json().errors[0].field).toBe('body.excluded');
    expect((await call('GET', `${P}/queues/${support.id}/history?from=2026-03-10&to=2026-03-01`)).json().errors[0].field).toBe('query.to');
  });

  it('keeps tenants apart: queues, history, events, forecasts', async () => {
    expect((await call('GET', `${P}/queues`, undefined, other)).json().items).toEqual([]);
    expect((await call('GET', `${P}/queues/${support.id}/history`, undefined, other)).statusCode).toBe(404);
    const row = (await call('GET', `${P}/queues/${support.id}/history`)).json().rows[0];
    expect((await call('PATCH', `${P}/history/${row.id}`, { excluded: true }, other)).statusCode).toBe(404);
    expect((await call('POST', `${P}/queues/${support.id}/forecasts`, { horizonDays: 1 }, other)).statusCode).toBe(404);
    const ev = await call('POST', `${P}/events`, { queueId: support.id, kind: 'campaign', startsAt: '2026-01-01T00:00', endsAt: '2026-01-02T00:00' }, other);
    expect(ev.statusCode).toBe(400);
    expect(ev.json().errors[0].field).toBe('body.queueId');
  });

  it('marks events and checks their times', async () => {
    const bad = await call('POST', `${P}/events`, { queueId: support.id, kind: 'holiday', startsAt: '2026-01-02T00:00', endsAt: '2026-01-01T00:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.endsAt');
    expect((await call('POST', `${P}/events`, { kind: 'party', startsAt: '2026-01-01T00:00', endsAt: '2026-01-02T00:00' })).json().errors[0].field).toBe('body.kind');
    const ok = await call('POST', `${P}/events`, { kind: 'holiday', startsAt: '2026-01-01T00:00', endsAt: '2026-01-09T00:00', note: 'Новогодние' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ queueId: null, kind: 'holiday', startsAt: '2026-01-01T00:00' });
  });

  let forecast: { id: string; model: string; backtest: Array<{ model: string; wape: number }>; points: Array<{ start: string; offered: number; ahtSeconds: number }>; fromDate: string };

  it('forecasts a queue: the backtest table of every model, the automatic choice, the stored intervals', async () => {
    const res = await call('POST', `${P}/queues/${support.id}/forecasts`, { horizonDays: 7 });
    expect(res.statusCode).toBe(201);
    forecast = res.json();
    expect(forecast.backtest.map((r) => r.model)).toEqual(expect.arrayContaining(['seasonal-naive', 'mean-last-4', 'holt-winters']));
    const best = forecast.backtest.reduce((a, b) => (b.wape < a.wape ? b : a));
    expect(forecast.model).toBe(best.model);
    // the demo queue is open every day 08:00–20:00: 7 days × 24 half-hours
    expect(forecast.points).toHaveLength(7 * 24);
    expect(forecast.points[0]!.start).toBe(`${forecast.fromDate}T08:00`);
    expect(forecast.points.every((p) => p.offered >= 0 && p.ahtSeconds > 150 && p.ahtSeconds < 320)).toBe(true);
    const list = (await call('GET', `${P}/queues/${support.id}/forecasts`)).json().items;
    expect(list[0]).toMatchObject({ id: (forecast as { id: string }).id, model: best.model });
    expect((await call('GET', `${P}/forecasts/${forecast.id}`)).json().points).toHaveLength(7 * 24);
    expect((await call('GET', `${P}/forecasts/${forecast.id}`, undefined, other)).statusCode).toBe(404);
  });

  it('forecasts with a named model and refuses bad requests', async () => {
    const named = await call('POST', `${P}/queues/${support.id}/forecasts`, { horizonDays: 2, model: 'seasonal-naive' });
    expect(named.json()).toMatchObject({ model: 'seasonal-naive', requestedModel: 'seasonal-naive' });
    expect(named.json().backtest).toHaveLength(1);
    expect((await call('POST', `${P}/queues/${support.id}/forecasts`, { horizonDays: 0 })).json().errors[0].field).toBe('body.horizonDays');
    expect((await call('POST', `${P}/queues/${support.id}/forecasts`, { horizonDays: 1, model: 'magic' })).json().errors[0].field).toBe('body.model');
    expect((await call('POST', `${P}/queues/${support.id}/forecasts`, { horizonDays: 1, fromDate: '2020-01-01' })).json().errors[0].field).toBe('body.fromDate');
  });

  it('computes staffing per interval of the forecast: agents meet the target, heads after shrinkage', async () => {
    const noTarget = await call('POST', `${P}/staffing`, { forecastId: forecast.id, params: { thresholdSeconds: 20 } });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().errors[0].field).toBe('body.params.serviceLevel');
    expect((await call('POST', `${P}/staffing`, { forecastId: forecast.id, params: { model: 'A', serviceLevel: 0.8 } })).json().errors[0].field).toBe('body.params.patienceSeconds');
    const res = await call('POST', `${P}/staffing`, { forecastId: forecast.id, params: { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3 } });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s.rows).toHaveLength(forecast.points.length);
    for (const r of s.rows) {
      if (r.offered === 0) continue;
      expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(r.occupancy).toBeLessThanOrEqual(0.85);
      expect(r.heads).toBe(Math.ceil(r.agents / 0.7 - 1e-9));
    }
    expect((await call('GET', `${P}/staffing/${s.id}`)).json().rows).toHaveLength(s.rows.length);
    expect((await call('GET', `${P}/queues/${support.id}/staffing`)).json().items[0].id).toBe(s.id);
    expect((await call('GET', `${P}/staffing/${s.id}`, undefined, other)).statusCode).toBe(404);
    const foreign = await call('POST', `${P}/staffing`, { forecastId: forecast.id, params: { serviceLevel: 0.8 } }, other);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('body.forecastId');
  });

  it('answers what-if with the Erlang C reference values', async () => {
    const res = await call('POST', `${P}/what-if`, { calls: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20, fromAgents: 14, count: 2 }, lead);
    const rows = res.json().rows;
    expect(res.json().load).toBeCloseTo(10, 12);
    expect(rows[0].agents).toBe(14);
    expect(rows[0].serviceLevel).toBeCloseTo(0.88835, 5);
    expect(rows[0].waitProbability).toBeCloseTo(0.1741319, 6);
    expect(rows[1].serviceLevel).toBeCloseTo(0.9414528, 6);
    expect(rows[1].waitProbability).toBeCloseTo(0.1020424, 6);
    // Erlang C has no steady state at n ≤ A: the table starts above the load
    expect((await call('POST', `${P}/what-if`, { calls: 100, ahtSeconds: 180, fromAgents: 3, count: 1 })).json().rows[0].agents).toBe(11);
    expect((await call('POST', `${P}/what-if`, { model: 'A', calls: 100, ahtSeconds: 180 })).json().errors[0].field).toBe('body.patienceSeconds');
  });
});
