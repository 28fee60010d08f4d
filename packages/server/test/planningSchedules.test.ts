import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const P = '/api/v1/planning';

interface Shift { id: string; employeeId: string; start: string; end: string; manual: boolean; template: string }
interface Board { status: string; requirement: number[]; scheduled: number[]; under: number; over: number; shifts: Shift[]; violations: Array<{ rule: string; shiftIds: string[] }>; employees: Array<{ id: string; name: string }>; optimiser: { gap: number | null; problems: string[] } | null }

describe(`planning: schedules and requests (${dbKind})`, () => {
  let t: TestApp;
  let planner: string;
  let lead: string;
  let op1: string;
  let op2: string;
  let other: string;
  let staffingId: string;
  let fromDate: string;
  let scheduleId: string;
  const call = (method: Method, url: string, payload?: object, cookie = planner) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const board = async (): Promise<Board> => (await call('GET', `${P}/schedules/${scheduleId}`)).json();
  const settled = async (): Promise<Board> => {
    for (let i = 0; i < 240; i++) {
      const b = await board();
      if (b.status !== 'optimising') return b;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the optimiser did not finish');
  };

  beforeAll(async () => {
    t = await testApp();
    planner = await t.login('planner');
    lead = await t.login('lead');
    op1 = await t.login('operator1');
    op2 = await t.login('operator2');
    other = await t.login(OTHER.admin, OTHER.password);
    const queue = ((await call('GET', `${P}/queues`)).json().items as Array<{ id: string; code: string }>).find((q) => q.code === 'support')!;
    const forecast = (await call('POST', `${P}/queues/${queue.id}/forecasts`, { horizonDays: 7, model: 'mean-last-4' })).json();
    fromDate = forecast.fromDate;
    staffingId = (await call('POST', `${P}/staffing`, { forecastId: forecast.id, params: { serviceLevel: 0.8, thresholdSeconds: 20, shrinkage: 0.3, maxOccupancy: 0.85 } })).json().id;
  });
  afterAll(() => t.close());

  it('refuses impossible templates and rules before solving', async () => {
    const long = await call('POST', `${P}/shift-templates`, { name: 'Сутки', earliestStart: '08:00', latestStart: '08:00', lengthMinutes: 1440 });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({ field: 'body.lengthMinutes' });
    expect(long.json().errors[0].message).toMatch(/longer than the maximum 12 h/);
    const rules = await call('PUT', `${P}/rules`, { maxShiftHours: 12, minRestHours: 12, weeklyRestHours: 30 });
    expect(rules.statusCode).toBe(400);
    expect(rules.json().detail).toMatch(/below the 42 h/);
    expect((await call('GET', `${P}/rules`)).json()).toEqual({ maxShiftHours: 12, minRestHours: 12, weeklyRestHours: 42, nightStartHour: 22, nightEndHour: 6 });
    expect((await call('POST', `${P}/shift-templates`, { name: 'x', earliestStart: '10:00', latestStart: '09:00', lengthMinutes: 480 })).json().errors[0].field).toBe('body.latestStart');
    expect((await call('POST', `${P}/schedules`, { staffingId, fromDate, days: 0 })).json().errors[0].field).toBe('body.days');
    const foreign = await call('POST', `${P}/schedules`, { staffingId, fromDate, days: 7 }, other);
    expect(foreign.json().errors[0].field).toBe('body.staffingId');
    expect((await call('POST', `${P}/schedules`, { staffingId, fromDate: '2020-01-01', days: 7 })).json().errors[0].field).toBe('body.fromDate');
  });

  it('optimises off the request thread and shows required vs scheduled with lawful shifts', async () => {
    const res = await call('POST', `${P}/schedules`, { staffingId, fromDate, days: 7, timeLimitSeconds: 6 });
    expect(res.statusCode).toBe(202);
    expect(res.json().status).toBe('optimising');
    scheduleId = res.json().id;
    // the server answers other requests while the worker solves
    expect((await call('GET', `${P}/rules`)).statusCode).toBe(200);
    const b = await settled();
    expect(b.optimiser?.problems).toEqual([]);
    expect(b.status).toBe('ready');
    expect(b.shifts.length).toBeGreaterThan(40);
    expect(b.requirement).toHaveLength(7 * 96);
    expect(b.scheduled).toHaveLength(7 * 96);
    expect(b.violations).toEqual([]);
    expect(b.optimiser!.gap).not.toBeNull();
    // scheduled heads are the presence of the shifts: their sum is the shifts' hours × 4 (quarters)
    const hours = b.shifts.reduce((h, s) => h + (Date.parse(`${s.end}Z`) - Date.parse(`${s.start}Z`)) / 3_600_000, 0);
    expect(b.scheduled.reduce((a, x) => a + x, 0)).toBeCloseTo(hours * 4, 6);
    expect((await call('GET', `${P}/schedules/${scheduleId}`, undefined, other)).statusCode).toBe(404);
    expect((await call('GET', `${P}/schedules?queueId=nope`)).json().errors[0].field).toBe('query.queueId');
    expect((await call('GET', `${P}/schedules`, undefined, other)).json().items).toEqual([]);
  }, 120_000);

  it('moves a shift by hand, reports broken labour rules, and keeps manual shifts on re-optimising', async () => {
    const b = await board();
    const byEmployee = new Map<string, Shift[]>();
    for (const s of b.shifts) byEmployee.set(s.employeeId, [...(byEmployee.get(s.employeeId) ?? []), s]);
    const [first, second] = [...byEmployee.values()].find((list) => list.length >= 2 && list[1]!.start.slice(0, 10) !== list[0]!.start.slice(0, 10))!;
    // the next day's shift moved to 2 h after the first one ends: less than 12 h of rest
    const end = new Date(Date.parse(`${first!.end}Z`) + 2 * 3_600_000).toISOString().slice(0, 16);
    const moved = await call('PATCH', `${P}/shifts/${second!.id}`, { start: end });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().shift).toMatchObject({ id: second!.id, start: end, manual: true });
    expect(moved.json().violations.some((v: { rule: string; shiftIds: string[] }) => (v.rule === 'min-rest' || v.rule === 'two-shifts-in-a-row') && v.shiftIds.includes(second!.id))).toBe(true);
    expect((await call('PATCH', `${P}/shifts/${second!.id}`, { start: '2020-01-01T08:00' })).json().errors[0].field).toBe('body.start');
    expect((await call('PATCH', `${P}/shifts/${second!.id}`, { start: end }, other)).statusCode).toBe(404);
    // a lawful move: back to the same time on its own day
    const lawful = await call('PATCH', `${P}/shifts/${second!.id}`, { start: second!.start });
    expect(lawful.json().violations).toEqual([]);
    expect((await call('POST', `${P}/schedules/${scheduleId}/optimise`)).statusCode).toBe(202);
    expect((await call('POST', `${P}/schedules/${scheduleId}/optimise`)).statusCode).toBe(409);
    const after = await settled();
    expect(after.status).toBe('ready');
    expect(after.shifts.find((s) => s.id === second!.id)).toMatchObject({ start: second!.start, manual: true, employeeId: second!.employeeId });
    expect(after.violations).toEqual([]);
  }, 120_000);

  it('publishes; the operator sees only their own published shifts; operators cannot plan', async () => {
    expect((await call('GET', `${P}/my-schedule`, undefined, op1)).json().shifts).toEqual([]);
    const pub = await call('POST', `${P}/schedules/${scheduleId}/publish`, undefined, lead);
    expect(pub.json().status).toBe('published');
    const mine = (await call('GET', `${P}/my-schedule?from=${fromDate}`, undefined, op1)).json();
    const b = await board();
    const employee = b.employees.find((e) => e.name === 'Дмитрий Иванов')!;
    expect(mine.employee).toEqual({ id: employee.id, name: 'Дмитрий Иванов', preferences: {}, unavailable: [] });
    expect(mine.shifts.map((s: Shift) => s.id).sort()).toEqual(b.shifts.filter((s) => s.employeeId === employee.id).map((s) => s.id).sort());
    expect(mine.shifts.length).toBeGreaterThan(0);
    // "my schedule" belongs to the desk: a planner without desk.use has none
    expect((await call('GET', `${P}/my-schedule`, undefined, planner)).statusCode).toBe(403);
    expect((await call('GET', `${P}/schedules/${scheduleId}`, undefined, op1)).statusCode).toBe(403);
    expect((await call('PATCH', `${P}/shifts/${mine.shifts[0].id}`, { start: mine.shifts[0].start }, op1)).statusCode).toBe(403);
  });

  it('swaps a shift and grants time off after approval by a group lead', async () => {
    const mine = (await call('GET', `${P}/my-schedule?from=${fromDate}`, undefined, op1)).json();
    const theirs = (await call('GET', `${P}/my-schedule?from=${fromDate}`, undefined, op2)).json();
    const shift = mine.shifts[0];
    const bad = await call('POST', `${P}/my-requests`, { kind: 'swap', shiftId: theirs.shifts[0]?.id ?? shift.id, otherEmployeeId: mine.employee.id }, op1);
    expect(bad.statusCode).toBe(400);
    const swap = await call('POST', `${P}/my-requests`, { kind: 'swap', shiftId: shift.id, otherEmployeeId: theirs.employee.id, note: 'семейные обстоятельства' }, op1);
    expect(swap.statusCode).toBe(201);
    expect(swap.json()).toMatchObject({ status: 'pending', employeeName: 'Дмитрий Иванов', otherEmployeeName: 'Наталья Соколова', shiftStart: shift.start });
    expect((await call('POST', `${P}/requests/${swap.json().id}/decide`, { approve: true }, op1)).statusCode).toBe(403);
    expect((await call('POST', `${P}/requests/${swap.json().id}/decide`, { approve: true }, other)).statusCode).toBe(404);
    const ok = await call('POST', `${P}/requests/${swap.json().id}/decide`, { approve: true }, lead);
    expect(ok.json().status).toBe('approved');
    expect((await call('POST', `${P}/requests/${swap.json().id}/decide`, { approve: false }, lead)).statusCode).toBe(409);
    const after = (await call('GET', `${P}/my-schedule?from=${fromDate}`, undefined, op2)).json();
    expect(after.shifts.map((s: Shift) => s.id)).toContain(shift.id);

    const badOff = await call('POST', `${P}/my-requests`, { kind: 'time_off', fromDate: '2026-05-10', toDate: '2026-05-01' }, op1);
    expect(badOff.json().errors[0].field).toBe('body.toDate');
    const day = mine.shifts[1].start.slice(0, 10);
    const off = await call('POST', `${P}/my-requests`, { kind: 'time_off', fromDate: day, toDate: day }, op1);
    expect(off.statusCode).toBe(201);
    expect((await call('GET', `${P}/requests`)).json().items.map((r: { id: string }) => r.id)).toContain(off.json().id);
    await call('POST', `${P}/requests/${off.json().id}/decide`, { approve: true });
    const left = (await call('GET', `${P}/my-schedule?from=${fromDate}`, undefined, op1)).json();
    expect(left.shifts.some((s: Shift) => s.start.startsWith(day))).toBe(false);
    expect(left.requests.map((r: { status: string }) => r.status)).toEqual(['approved', 'approved']);
  });

  it('plans the vacations of a year: 28 days each, one part of at least 14, coverage per month', async () => {
    expect((await call('POST', `${P}/vacations/plan`, { year: 2019 })).json().errors[0].field).toBe('body.year');
    expect((await call('POST', `${P}/vacations/plan`, { year: 2027 }, op1)).statusCode).toBe(403);
    const res = await call('POST', `${P}/vacations/plan`, { year: 2027 }, lead);
    expect(res.statusCode).toBe(200);
    const plan = res.json() as { parts: Array<{ employeeId: string; from: string; to: string; days: number }>; months: unknown[]; conflicts: unknown[] };
    const byEmployee = new Map<string, number[]>();
    for (const p of plan.parts) byEmployee.set(p.employeeId, [...(byEmployee.get(p.employeeId) ?? []), p.days]);
    expect(byEmployee.size).toBe(20);
    for (const days of byEmployee.values()) {
      expect(days.reduce((a, b) => a + b, 0)).toBe(28);
      expect(Math.max(...days)).toBeGreaterThanOrEqual(14);
    }
    expect(plan.parts.every((p) => p.from >= '2027-01-01' && p.to <= '2027-12-31' && p.from <= p.to)).toBe(true);
    expect(plan.months).toHaveLength(12);
    const again = (await call('GET', `${P}/vacations?year=2027`)).json();
    expect(again.parts).toHaveLength(plan.parts.length);
    expect((await call('GET', `${P}/vacations?year=2027`, undefined, other)).statusCode).toBe(422);
  });

  it('keeps employees, templates, rules and queues per tenant and checks their references', async () => {
    const users = (await call('GET', '/api/v1/users', undefined, other)).json().items as Array<{ id: string }>;
    const foreignUser = await call('POST', `${P}/employees`, { name: 'Чужой', userId: users[0]!.id });
    expect(foreignUser.statusCode).toBe(400);
    expect(foreignUser.json().errors[0].field).toBe('body.userId');
    expect((await call('POST', `${P}/employees`, { name: 'X', rate: 1.5 })).json().errors[0].field).toBe('body.rate');
    const created = await call('POST', `${P}/employees`, { name: 'Новый сотрудник', skills: ['sales'], rate: 0.75, preferences: { earliestStart: '09:00' } }, lead);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Новый сотрудник', rate: 0.75, skills: ['sales'], userId: null });
    expect((await call('GET', `${P}/employees/${created.json().id}`, undefined, other)).statusCode).toBe(404);
    expect((await call('PATCH', `${P}/employees/${created.json().id}`, { rate: 0.5 }, other)).statusCode).toBe(404);
    expect((await call('GET', `${P}/employees`, undefined, op1)).statusCode).toBe(403);
    const template = await call('POST', `${P}/shift-templates`, { name: 'Вечер', earliestStart: '14:00', latestStart: '15:00', startStepMinutes: 30, lengthMinutes: 480 });
    expect(template.statusCode).toBe(201);
    expect((await call('GET', `${P}/shift-templates`, undefined, other)).json().items).toEqual([]);
    const rules = await call('PUT', `${P}/rules`, { maxShiftHours: 11, minRestHours: 12, weeklyRestHours: 42 });
    expect(rules.json()).toEqual({ maxShiftHours: 11, minRestHours: 12, weeklyRestHours: 42, nightStartHour: 22, nightEndHour: 6 });
    expect((await call('GET', `${P}/rules`, undefined, other)).json().maxShiftHours).toBe(12);
    const hotlines = (await call('GET', '/api/v1/hotlines', undefined, other)).json().items as Array<{ id: string }>;
    const q = await call('POST', `${P}/queues`, { code: 'x', name: 'X', hotlineId: hotlines[0]!.id });
    expect(q.json().errors[0].field).toBe('body.hotlineId');
    expect((await call('POST', `${P}/queues`, { code: 'support', name: 'dup' })).statusCode).toBe(409);
    expect((await call('POST', `${P}/queues`, { code: 'support', name: 'own' }, other)).statusCode).toBe(201);
  });
});
