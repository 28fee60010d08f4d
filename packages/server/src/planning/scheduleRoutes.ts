import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import { addIsoDays, checkRules } from '@linia/engine';
import { z } from 'zod';
import { withTenant, type Scope } from '../db/index.ts';
import { scopeOf } from '../auth/principal.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { findOr404, idParams, requireReference } from '../http/crud.ts';
import { principalOf } from '../http/guard.ts';
import { HttpProblem } from '../http/problem.ts';
import { envelope } from '../realtime/envelope.ts';
import { users } from '../people/schema.ts';
import {
  employeeCreate, employeeOut, employeePatch, myScheduleOut, preferences, requestCreate, requestDecide, requestOut, rulesOut, rulesPut, scheduleCreate, scheduleOut,
  scheduleSummaryOut, shiftMoved, shiftPatch, templateCreate, templateOut, templatePatch,
} from './scheduleContracts.ts';
import { optimiseInWorker } from './optimiseRunner.ts';
import { createRequest, decideRequest, employeeOfUser, listRequests, requestsOut } from './requests.ts';
import { createSchedule, moveShift, scheduleProblem, scheduleView, storeResult, tenantRules, toScheduleSummary, toShiftOut } from './schedules.ts';
import { planningEmployees, planningQueues, planningRules, planningSchedules, planningShifts, planningShiftTemplates } from './schema.ts';
import { vacationRoutes } from './vacationRoutes.ts';

const tags = ['planning'];
const base = '/api/v1/planning';
const use = { permission: 'planning.use' as const };

