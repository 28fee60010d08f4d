// One queue's forecast from its interval history, end to end: the series, the rolling-origin backtest of the
// models, the automatic choice (lowest WAPE), the volume and AHT forecast of the horizon. Shared by the
// server (stored forecasts) and the CLI (`linia plan forecast`), so both answer the same.
import { bestModel, calendarFromHistory, forecastWith, rollingBacktest, type BacktestRow } from './backtest.ts';
import type { DayCalendar } from './calendar.ts';
import { addDays, weekday } from './dates.ts';
import { forecastAht } from './aht.ts';
import { modelByName, standardModels } from './models.ts';
import { slotStart, toDaySeries, type DaySeries } from './series.ts';

export interface QueueHistoryPoint {
  /** Local 'YYYY-MM-DDTHH:MM'. */
  start: string;
  offered: number;
  ahtSeconds: number;
  /** Excluded by the planner: replaced by the median of the same weekday and time of the kept weeks. */
  excluded?: boolean;
}

export interface QueueForecastOptions {
  intervalMinutes: number;
  /** Days forecast after the last day of history (or from `fromDate`). */
  horizonDays: number;
  /** 'auto' or a model name (see MODEL_NAMES). */
  model: string;
  calendar: DayCalendar;
  backtestDays?: number;
  /** First forecast day (default: the day after the history). Must be after the history. */
  fromDate?: string;
}

export interface QueueForecast {
  /** Empty when the history is too short for a backtest (fewer than backtestDays + 14 days). */
  backtest: BacktestRow[];
  model: string;
  fromDate: string;
  /** Intervals of open days only (a day forecast as all zeros is a closed day). */
  points: Array<{ start: string; offered: number; ahtSeconds: number }>;
}

/** The fallback when there is too little history to compare models: robust with a few weeks. */
export const SHORT_HISTORY_MODEL = 'mean-last-4';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? 0 : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** Excluded points take the median of the kept points of the same weekday and time of day. */
export function imputeExcluded(points: readonly QueueHistoryPoint[]): QueueHistoryPoint[] {
  if (!points.some((p) => p.excluded)) return [...points];
  const key = (p: QueueHistoryPoint) => `${weekday(p.start.slice(0, 10))}${p.start.slice(10, 16)}`;
  const kept = new Map<string, { offered: number[]; aht: number[] }>();
  for (const p of points) {
    if (p.excluded) continue;
    let k = kept.get(key(p));
    if (!k) kept.set(key(p), (k = { offered: [], aht: [] }));
    k.offered.push(p.offered);
    if (p.offered > 0) k.aht.push(p.ahtSeconds);
  }
  return points.map((p) => {
    if (!p.excluded) return p;
    const k = kept.get(key(p));
    return { start: p.start, offered: k ? median(k.offered) : 0, ahtSeconds: k ? median(k.aht) : 0 };
  });
}

/**
 * A queue's history as day series of volume and of AHT (workload ÷ volume per interval, so a
 * day's AHT is weighted by its calls), excluded intervals imputed first.
 */
export function volumeAndAht(history: readonly QueueHistoryPoint[], intervalMinutes: number): { offered: DaySeries; aht: DaySeries } {
  if (history.length === 0) throw new RangeError('the queue has no history');
  const points = imputeExcluded(history);
  const offered = toDaySeries(points.map((r) => ({ start: r.start, value: r.offered })), intervalMinutes);
  const workload = toDaySeries(points.map((r) => ({ start: r.start, value: r.offered * r.ahtSeconds })), intervalMinutes);
  const aht: DaySeries = {
    ...workload,
    days: workload.days.map((d, k) => ({ date: d.date, values: d.values.map((w, i) => { const n = offered.days[k]!.values[i]!; return n > 0 ? w / n : 0; }) })),
  };
  return { offered, aht };
}

export function forecastQueue(history: readonly QueueHistoryPoint[], o: QueueForecastOptions): QueueForecast {
  const { offered, aht } = volumeAndAht(history, o.intervalMinutes);
  const backtestDays = o.backtestDays ?? 20;
  const lastDay = offered.days.at(-1)!.date;
  const fromDate = o.fromDate ?? addDays(lastDay, 1);
  if (fromDate <= lastDay) throw new RangeError(`the forecast must start after the history (last day ${lastDay})`);
  const models = o.model === 'auto' ? standardModels() : [modelByName(o.model)];
  const enough = offered.days.length > backtestDays + 14;
  const testDates = offered.days.slice(-backtestDays).map((d) => d.date);
  const backtest = enough ? rollingBacktest(offered, models, o.calendar, testDates).table : [];
  const model = o.model === 'auto' ? (backtest.length ? bestModel(backtest) : SHORT_HISTORY_MODEL) : o.model;
  const gap = Math.round((Date.parse(fromDate) - Date.parse(lastDay)) / 86_400_000) - 1;
  // Days between the history and the horizon are forecast too (the models need a contiguous horizon) and dropped.
  const dates = Array.from({ length: gap + o.horizonDays }, (_, i) => addDays(lastDay, i + 1));
  const asOf = dates[0]!;
  const volume = forecastWith(modelByName(model), offered, dates, o.calendar, asOf);
  const ahtForecast = forecastAht(offered, aht, dates, calendarFromHistory(offered, o.calendar, asOf));
  const out: QueueForecast['points'] = [];
  dates.forEach((date, d) => {
    if (d < gap || volume[d]!.every((v) => v === 0)) return;
    volume[d]!.forEach((v, i) => out.push({ start: slotStart(offered, date, i), offered: Math.max(0, v), ahtSeconds: ahtForecast[d]![i]! }));
  });
  return { backtest, model, fromDate, points: out };
}
