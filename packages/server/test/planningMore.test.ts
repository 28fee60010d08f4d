// Planning, second part of issue 5: event marks acting on forecasts, the intraday re-forecast from today's
// actuals, the long-term plan by month, operators' own preferences, multi-skill schedules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addIsoDays } from '@linia/engine';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

const P = '/api/v1/planning';
type Point = { start: string; offered: number; ahtSeconds: number };

describe(`planning: forecast inputs, long term, preferences, multi-skill (${dbKind})`, () => {
  let t: TestApp;
  let planner: string;
  let op1: string;
  let other: string;
  let support: { id: string; code: string };
  let today: string;

  beforeAll(async () => {
    t = await testApp();
    planner = await t.login('planner');
    op1 = await t.login('operator1');
    other = await t.login(OTHER.admin, OTHER.password);
    support = ((await t.call('GET', `${P}/queues`, undefined, planner)).json().items as Array<{ id: string; code: string }>).find((q) => q.code === 'support')!;
    today = addIsoDays((await t.call('GET', `${P}/queues/${support.id}/history`, undefined, planner)).json().lastDay, 1);
  });
  afterAll(() => t.close());

  it('leaves marked history out of training and multiplies future intervals by a mark’s uplift', async () => {
    const forecast = async () => (await t.call('POST', `${P}/queues/${support.id}/forecasts`, { horizonDays: 3, model: 'mean-last-4' }, planner)).json();
    const before = await forecast();
    // the demo's outage (11:00–13:00) covers four half-hours of history
    expect(before.adjustments).toEqual({ excludedIntervals: 4, upliftedIntervals: 0 });
    const day = addIsoDays(today, 1);
    const bad = await t.call('POST', `${P}/events`, { queueId: support.id, kind: 'campaign', startsAt: `${day}T10:00`, endsAt: `${day}T12:00`, uplift: -1 }, planner);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.uplift');
    const mark = await t.call('POST', `${P}/events`, { queueId: support.id, kind: 'campaign', startsAt: `${day}T10:00`, endsAt: `${day}T12:00`, uplift: 1.5 }, planner);
    expect(mark.statusCode).toBe(201);
    expect(mark.json().uplift).toBe(1.5);
    const after = await forecast();
    expect(after.adjustments).toEqual({ excludedIntervals: 4, upliftedIntervals: 4 });
    const at = (f: { points: Point[] }, time: string) => f.points.find((p) => p.start === `${day}T${time}`)!.offered;
    for (const time of ['10:00', '10:30', '11:00', '11:30']) expect(at(after, time)).toBeCloseTo(at(before, time) * 1.5, 2);
    expect(at(after, '12:00')).toBe(at(before, '12:00'));
    expect(at(after, '09:30')).toBe(at(before, '09:30'));
    // another tenant neither sees the mark nor can use it
    expect((await t.call('GET', `${P}/events/${mark.json().id}`, undefined, other)).statusCode).toBe(404);
    await t.call('DELETE', `${P}/events/${mark.json().id}`, undefined, planner);
  });

  it('re-forecasts the rest of today from the intervals that have ended, with the staffing it implies', async () => {
    const f = (await t.call('POST', `${P}/queues/${support.id}/forecasts`, { horizonDays: 2, model: 'mean-last-4' }, planner)).json();
    const day: Point[] = f.points.filter((p: Point) => p.start.startsWith(today));
    // the morning (08:00–11:30, eight half-hours) runs at 1.5 × the forecast, AHT 300 s
    const morning = day.slice(0, 8).map((p) => ({ ...p, actual: Math.round(p.offered * 1.5) }));
    const csv = `interval_start,queue,offered,aht_seconds\n${morning.map((p) => `${p.start.replace('T', ' ')},support,${p.actual},300`).join('\n')}\n`;
    expect((await t.call('POST', `${P}/history/import`, { csv }, planner)).statusCode).toBe(200);
    const res = await t.call('POST', `${P}/queues/${support.id}/reforecast`, { asOf: `${today}T12:10`, refreshFromJournal: false }, planner);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const A = morning.reduce((s, p) => s + p.actual, 0);
    const F = morning.reduce((s, p) => s + p.offered, 0);
    expect(r.actualCalls).toBe(A);
    expect(r.volumeFactor).toBeCloseTo((400 + A) / (400 + F), 9);
    expect(r.volumeFactor).toBeGreaterThan(1.2);
    expect(r.volumeFactor).toBeLessThan(1.5);
    expect(r.ahtFactor).toBeGreaterThan(1);
    expect(r.rows).toHaveLength(day.length);
    expect(r.rows[7]).toMatchObject({ actual: morning[7]!.actual, actualAht: 300, heads: null });
    expect(r.rows[8].actual).toBeNull();
    expect(r.rows[8].reforecast).toBeCloseTo(day[8]!.offered * r.volumeFactor, 2);
    // more calls, longer calls: at least the planned heads for the rest of the day, more at the peak
    for (const row of r.rows.slice(8)) expect(row.heads).toBeGreaterThanOrEqual(row.plannedHeads);
    expect(r.restOfDay.heads).toBeGreaterThan(r.restOfDay.plannedHeads);
    // the journal refresh (the queue is linked to the support line) runs too
    expect((await t.call('POST', `${P}/queues/${support.id}/reforecast`, { asOf: `${today}T12:10` }, planner)).statusCode).toBe(200);
    const none = await t.call('POST', `${P}/queues/${support.id}/reforecast`, { asOf: '2030-01-01T12:00' }, planner);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('body.asOf');
    expect((await t.call('POST', `${P}/queues/${support.id}/reforecast`, { asOf: 'noon' }, planner)).json().errors[0].field).toBe('body.asOf');
    expect((await t.call('POST', `${P}/queues/${support.id}/reforecast`, {}, other)).statusCode).toBe(404);
    expect((await t.call('POST', `${P}/queues/${support.id}/reforecast`, {}, op1)).statusCode).toBe(403);
  });

  it('plans months ahead: calls, agent-hours and heads per month', async () => {
    const res = await t.call('GET', `${P}/queues/${support.id}/long-term?months=3&shrinkage=0.3`, undefined, planner);
    expect(res.statusCode).toBe(200);
    const { months } = res.json() as { months: Array<{ month: string; openDays: number; calls: number; agentHours: number; workloadHours: number; normHours: number; fte: number; heads: number }> };
    expect(months).toHaveLength(3);
    expect(months[0]!.month > today.slice(0, 7)).toBe(true);
    for (const m of months) {
      expect(m.calls).toBeGreaterThan(10_000);
      expect(m.agentHours).toBeGreaterThan(m.workloadHours);
      expect(m.fte).toBeCloseTo(m.agentHours / 0.7 / m.normHours, 1);
      expect(m.heads).toBe(Math.ceil(m.fte - 1e-9));
    }
    expect((await t.call('GET', `${P}/queues/${support.id}/long-term?months=30`, undefined, planner)).json().errors[0].field).toBe('query.months');
    expect((await t.call('GET', `${P}/queues/${support.id}/long-term`, undefined, other)).statusCode).toBe(404);
  });

  it('lets an operator state their own preferences, which the planner sees and the optimiser receives', async () => {
    const bad = await t.call('PUT', `${P}/my-preferences`, { earliestStart: '10:00', latestEnd: '09:00' }, op1);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.latestEnd');
    expect((await t.call('PUT', `${P}/my-preferences`, { daysOff: ['2026-13-01'] }, op1)).json().errors[0].field).toBe('body.daysOff.0');
    const prefs = { daysOff: [addIsoDays(today, 3)], earliestStart: '09:00', latestEnd: '18:00' };
    const ok = await t.call('PUT', `${P}/my-preferences`, prefs, op1);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual(prefs);
    expect((await t.call('GET', `${P}/my-schedule`, undefined, op1)).json().employee.preferences).toEqual(prefs);
    const mine = ((await t.call('GET', `${P}/employees?limit=200`, undefined, planner)).json().items as Array<{ name: string; preferences: object }>).find((e) => e.name === 'Дмитрий Иванов')!;
    expect(mine.preferences).toEqual(prefs);
    // the planner edits availability and preferences too; operators cannot edit employees
    expect((await t.call('PATCH', `${P}/employees/${(mine as unknown as { id: string }).id}`, { preferences: {} }, op1)).statusCode).toBe(403);
    // another tenant's admin is not an employee here
    expect((await t.call('PUT', `${P}/my-preferences`, prefs, other)).statusCode).toBe(403);
  });

  it('schedules two queues at once: the requirement is their sum, and each queue is measured by the people skilled for it', async () => {
    // a second queue with three weeks of history; two employees may work only it, one both
    const rows: string[] = [];
    for (let d = addIsoDays(today, -21); d < today; d = addIsoDays(d, 1)) for (let h = 9; h < 17; h++) rows.push(`${d} ${String(h).padStart(2, '0')}:00,billing,12,200`);
    expect((await t.call('POST', `${P}/history/import`, { csv: `interval_start,queue,offered,aht_seconds\n${rows.join('\n')}\n`, intervalMinutes: 60 }, planner)).statusCode).toBe(200);
    const billing = ((await t.call('GET', `${P}/queues`, undefined, planner)).json().items as Array<{ id: string; code: string }>).find((q) => q.code === 'billing')!;
    const staffingOf = async (queueId: string) => {
      const f = (await t.call('POST', `${P}/queues/${queueId}/forecasts`, { horizonDays: 7, model: 'mean-last-4' }, planner)).json();
      return (await t.call('POST', `${P}/staffing`, { forecastId: f.id, params: { serviceLevel: 0.8, thresholdSeconds: 20, shrinkage: 0.3 } }, planner)).json().id as string;
    };
    const a = await staffingOf(support.id);
    const b = await staffingOf(billing.id);
    for (const [name, skills] of [['Биллинг 1', ['billing']], ['Биллинг 2', ['billing']], ['Универсал', ['billing', 'support']]] as const) {
      expect((await t.call('POST', `${P}/employees`, { name, skills, templates: ['День 8 ч'] }, planner)).statusCode).toBe(201);
    }
    expect((await t.call('POST', `${P}/schedules`, { staffingId: a, alsoStaffingIds: [a], fromDate: today, days: 7 }, planner)).json().errors[0].field).toBe('body.alsoStaffingIds.0');
    expect((await t.call('POST', `${P}/schedules`, { staffingId: a, alsoStaffingIds: ['00000000-0000-4000-8000-000000000000'], fromDate: today, days: 7 }, planner)).json().errors[0].field).toBe('body.alsoStaffingIds.0');
    // another tenant cannot pull this tenant's staffing into its schedule
    expect((await t.call('POST', `${P}/schedules`, { staffingId: a, fromDate: today, days: 7 }, other)).statusCode).toBe(400);
    const res = await t.call('POST', `${P}/schedules`, { staffingId: a, alsoStaffingIds: [b], fromDate: today, days: 7, timeLimitSeconds: 6 }, planner);
    expect(res.statusCode).toBe(202);
    expect(res.json().queueCodes).toEqual(['billing', 'support']);
    const id = res.json().id as string;
    let board = (await t.call('GET', `${P}/schedules/${id}`, undefined, planner)).json();
    for (let i = 0; i < 240 && board.status === 'optimising'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      board = (await t.call('GET', `${P}/schedules/${id}`, undefined, planner)).json();
    }
    expect(board.status).toBe('ready');
    expect(board.skills.map((s: { queue: string }) => s.queue)).toEqual(['billing', 'support']);
    const required = board.skills.reduce((n: number, s: { required: number }) => n + s.required, 0);
    expect(required).toBeCloseTo(board.requirement.reduce((n: number, r: number) => n + r, 0), 6);
    for (const s of board.skills) expect(s.covered + s.unmet).toBeCloseTo(s.required, 6);
    // the operator's own wishes (set in the test above: 09:00–18:00, and a day off) reach the optimiser; the
    // window is kept (colleagues take the other start times), the day off is a soft wish (see docs/PLANNING.md)
    const dmitry = board.employees.find((e: { name: string }) => e.name === 'Дмитрий Иванов')!;
    const his = board.shifts.filter((s: { employeeId: string }) => s.employeeId === dmitry.id) as Array<{ start: string; end: string }>;
    expect(his.length).toBeGreaterThan(0);
    for (const s of his) expect(s.start.slice(11) >= '09:00' && s.end.slice(11) <= '18:00').toBe(true);
    // the billing-only people are scheduled too (they count for the pooled requirement)
    const names = new Map(board.employees.map((e: { id: string; name: string }) => [e.id, e.name]));
    expect(board.shifts.some((s: { employeeId: string }) => names.get(s.employeeId) === 'Биллинг 1')).toBe(true);
  }, 120_000);

  it('staffs the other channels: chat with concurrency, e-mail by backlog and due time, lines by Erlang B', async () => {
    const ask = (body: object, cookie = planner) => t.call('POST', `${P}/channels`, body, cookie);
    // chat with concurrency 1 is Erlang C: 100 per 30 min, 180 s, 80 % in 20 s → 14; two at once → 7 agents, 10 with 30 % shrinkage
    expect((await ask({ kind: 'chat', chatsPerInterval: 100, chatDurationSeconds: 180, concurrency: 1, thresholdSeconds: 20 })).json()).toMatchObject({ agents: 14, slots: 14 });
    expect((await ask({ kind: 'chat', chatsPerInterval: 100, chatDurationSeconds: 180, concurrency: 2, thresholdSeconds: 20, shrinkage: 0.3 })).json()).toMatchObject({ agents: 7, slots: 14, scheduledAgents: 10, lines: null });
    // 100 messages of 6 min due within an hour: 10 hours of work in one hour → 10 agents
    expect((await ask({ kind: 'email', backlog: 100, ahtSeconds: 360, dueSeconds: 3600 })).json()).toMatchObject({ agents: 10, workloadHours: 10 });
    // Erlang B, A = 1: B(1) = 0.5, B(2) = 0.2 → 2 lines for at most 25 % blocking
    const lines = (await ask({ kind: 'lines', callsPerInterval: 10, intervalSeconds: 1800, holdSeconds: 180, maxBlocking: 0.25 })).json();
    expect(lines.lines).toBe(2);
    expect(lines.blocking).toBeCloseTo(0.2, 12);
    expect((await ask({ kind: 'chat', chatsPerInterval: 10, chatDurationSeconds: 100, concurrency: 0 })).json().errors[0].field).toBe('body.concurrency');
    expect((await ask({ kind: 'fax' })).statusCode).toBe(400);
    expect((await ask({ kind: 'lines', callsPerInterval: 1, holdSeconds: 1, maxBlocking: 0.1 }, op1)).statusCode).toBe(403);
  });
});