/** Schedules (W4): employees, shift templates, labour rules, optimisation off the request thread, the board, publishing, requests. */
export function scheduleRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  entityRoutes(root, ctx, {
    path: `${base}/employees`,
    entity: 'planning_employee',
    title: 'Employee',
    table: planningEmployees,
    view: 'planning.use',
    edit: 'planning.use',
    out: employeeOut,
    toOut: (e) => ({ ...e, createdAt: e.createdAt.toISOString() }),
    create: employeeCreate,
    patch: employeePatch,
    listQuery: z.object({}),
    listFilters: () => [],
    prepareCreate: async (tx, body) => {
      if (body.userId) await requireReference(tx, users, body.userId, 'body.userId', 'user');
      return { ...body, userId: body.userId ?? null, monthlyNormHours: body.monthlyNormHours ?? null };
    },
    preparePatch: async (tx, body) => {
      if (body.userId) await requireReference(tx, users, body.userId, 'body.userId', 'user');
      return body;
    },
  });

  entityRoutes(root, ctx, {
    path: `${base}/shift-templates`,
    entity: 'planning_shift_template',
    title: 'Shift template',
    table: planningShiftTemplates,
    view: 'planning.use',
    edit: 'planning.use',
    out: templateOut,
    toOut: (t) => ({ ...t, createdAt: t.createdAt.toISOString() }),
    create: templateCreate as unknown as z.ZodObject<(typeof templateCreate)['shape']>,
    patch: templatePatch,
    listQuery: z.object({}),
    listFilters: () => [],
    prepareCreate: async (tx, body) => {
      // a template longer than the maximum shift is refused here, not discovered by the optimiser
      const problems = checkRules(await tenantRules(tx), [{ name: body.name, lengthHours: body.lengthMinutes / 60 }]);
      if (problems.length) throw new HttpProblem(400, problems.join('; '), problems.map((message) => ({ field: 'body.lengthMinutes', message })));
      return body;
    },
  });

  app.get(`${base}/rules`, { config: use, schema: { tags, response: { 200: rulesOut } } }, (req) => inTenant(ctx, req, tenantRules));

  app.put(`${base}/rules`, { config: use, schema: { tags, body: rulesPut, response: { 200: rulesOut } } }, async (req) => {
    const problems = checkRules(req.body);
    if (problems.length) throw new HttpProblem(400, problems.join('; '), problems.map((message) => ({ field: 'body', message })));
    return inTenant(ctx, req, async (tx) => {
      await tx.insert(planningRules).values({ rules: req.body }).onConflictDoUpdate({ target: planningRules.tenantId, set: { rules: req.body } });
      return req.body;
    });
  });

  /** Builds the problem in the request (so impossible rules answer at once), then solves in a worker thread. */
  async function startOptimising(scope: Scope, scheduleId: string) {
    const problem = await withTenant(ctx.db, scope, async (tx) => {
      const s = await findOr404(tx, planningSchedules, scheduleId, 'Schedule');
      if (s.status === 'optimising') throw new HttpProblem(409, 'the schedule is already being optimised');
      const p = await scheduleProblem(tx, s);
      await tx.update(planningSchedules).set({ status: 'optimising', optimiseStartedAt: new Date() }).where(eq(planningSchedules.id, scheduleId));
      return p;
    });
    const started = performance.now();
    const announce = () => ctx.bus.publish(envelope(scope.tenantId, 'tenant', 'planning_schedule.changed', { id: scheduleId, action: 'update' }));
    void optimiseInWorker(problem)
      .then((result) => withTenant(ctx.db, scope, (tx) => storeResult(tx, scheduleId, result, (performance.now() - started) / 1000)))
      .catch((err: unknown) =>
        withTenant(ctx.db, scope, (tx) =>
          tx.update(planningSchedules).set({ status: 'failed', summary: { requirement: [], coverage: [], under: 0, over: 0, gap: null, lpBound: null, conflicts: [], problems: [err instanceof Error ? err.message : String(err)], seconds: 0 } }).where(eq(planningSchedules.id, scheduleId)),
        ),
      )
      .then(announce)
      .catch(() => {}); // the database closed under a finished job (shutdown): nothing left to tell
  }

  app.post(`${base}/schedules`, {
    config: use,
    schema: { tags, body: scheduleCreate, response: { 202: scheduleSummaryOut } },
  }, async (req, reply) => {
    const row = await inTenant(ctx, req, (tx) => createSchedule(tx, req.body));
    try {
      await startOptimising(scopeOf(principalOf(req), req.id), row.id);
    } catch (err) {
      await inTenant(ctx, req, (tx) => tx.delete(planningSchedules).where(eq(planningSchedules.id, row.id)));
      throw err;
    }
    await announceChange(ctx, req, 'planning_schedule', row.id, 'create');
    return reply.code(202).send({ ...toScheduleSummary(row), status: 'optimising' as const });
  });

  app.post(`${base}/schedules/:id/optimise`, {
    config: use,
    schema: { tags, params: idParams, response: { 202: z.object({ id: z.uuid(), status: z.literal('optimising') }) } },
  }, async (req, reply) => {
    await startOptimising(scopeOf(principalOf(req), req.id), req.params.id);
    return reply.code(202).send({ id: req.params.id, status: 'optimising' as const });
  });

  app.get(`${base}/schedules`, {
    config: use,
    schema: { tags, querystring: z.object({ queueId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(scheduleSummaryOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const rows = await tx.select().from(planningSchedules).where(req.query.queueId ? eq(planningSchedules.queueId, req.query.queueId) : undefined).orderBy(desc(planningSchedules.createdAt)).limit(50);
    return { items: rows.map(toScheduleSummary) };
  }));

  app.get(`${base}/schedules/:id`, {
    config: use,
    schema: { tags, params: idParams, response: { 200: scheduleOut } },
  }, (req) => inTenant(ctx, req, (tx) => scheduleView(tx, req.params.id)));

  app.post(`${base}/schedules/:id/publish`, {
    config: use,
    schema: { tags, params: idParams, response: { 200: scheduleSummaryOut } },
  }, async (req) => {
    const row = await inTenant(ctx, req, async (tx) => {
      const s = await findOr404(tx, planningSchedules, req.params.id, 'Schedule');
      if (s.status !== 'ready' && s.status !== 'published') throw new HttpProblem(409, `a ${s.status} schedule cannot be published`);
      const [p] = await tx.update(planningSchedules).set({ status: 'published', publishedAt: new Date() }).where(eq(planningSchedules.id, s.id)).returning();
      return p!;
    });
    await announceChange(ctx, req, 'planning_schedule', row.id, 'publish');
    return toScheduleSummary(row);
  });

  app.patch(`${base}/shifts/:id`, {
    config: use,
    schema: { tags, params: idParams, body: shiftPatch, response: { 200: shiftMoved } },
  }, async (req) => {
    const out = await inTenant(ctx, req, (tx) => moveShift(tx, req.params.id, req.body));
    await announceChange(ctx, req, 'planning_shift', out.shift.id, 'update');
    return out;
  });

  // ── the operator's side (desk): own published shifts and requests ──
  app.get(`${base}/my-schedule`, {
    config: { permission: 'desk.use' },
    schema: { tags, querystring: z.object({ from: z.iso.date().optional() }), response: { 200: myScheduleOut } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const me = await employeeOfUser(tx, principalOf(req).id);
    if (!me) return { employee: null, shifts: [], colleagues: [], requests: [] };
    const from = req.query.from ?? new Date().toISOString().slice(0, 10);
    const rows = await tx
      .select({ shift: planningShifts, queueName: planningQueues.name })
      .from(planningShifts)
      .innerJoin(planningSchedules, eq(planningSchedules.id, planningShifts.scheduleId))
      .innerJoin(planningQueues, eq(planningQueues.id, planningSchedules.queueId))
      .where(and(eq(planningShifts.employeeId, me.id), eq(planningSchedules.status, 'published'), gte(planningShifts.startsAt, `${from} 00:00:00`), lte(planningShifts.startsAt, `${addIsoDays(from, 62)} 00:00:00`)))
      .orderBy(asc(planningShifts.startsAt));
    const colleagues = (await tx.select().from(planningEmployees).where(eq(planningEmployees.active, true))).filter((e) => e.id !== me.id && e.skills.some((s) => me.skills.includes(s)));
    return {
      employee: { id: me.id, name: me.name, preferences: me.preferences, unavailable: me.unavailable },
      shifts: rows.map((r) => ({ ...toShiftOut(r.shift), scheduleId: r.shift.scheduleId, queueName: r.queueName })),
      colleagues: colleagues.map((c) => ({ id: c.id, name: c.name })),
      requests: await listRequests(tx, me.id),
    };
  }));

  // The operator states their own wishes; the planner's next optimisation weighs them (soft, see engine problem.ts).
  app.put(`${base}/my-preferences`, {
    config: { permission: 'desk.use' },
    schema: { tags, body: preferences, response: { 200: employeeOut.shape.preferences } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      const me = await employeeOfUser(tx, principalOf(req).id);
      if (!me) throw new HttpProblem(403, 'you are not an employee in the schedules');
      const [row] = await tx.update(planningEmployees).set({ preferences: req.body }).where(eq(planningEmployees.id, me.id)).returning();
      return row!;
    });
    await announceChange(ctx, req, 'planning_employee', out.id, 'update');
    return out.preferences;
  });

  app.post(`${base}/my-requests`, {
    config: { permission: 'desk.use' },
    schema: { tags, body: requestCreate, response: { 201: requestOut } },
  }, async (req, reply) => {
    const out = await inTenant(ctx, req, async (tx) => (await requestsOut(tx, [await createRequest(tx, principalOf(req).id, req.body)]))[0]!);
    await announceChange(ctx, req, 'planning_request', out.id, 'create');
    return reply.code(201).send(out);
  });

  app.get(`${base}/requests`, {
    config: use,
    schema: { tags, response: { 200: z.object({ items: z.array(requestOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => ({ items: await listRequests(tx) })));

  app.post(`${base}/requests/:id/decide`, {
    config: use,
    schema: { tags, params: idParams, body: requestDecide, response: { 200: requestOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => (await requestsOut(tx, [await decideRequest(tx, req.params.id, req.body.approve, principalOf(req).id)]))[0]!);
    await announceChange(ctx, req, 'planning_request', out.id, 'update');
    return out;
  });

  vacationRoutes(root, ctx);
}
