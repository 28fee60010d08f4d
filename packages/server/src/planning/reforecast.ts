// Intraday re-forecast (W2): during the day, the rest of today's intervals are re-forecast from what has
// arrived so far (engine reforecastDay: the volume factor shrunk toward 1 while few calls have arrived, the
// AHT by a credibility-weighted ratio), and the staffing it implies for the rest of the day. The actuals
// are the queue's history of the day — for a queue linked to a hotline, first refreshed from the journal's
// KPI cells (historyFromJournal), so the figures are those of the ACD up to the last closed interval.
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { addIsoDays, localToMinutes, reforecastDay } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { findOr404 } from '../http/crud.ts';
import { badField } from '../http/problem.ts';
import { hotlines } from '../tenants/schema.ts';
import type { reforecastRequest } from './contracts.ts';
import { round } from './forecast.ts';
import { ahtOf } from './history.ts';
import { historyFromJournal } from './historyFromJournal.ts';
import { planningForecasts, planningHistory, planningQueues, planningStaffing, type ForecastPoint, type StaffingParams } from './schema.ts';
import { staffingRows } from './staffing.ts';
import { localOut } from './views.ts';

/** Used when the queue has no staffing yet: 80 % in 20 s by Erlang C, 30 % shrinkage. */
export const DEFAULT_STAFFING: StaffingParams = { model: 'C', serviceLevel: 0.8, thresholdSeconds: 20, shrinkage: 0.3 };

/** The local wall-clock time 'YYYY-MM-DDTHH:MM' of an instant in a time zone. */
export function localNow(instant: Date, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, x) => ({ ...acc, [x.type]: x.value }), {});
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export async function reforecastQueue(tx: Tx, queueId: string, body: z.infer<typeof reforecastRequest>, now: Date) {
  const queue = await findOr404(tx, planningQueues, queueId, 'Planning queue');
  const zone = queue.hotlineId ? (await findOr404(tx, hotlines, queue.hotlineId, 'Hotline')).timeZone : 'Europe/Moscow';
  const asOf = body.asOf ?? localNow(now, zone);
  const date = asOf.slice(0, 10);
  if (queue.hotlineId && body.refreshFromJournal) await historyFromJournal(tx, queueId, date, date);
  // the latest stored forecast that covers the day
  const forecasts = await tx.select().from(planningForecasts).where(eq(planningForecasts.queueId, queueId)).orderBy(desc(planningForecasts.createdAt)).limit(20);
  const forecast = forecasts.find((f) => f.points.some((p) => p.start.startsWith(date)));
  if (!forecast) throw badField('body.asOf', `no stored forecast covers ${date}: make a forecast of that day first`);
  const day: ForecastPoint[] = forecast.points.filter((p) => p.start.startsWith(date));
  const rows = await tx
    .select()
    .from(planningHistory)
    .where(and(eq(planningHistory.queueId, queueId), gte(planningHistory.intervalStart, `${date} 00:00:00`), lt(planningHistory.intervalStart, `${addIsoDays(date, 1)} 00:00:00`)));
  const actualAt = new Map(rows.map((r) => [localOut(r.intervalStart), r]));
  // an interval is seen once it has ended by `asOf`
  const cut = localToMinutes(asOf);
  const seen = day.filter((p) => localToMinutes(p.start) + forecast.intervalMinutes <= cut).length;
  const actual = day.slice(0, seen).map((p) => actualAt.get(p.start));
  const r = reforecastDay(
    { offered: day.map((p) => p.offered), ahtSeconds: day.map((p) => p.ahtSeconds) },
    { offered: actual.map((a) => a?.offered ?? 0), ahtSeconds: actual.map((a, i) => (a ? (ahtOf(a) ?? day[i]!.ahtSeconds) : day[i]!.ahtSeconds)) },
    { ...(body.priorCalls !== undefined ? { priorCalls: body.priorCalls } : {}) },
  );
  const [staffing] = await tx.select().from(planningStaffing).where(eq(planningStaffing.queueId, queueId)).orderBy(desc(planningStaffing.createdAt)).limit(1);
  const params = staffing?.params ?? DEFAULT_STAFFING;
  const planned = staffingRows(day, forecast.intervalMinutes, params);
  const rest = staffingRows(day.slice(seen).map((p, i) => ({ start: p.start, offered: r.offered[seen + i]!, ahtSeconds: r.ahtSeconds[seen + i]! })), forecast.intervalMinutes, params);
  return {
    date,
    asOf,
    forecastId: forecast.id,
    intervalMinutes: forecast.intervalMinutes,
    params: params as unknown as Record<string, unknown>,
    volumeFactor: r.volumeFactor,
    ahtFactor: r.ahtFactor,
    actualCalls: r.actualCalls,
    forecastCalls: round(r.forecastCalls, 3),
    restOfDay: { calls: round(rest.reduce((s, x) => s + x.offered, 0), 3), plannedHeads: planned.slice(seen).reduce((m, x) => Math.max(m, x.heads), 0), heads: rest.reduce((m, x) => Math.max(m, x.heads), 0) },
    rows: day.map((p, i) => ({
      start: p.start,
      forecast: p.offered,
      actual: i < seen ? r.offered[i]! : null,
      reforecast: round(r.offered[i]!, 3),
      forecastAht: p.ahtSeconds,
      actualAht: i < seen && actual[i] ? ahtOf(actual[i]!) : null,
      reforecastAht: round(r.ahtSeconds[i]!, 1),
      plannedHeads: planned[i]!.heads,
      heads: i < seen ? null : rest[i - seen]!.heads,
    })),
  };
}
