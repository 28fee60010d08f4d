import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { entityRoutes } from '../http/entityRoutes.ts';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { findOr404, idParams, requireReference } from '../http/crud.ts';
import { principalOf } from '../http/guard.ts';
import { monthlyForecast, productionCalendar } from '@linia/engine';
import { badField } from '../http/problem.ts';
import { hotlines } from '../tenants/schema.ts';
import {
  eventCreate, eventOut, eventPatch, forecastCreate, forecastOut, forecastSummary, historyImport, historyOut, historyPatch, historyQuery,
  channelOut, channelRequest, importReport, longTermOut, longTermQuery, queueCreate, queueOut, queuePatch, reforecastOut, reforecastRequest, staffingCreate, staffingOut, whatIfOut, whatIfRequest,
} from './contracts.ts';
import { channelStaffing } from './channels.ts';
import { createForecast, forecastHistory } from './forecast.ts';
import { reforecastQueue } from './reforecast.ts';
import { historyView, importHistory } from './history.ts';
import { historyFromJournal } from './historyFromJournal.ts';
import { planningEvents, planningForecasts, planningHistory, planningQueues, planningStaffing } from './schema.ts';
import { staffingRows, whatIf } from './staffing.ts';
import { toEventOut, toForecastOut, toForecastSummary, toQueueOut, toStaffingOut } from './views.ts';
import { scheduleRoutes } from './scheduleRoutes.ts';

const tags = ['planning'];
const base = '/api/v1/planning';
const use = { permission: 'planning.use' as const };

