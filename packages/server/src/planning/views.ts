// Rows → response shapes, shared by the planning routes.

/** 'YYYY-MM-DD HH:MM:SS' from the database → 'YYYY-MM-DDTHH:MM'. */
export const localOut = (v: string) => `${v.slice(0, 10)}T${v.slice(11, 16)}`;
import type { planningEvents, planningForecasts, planningQueues, planningStaffing } from './schema.ts';

export const toQueueOut = (q: typeof planningQueues.$inferSelect) => ({
  id: q.id,
  code: q.code,
  name: q.name,
  hotlineId: q.hotlineId,
  intervalMinutes: q.intervalMinutes,
  createdAt: q.createdAt.toISOString(),
});

export const toEventOut = (e: typeof planningEvents.$inferSelect) => ({
  id: e.id,
  queueId: e.queueId,
  kind: e.kind,
  startsAt: localOut(e.startsAt),
  endsAt: localOut(e.endsAt),
  note: e.note,
  uplift: e.uplift,
  createdAt: e.createdAt.toISOString(),
});

export const toForecastSummary = (f: typeof planningForecasts.$inferSelect) => ({
  id: f.id,
  queueId: f.queueId,
  model: f.model,
  requestedModel: f.requestedModel,
  intervalMinutes: f.intervalMinutes,
  fromDate: f.fromDate,
  days: f.days,
  backtest: f.backtest,
  adjustments: f.adjustments,
  createdAt: f.createdAt.toISOString(),
});

export const toForecastOut = (f: typeof planningForecasts.$inferSelect) => ({ ...toForecastSummary(f), points: f.points });

export const toStaffingOut = (s: typeof planningStaffing.$inferSelect) => ({
  id: s.id,
  queueId: s.queueId,
  forecastId: s.forecastId,
  params: s.params as unknown as Record<string, unknown>,
  rows: s.rows,
  createdAt: s.createdAt.toISOString(),
});
