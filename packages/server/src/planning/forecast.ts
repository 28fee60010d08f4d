// Forecast (W2): the engine's models, backtest and automatic choice over a queue's stored history;
// the result (volume and AHT per interval) is stored for staffing.
import { forecastQueue, productionCalendar } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { findOr404 } from '../http/crud.ts';
import { badField } from '../http/problem.ts';
import type { forecastCreate } from './contracts.ts';
import { ahtOf, queueHistory } from './history.ts';
import { planningForecasts, planningQueues } from './schema.ts';
import { localOut } from './views.ts';

export async function createForecast(tx: Tx, queueId: string, userId: string | null, body: z.infer<typeof forecastCreate>) {
  const queue = await findOr404(tx, planningQueues, queueId, 'Planning queue');
  const history = await queueHistory(tx, queueId);
  if (history.length === 0) throw badField('params.id', 'the queue has no history yet: import it first');
  const last = localOut(history.at(-1)!.intervalStart).slice(0, 10);
  if (body.fromDate !== undefined && body.fromDate <= last) throw badField('body.fromDate', `must be after the last day of history (${last})`);
  const result = forecastQueue(
    history.map((r) => ({ start: localOut(r.intervalStart), offered: r.offered, ahtSeconds: ahtOf(r) ?? 0, excluded: r.excluded })),
    { intervalMinutes: queue.intervalMinutes, horizonDays: body.horizonDays, model: body.model, calendar: productionCalendar(), backtestDays: body.backtestDays, ...(body.fromDate ? { fromDate: body.fromDate } : {}) },
  );
  const points = result.points.map((p) => ({ start: p.start, offered: round(p.offered, 3), ahtSeconds: round(p.ahtSeconds, 1) }));
  const [row] = await tx
    .insert(planningForecasts)
    .values({ queueId, model: result.model, requestedModel: body.model, intervalMinutes: queue.intervalMinutes, fromDate: result.fromDate, days: body.horizonDays, backtest: result.backtest, points, createdBy: userId })
    .returning();
  return row!;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