/** Resource planning (W1–W3): planning queues, history and its import, events, forecasts, staffing. Schedules: scheduleRoutes. */
export function planningRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  entityRoutes(root, ctx, {
    path: `${base}/queues`,
    entity: 'planning_queue',
    title: 'Planning queue',
    table: planningQueues,
    view: 'planning.use',
    edit: 'planning.use',
    out: queueOut,
    toOut: toQueueOut,
    create: queueCreate,
    patch: queuePatch,
    listQuery: z.object({}),
    listFilters: () => [],
    prepareCreate: async (tx, body) => {
      if (body.hotlineId) await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
      return { ...body, hotlineId: body.hotlineId ?? null };
    },
    preparePatch: async (tx, body) => {
      if (body.hotlineId) await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
      return body;
    },
  });

  entityRoutes(root, ctx, {
    path: `${base}/events`,
    entity: 'planning_event',
    title: 'Planning event',
    table: planningEvents,
    view: 'planning.use',
    edit: 'planning.use',
    out: eventOut,
    toOut: toEventOut,
    create: eventCreate as unknown as z.ZodObject<(typeof eventCreate)['shape']>,
    patch: eventPatch,
    listQuery: z.object({ queueId: z.uuid().optional() }),
    listFilters: (q) => [q.queueId ? eq(planningEvents.queueId, q.queueId) : undefined],
    prepareCreate: async (tx, body) => {
      if (body.queueId) await requireReference(tx, planningQueues, body.queueId, 'body.queueId', 'planning queue');
      return { ...body, queueId: body.queueId ?? null, uplift: body.uplift ?? null };
    },
  });

  app.post(`${base}/history/import`, {
    config: use,
    // A year of half-hours of several queues is a few megabytes of CSV.
    bodyLimit: 25 * 1024 * 1024,
    schema: { tags, body: historyImport, response: { 200: importReport } },
  }, async (req) => {
    const report = await inTenant(ctx, req, (tx) => importHistory(tx, req.body));
    if (report.stored) await announceChange(ctx, req, 'planning_history', 'import', 'create');
    return report;
  });

  // The ACD's interval cells of the queue's hotline become its history (no CSV needed once Linia routes the calls).
  app.post(`${base}/queues/:id/history/from-journal`, {
    config: { permission: 'planning.use' },
    schema: {
      tags,
      params: idParams,
      body: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
      response: { 200: z.object({ rows: z.number().int(), offered: z.number().int() }) },
    },
  }, async (req) => {
    const out = await inTenant(ctx, req, (tx) => historyFromJournal(tx, req.params.id, req.body.from, req.body.to));
    await announceChange(ctx, req, 'planning_history', req.params.id, 'update');
    return out;
  });

  app.get(`${base}/queues/:id/history`, {
    config: use,
    schema: { tags, params: idParams, querystring: historyQuery, response: { 200: historyOut } },
  }, (req) => inTenant(ctx, req, (tx) => historyView(tx, req.params.id, req.query)));

  app.patch(`${base}/history/:id`, {
    config: use,
    schema: { tags, params: idParams, body: historyPatch, response: { 200: z.object({ id: z.uuid(), excluded: z.boolean() }) } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await findOr404(tx, planningHistory, req.params.id, 'History interval');
      const [row] = await tx.update(planningHistory).set({ excluded: req.body.excluded }).where(eq(planningHistory.id, req.params.id)).returning();
      return { id: row!.id, excluded: row!.excluded };
    });
    await announceChange(ctx, req, 'planning_history', out.id, 'update');
    return out;
  });

  app.post(`${base}/queues/:id/forecasts`, {
    config: use,
    schema: { tags, params: idParams, body: forecastCreate, response: { 201: forecastOut } },
  }, async (req, reply) => {
    const row = await inTenant(ctx, req, (tx) => createForecast(tx, req.params.id, principalOf(req).kind === 'user' ? principalOf(req).id : null, req.body));
    await announceChange(ctx, req, 'planning_forecast', row.id, 'create');
    return reply.code(201).send(toForecastOut(row));
  });

  app.get(`${base}/queues/:id/forecasts`, {
    config: use,
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(forecastSummary) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await findOr404(tx, planningQueues, req.params.id, 'Planning queue');
    const rows = await tx.select().from(planningForecasts).where(eq(planningForecasts.queueId, req.params.id)).orderBy(desc(planningForecasts.createdAt)).limit(20);
    return { items: rows.map(toForecastSummary) };
  }));

  // Today so far → the rest of today (volume, AHT, heads); may first pull the day's figures from the journal.
  app.post(`${base}/queues/:id/reforecast`, {
    config: use,
    schema: { tags, params: idParams, body: reforecastRequest, response: { 200: reforecastOut } },
  }, (req) => inTenant(ctx, req, (tx) => reforecastQueue(tx, req.params.id, req.body, new Date())));

  // Months ahead: calls, agent-hours and heads per month (engine monthlyForecast over the production calendar).
  app.get(`${base}/queues/:id/long-term`, {
    config: use,
    schema: { tags, params: idParams, querystring: longTermQuery, response: { 200: longTermOut } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const queue = await findOr404(tx, planningQueues, req.params.id, 'Planning queue');
    const { points } = await forecastHistory(tx, queue.id, queue.intervalMinutes);
    if (points.length === 0) throw badField('params.id', 'the queue has no history yet: import it first');
    const q = req.query;
    const months = monthlyForecast(points, { intervalMinutes: queue.intervalMinutes, months: q.months, calendar: productionCalendar(), serviceLevel: q.serviceLevel, thresholdSeconds: q.thresholdSeconds, shrinkage: q.shrinkage });
    const r = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
    return { months: months.map((m) => ({ ...m, calls: r(m.calls, 0), ahtSeconds: r(m.ahtSeconds), workloadHours: r(m.workloadHours), agentHours: r(m.agentHours), fte: r(m.fte, 2) })) };
  }));

  app.get(`${base}/forecasts/:id`, {
    config: use,
    schema: { tags, params: idParams, response: { 200: forecastOut } },
  }, (req) => inTenant(ctx, req, async (tx) => toForecastOut(await findOr404(tx, planningForecasts, req.params.id, 'Forecast'))));

  app.post(`${base}/staffing`, {
    config: use,
    schema: { tags, body: staffingCreate, response: { 201: staffingOut } },
  }, async (req, reply) => {
    const row = await inTenant(ctx, req, async (tx) => {
      const f = await requireReference(tx, planningForecasts, req.body.forecastId, 'body.forecastId', 'forecast');
      const rows = staffingRows(f.points, f.intervalMinutes, req.body.params);
      const [s] = await tx.insert(planningStaffing).values({ queueId: f.queueId, forecastId: f.id, params: req.body.params, rows }).returning();
      return s!;
    });
    await announceChange(ctx, req, 'planning_staffing', row.id, 'create');
    return reply.code(201).send(toStaffingOut(row));
  });

  app.get(`${base}/staffing/:id`, {
    config: use,
    schema: { tags, params: idParams, response: { 200: staffingOut } },
  }, (req) => inTenant(ctx, req, async (tx) => toStaffingOut(await findOr404(tx, planningStaffing, req.params.id, 'Staffing'))));

  app.get(`${base}/queues/:id/staffing`, {
    config: use,
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(staffingOut.omit({ rows: true })) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await findOr404(tx, planningQueues, req.params.id, 'Planning queue');
    const rows = await tx.select().from(planningStaffing).where(and(eq(planningStaffing.queueId, req.params.id))).orderBy(desc(planningStaffing.createdAt)).limit(20);
    return { items: rows.map((s) => { const { rows: _rows, ...rest } = toStaffingOut(s); return rest; }) };
  }));

  app.post(`${base}/what-if`, {
    config: use,
    schema: { tags, body: whatIfRequest, response: { 200: whatIfOut } },
  }, (req) => whatIf(req.body));

  app.post(`${base}/channels`, {
    config: use,
    schema: { tags, body: channelRequest, response: { 200: channelOut } },
  }, (req) => channelStaffing(req.body));

  scheduleRoutes(root, ctx);
}
