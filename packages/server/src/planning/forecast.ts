// Forecast (W2): the engine's models, backtest and automatic choice over a queue's stored history;
// the result (volume and AHT per interval) is stored for staffing. Event marks act on it: intervals
// of the history under a mark are left out of training (imputed like a manual exclusion), and future
// intervals under a mark with an uplift are multiplied by it.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { applyUplift, excludeMarkedIntervals, forecastQueue, productionCalendar, type EventMark } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { findOr404 } from '../http/crud.ts';
import { badField } from '../http/problem.ts';
import type { forecastCreate } from './contracts.ts';
import { ahtOf, queueHistory } from './history.ts';
import { planningEvents, planningForecasts, planningQueues } from './schema.ts';
import { localOut } from './views.ts';

/** The event marks of a queue and those of all queues, as the engine reads them. */
export async function queueMarks(tx: Tx, queueId: string): Promise<EventMark[]> {
  const rows = await tx.select().from(planningEvents).where(or(eq(planningEvents.queueId, queueId), isNull(planningEvents.queueId))).orderBy(asc(planningEvents.startsAt));
  return rows.map((e) => ({ kind: e.kind, start: localOut(e.startsAt), end: localOut(e.endsAt), uplift: e.uplift }));
}

/** The queue's history as the engine's points, with the intervals under event marks excluded. */
export async function forecastHistory(tx: Tx, queueId: string, intervalMinutes: number) {
  const history = await queueHistory(tx, queueId);
  const points = history.map((r) => ({ start: localOut(r.intervalStart), offered: r.offered, ahtSeconds: ahtOf(r) ?? 0, excluded: r.excluded }));
  const marks = await queueMarks(tx, queueId);
  return { ...excludeMarkedIntervals(points, marks, intervalMinutes), marks };
}

export async function createForecast(tx: Tx, queueId: string, userId: string | null, body: z.infer<typeof forecastCreate>) {
  const queue = await findOr404(tx, planningQueues, queueId, 'Planning queue');
  const { points: history, excluded, marks } = await forecastHistory(tx, queueId, queue.intervalMinutes);
  if (history.length === 0) throw badField('params.id', 'the queue has no history yet: import it first');
  const last = history.at(-1)!.start.slice(0, 10);
  if (body.fromDate !== undefined && body.fromDate <= last) throw badField('body.fromDate', `must be after the last day of history (${last})`);
  const result = forecastQueue(history, {
    intervalMinutes: queue.intervalMinutes, horizonDays: body.horizonDays, model: body.model, calendar: productionCalendar(), backtestDays: body.backtestDays, ...(body.fromDate ? { fromDate: body.fromDate } : {}),
  });
  const uplifted = applyUplift(result.points, marks, queue.intervalMinutes);
  const points = uplifted.points.map((p) => ({ start: p.start, offered: round(p.offered, 3), ahtSeconds: round(p.ahtSeconds, 1) }));
  const [row] = await tx
    .insert(planningForecasts)
    .values({
      queueId, model: result.model, requestedModel: body.model, intervalMinutes: queue.intervalMinutes, fromDate: result.fromDate, days: body.horizonDays,
      backtest: result.backtest, points, adjustments: { excludedIntervals: excluded, upliftedIntervals: uplifted.uplifted }, createdBy: userId,
    })
    .returning();
  return row!;
}

export const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
