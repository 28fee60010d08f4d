// Day-ahead forecast accuracy on the public bank call-center data (Weinberg, Brown & Stroud 2007):
// 30-minute intervals; each of the last 40 weekdays is forecast from the data before it; WAPE per model,
// and for "auto", which picks per day the model with the lowest WAPE over the 40 backtest days before it.
// The data file is not part of the repository (GPL-3): ../shared/data/bank_calls_5min.csv or LINIA_BANK_CALLS.
import { existsSync, readFileSync } from 'node:fs';
import { autoSelection, reforecastIntraday, rollingBacktest, standardModels, toDaySeries, wape, weekCalendar } from '../packages/engine/src/index.ts';
import type { Benchmark, Metric } from './benchmark.ts';

const TEST_DAYS = 40;
const CHOICE_WINDOW = 40;

const bench: Benchmark = {
  name: 'planning-forecast',
  async run() {
    const path = process.env.LINIA_BANK_CALLS ?? '/work/shared/data/bank_calls_5min.csv';
    if (!existsSync(path)) {
      console.log(`  ${path} is absent (set LINIA_BANK_CALLS to its path): no forecast metrics.`);
      return {};
    }
    const points = readFileSync(path, 'utf8').trim().split('\n').slice(1).map((line) => {
      const [start, calls] = line.split(',');
      return { start: start!, value: Number(calls) };
    });
    const series = toDaySeries(points, 30);
    const dates = series.days.slice(-(TEST_DAYS + CHOICE_WINDOW)).map((d) => d.date);
    const started = performance.now();
    const bt = rollingBacktest(series, standardModels(), weekCalendar(), dates);
    const seconds = (performance.now() - started) / 1000;
    const auto = autoSelection(bt, CHOICE_WINDOW);
    const metrics: Record<string, Metric> = {};
    console.log(`  ${series.days.length} days × ${series.slots} intervals; WAPE over the last ${TEST_DAYS} weekdays (day ahead):`);
    for (const name of bt.forecasts.keys()) {
      const w = 100 * wape(bt.forecasts.get(name)!.slice(-TEST_DAYS), bt.actual.slice(-TEST_DAYS));
      console.log(`    ${name.padEnd(24)} ${w.toFixed(2)} %`);
      metrics[`wape_${name}`] = { value: Number(w.toFixed(2)), unit: '%', better: 'lower' };
    }
    const chosen = 100 * wape(auto.forecast, auto.actual);
    const counts = auto.chosen.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
    console.log(`    ${'auto'.padEnd(24)} ${chosen.toFixed(2)} %  (chosen: ${[...counts].map(([n, c]) => `${n} ×${c}`).join(', ')})`);
    metrics.wape_auto = { value: Number(chosen.toFixed(2)), unit: '%', goal: 6.5, better: 'lower' };
    // intraday re-forecast at 12:00 (after the first 10 half-hours) of the chosen forecast
    const seen = 10;
    const rest = (rows: number[][]) => rows.map((r) => r.slice(seen));
    const updated = auto.forecast.map((f, d) => reforecastIntraday(f, auto.actual[d]!.slice(0, seen)).forecast);
    const before = 100 * wape(rest(auto.forecast), rest(auto.actual));
    const after = 100 * wape(rest(updated), rest(auto.actual));
    console.log(`    intraday re-forecast at 12:00, rest of the day: ${before.toFixed(2)} % → ${after.toFixed(2)} %`);
    metrics.wape_afternoon_dayAhead = { value: Number(before.toFixed(2)), unit: '%', better: 'lower' };
    metrics.wape_afternoon_reforecast = { value: Number(after.toFixed(2)), unit: '%', better: 'lower' };
    metrics.backtestSeconds = { value: Number(seconds.toFixed(2)), unit: 's', better: 'lower' };
    return metrics;
  },
};

export default bench;
