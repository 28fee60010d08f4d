import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { checkVacations, monthCoverage, monthlyRequiredFte, planVacations, type VacationProblem } from '@linia/engine';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { sqlRows } from '../db/connect.ts';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { HttpProblem } from '../http/problem.ts';
import { vacationPlanCreate, vacationPlanOut } from './scheduleContracts.ts';
import { planningEmployees, planningQueues, planningStaffing, planningVacations } from './schema.ts';

const tags = ['planning'];
const base = '/api/v1/planning/vacations';
const use = { permission: 'planning.use' as const };

/**
 * The vacation problem of a year: active employees (28 days unless told), required FTE per month from
 * each queue's latest staffing (person-hours per forecast day) and the history's monthly seasonality.
 */
async function vacationProblem(tx: Tx, year: number, days = 28): Promise<{ problem: VacationProblem; names: Map<string, string> }> {
  const staff = await tx.select().from(planningEmployees).where(eq(planningEmployees.active, true)).orderBy(asc(planningEmployees.name));
  if (staff.length === 0) throw new HttpProblem(422, 'there are no active employees', [{ field: 'employees', message: 'none active' }]);
  let personHours = 0;
  for (const q of await tx.select().from(planningQueues)) {
    const [s] = await tx.select().from(planningStaffing).where(eq(planningStaffing.queueId, q.id)).orderBy(desc(planningStaffing.createdAt)).limit(1);
    if (!s || s.rows.length === 0) continue;
    const dates = new Set(s.rows.map((r) => r.start.slice(0, 10)));
    personHours += (s.rows.reduce((h, r) => h + r.heads, 0) * q.intervalMinutes) / 60 / dates.size;
  }
  // without any staffing yet, assume the team is sized for the work: 80 % of it needed at any time
  if (personHours === 0) personHours = 0.8 * staff.length * (40 / 7);
  const months = await sqlRows<{ month: number; per_day: number }>(tx, sql`
    SELECT extract(month FROM interval_start)::int AS month,
           sum(offered)::float / count(DISTINCT interval_start::date) AS per_day
    FROM planning_history WHERE NOT excluded GROUP BY 1`);
  const seasonal = Array.from({ length: 12 }, (_, m) => months.find((r) => Number(r.month) === m + 1)?.per_day ?? null);
  return {
    problem: { year, employees: staff.map((e) => ({ id: e.id, days })), requiredFte: monthlyRequiredFte(personHours, seasonal.map((v) => (v === null ? null : Number(v)))) },
    names: new Map(staff.map((e) => [e.id, e.name])),
  };
}

/** Vacations (W5): the yearly plan from the engine, stored per employee, conflicts shown. */
export function vacationRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  async function view(tx: Tx, year: number, days?: number) {
    const { problem, names } = await vacationProblem(tx, year, days);
    const rows = await tx.select().from(planningVacations).where(eq(planningVacations.year, year)).orderBy(asc(planningVacations.fromDate));
    const parts = rows.map((r) => ({ employeeId: r.employeeId, from: r.fromDate, to: r.toDate, days: r.days }));
    return {
      year,
      parts: rows.map((r) => ({ id: r.id, employeeId: r.employeeId, employeeName: names.get(r.employeeId) ?? '', from: r.fromDate, to: r.toDate, days: r.days })),
      months: monthCoverage(problem, parts),
      conflicts: checkVacations(problem, parts),
    };
  }

  app.post(`${base}/plan`, {
    config: use,
    schema: { tags, body: vacationPlanCreate, response: { 200: vacationPlanOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      const { problem } = await vacationProblem(tx, req.body.year, req.body.days);
      const plan = planVacations(problem);
      await tx.delete(planningVacations).where(eq(planningVacations.year, req.body.year));
      if (plan.parts.length) await tx.insert(planningVacations).values(plan.parts.map((p) => ({ employeeId: p.employeeId, year: req.body.year, fromDate: p.from, toDate: p.to, days: p.days })));
      return view(tx, req.body.year, req.body.days);
    });
    await announceChange(ctx, req, 'planning_vacation', String(req.body.year), 'create');
    return out;
  });

  app.get(base, {
    config: use,
    schema: { tags, querystring: z.object({ year: z.coerce.number().int().min(2020).max(2035) }), response: { 200: vacationPlanOut } },
  }, (req) => inTenant(ctx, req, (tx) => view(tx, req.query.year)));
}
