// Rolling-origin evaluation (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF 16:437–450):
// for each test day, every model forecasts it from the history before the origin (horizon − 1 days
// earlier), and is scored by WAPE = Σ|ŷ − y| / Σ y. Automatic choice: the model with the lowest WAPE.
import { addDays } from './dates.ts';
import { missingWorkingDays, withClosedDays, type DayCalendar } from './calendar.ts';
import type { VolumeModel } from './model.ts';
import { before, wape, type DaySeries } from './series.ts';

/**
 * The calendar as seen from a history whose data are complete up to (not including) `asOf`:
 * working days without data since the first day count as closed (holidays).
 */
export function calendarFromHistory(history: DaySeries, base: DayCalendar, asOf?: string): DayCalendar {
  const dates = history.days.map((d) => d.date);
  if (asOf !== undefined && dates.length > 0) dates.push(asOf);
  return withClosedDays(base, missingWorkingDays(dates, base));
}

/** Forecast of `dates` by `model` from `history` complete up to `asOf` (default: the first date), closures inferred. */
export function forecastWith(model: VolumeModel, history: DaySeries, dates: string[], base: DayCalendar, asOf = dates[0]): number[][] {
  return model.forecast(history, dates, calendarFromHistory(history, base, asOf));
}

export interface BacktestRow {
  model: string;
  wape: number;
  days: number;
}

export interface Backtest {
  dates: string[];
  actual: number[][];
  /** Model name → one forecast row per test date. */
  forecasts: Map<string, number[][]>;
  table: BacktestRow[];
}

/** Every model forecasts every test date (dates must be days of the series) from the data before its origin. */
export function rollingBacktest(series: DaySeries, models: VolumeModel[], base: DayCalendar, testDates: string[], horizonDays = 1): Backtest {
  const byDate = new Map(series.days.map((d) => [d.date, d.values]));
  const actual = testDates.map((d) => {
    const v = byDate.get(d);
    if (!v) throw new RangeError(`no data on test day ${d}`);
    return v;
  });
  const forecasts = new Map<string, number[][]>(models.map((m) => [m.name, []]));
  for (const date of testDates) {
    const origin = addDays(date, -(horizonDays - 1));
    const history = before(series, origin);
    for (const m of models) forecasts.get(m.name)!.push(forecastWith(m, history, [date], base, origin)[0]!);
  }
  const table = models.map((m) => ({ model: m.name, wape: wape(forecasts.get(m.name)!, actual), days: testDates.length }));
  return { dates: testDates, actual, forecasts, table };
}

/** The model with the lowest WAPE in a backtest. */
export function bestModel(table: BacktestRow[]): string {
  return table.reduce((a, b) => (b.wape < a.wape ? b : a)).model;
}

/**
 * "auto" inside a backtest without look-ahead: for test day i, the model with the lowest WAPE over
 * the `window` backtest days before it (days before the first test day with a full window are skipped).
 */
export function autoSelection(bt: Backtest, window: number): { dates: string[]; chosen: string[]; forecast: number[][]; actual: number[][] } {
  const names = [...bt.forecasts.keys()];
  const chosen: string[] = [];
  const forecast: number[][] = [];
  for (let i = window; i < bt.dates.length; i++) {
    const scores = names.map((n) => wape(bt.forecasts.get(n)!.slice(i - window, i), bt.actual.slice(i - window, i)));
    const best = names[scores.indexOf(Math.min(...scores))]!;
    chosen.push(best);
    forecast.push(bt.forecasts.get(best)![i]!);
  }
  return { dates: bt.dates.slice(window), chosen, forecast, actual: bt.actual.slice(window) };
}
