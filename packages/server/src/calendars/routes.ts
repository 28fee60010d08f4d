import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addBusinessTime, checkBusinessCalendar } from '@linia/engine';
import { sql } from 'drizzle-orm';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { findOr404, idParams, requireReference } from '../http/crud.ts';
import { badField } from '../http/problem.ts';
import { hotlines } from '../tenants/schema.ts';
import { calendarCreate, calendarOut, calendarPatch, calendarProbe, calendarProbeOut, serviceSettingsOut, serviceSettingsPut } from './contracts.ts';
import { businessCalendars, hotlineServiceSettings } from './schema.ts';
import { serviceSettingsOf, toBusinessCalendar, toCalendarOut } from './service.ts';
import { z } from 'zod';

/** The engine's own checks of a whole calendar (overlapping stretches, no working time), as bad fields. */
function checked<T extends Partial<z.infer<typeof calendarCreate>>>(body: T, current?: typeof businessCalendars.$inferSelect): T {
  const merged = { ...(current ? toBusinessCalendar(current) : {}), ...body } as Parameters<typeof checkBusinessCalendar>[0];
  const [first] = checkBusinessCalendar(merged);
  if (first) throw badField(`body.${first.path}`, first.message);
  return body;
}

/** Business calendars (CRUD), a probe of due times, and a hotline's service settings. */
export function calendarRoutes(root: FastifyInstance, ctx: AppContext) {
  entityRoutes(root, ctx, {
    path: '/api/v1/calendars',
    entity: 'calendar',
    title: 'Calendar',
    table: businessCalendars,
    view: 'cases.view',
    edit: 'cases.manage',
    out: calendarOut,
    toOut: toCalendarOut,
    create: calendarCreate,
    patch: calendarPatch,
    listQuery: z.object({}),
    listFilters: () => [],
    prepareCreate: async (_tx, body) => checked(body),
    preparePatch: async (_tx, body, current) => checked(body, current),
  });

  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendars'];

  app.get('/api/v1/calendars/:id/due', {
    config: { permission: 'cases.view' },
    schema: { tags, params: idParams, querystring: calendarProbe, response: { 200: calendarProbeOut } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const row = await findOr404(tx, businessCalendars, req.params.id, 'Calendar');
    const due = addBusinessTime(Date.parse(req.query.from), req.query.minutes * 60_000, toBusinessCalendar(row));
    return { dueAt: new Date(due).toISOString() };
  }));

  app.get('/api/v1/hotlines/:id/service-settings', {
    config: { permission: 'cases.view' },
    schema: { tags, params: idParams, response: { 200: serviceSettingsOut } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await findOr404(tx, hotlines, req.params.id, 'Hotline');
    return serviceSettingsOf(tx, req.params.id);
  }));

  app.put('/api/v1/hotlines/:id/service-settings', {
    config: { permission: 'cases.manage' },
    schema: { tags, params: idParams, body: serviceSettingsPut, response: { 200: serviceSettingsOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await findOr404(tx, hotlines, req.params.id, 'Hotline');
      if (req.body.calendarId) await requireReference(tx, businessCalendars, req.body.calendarId, 'body.calendarId', 'calendar');
      const values = { hotlineId: req.params.id, calendarId: req.body.calendarId, complaintDecisionDays: req.body.complaintDecisionDays };
      await tx.insert(hotlineServiceSettings).values(values).onConflictDoUpdate({
        target: [hotlineServiceSettings.tenantId, hotlineServiceSettings.hotlineId],
        set: { calendarId: sql`excluded.calendar_id`, complaintDecisionDays: sql`excluded.complaint_decision_days` },
      });
      return serviceSettingsOf(tx, req.params.id);
    });
    await announceChange(ctx, req, 'hotline', req.params.id, 'update');
    return out;
  });
}
