// Double-seasonal multiplicative Holt-Winters (Taylor 2003, "Short-term electricity demand forecasting
// using double seasonal exponential smoothing", JORS 54:799–805; applied to call arrivals in Taylor 2008,
// Management Science 54:253–265): intraday cycle d (s1 = slots per day), weekly cycle w (s2 = open
// weekdays × slots), level ℓ, no trend, AR(1) adjustment φ of the one-step residual:
//   ℓ_t = α·y_t/(d_{t−s1}·w_{t−s2}) + (1−α)·ℓ_{t−1}
//   d_t = δ·y_t/(ℓ_t·w_{t−s2}) + (1−δ)·d_{t−s1}
//   w_t = ω·y_t/(ℓ_t·d_{t−s1}) + (1−ω)·w_{t−s2}
//   ŷ_t(k) = ℓ_t·d_{t−s1+k}·w_{t−s2+k} + φ^k·e_t,  e_t = y_t − ℓ_{t−1}·d_{t−s1}·w_{t−s2}
// The series runs over the open weekdays only (nights and days without service are not in the cycle);
// a missing day keeps its place in the weekly cycle and simply updates nothing; holidays are forecast as
// closed unless the history has data on holidays. Parameters are chosen by
// a grid search on the day-ahead WAPE over the last `tuneDays` days of the history.
import { addDays, weekday } from './dates.ts';
import type { DaySeries } from './series.ts';
import { meanOfLastK } from './baselines.ts';
import type { VolumeModel } from './model.ts';

export interface HoltWintersParams {
  alpha: number;
  delta: number;
  omega: number;
  phi: number;
}

const GRID = {
  alpha: [0.005, 0.02, 0.05, 0.1],
  delta: [0.05, 0.15, 0.3],
  omega: [0.05, 0.15, 0.3],
  phi: [0, 0.5, 0.9],
};

interface Timeline {
  /** Dates of the cycle (open weekdays), from the first history day on. */
  dates: string[];
  /** Position of each date in the week cycle. */
  pos: number[];
  /** Values, or undefined when the day has no data. */
  values: (number[] | undefined)[];
  cycleDays: number;
}

function timeline(history: DaySeries, until: string): Timeline {
  const byDate = new Map(history.days.map((d) => [d.date, d.values]));
  const weekdays = [...new Set(history.days.map((d) => weekday(d.date)))].sort();
  const posOf = new Map(weekdays.map((w, i) => [w, i]));
  const dates: string[] = [];
  const pos: number[] = [];
  const values: (number[] | undefined)[] = [];
  for (let d = history.days[0]!.date; d <= until; d = addDays(d, 1)) {
    const p = posOf.get(weekday(d));
    if (p === undefined) continue;
    dates.push(d);
    pos.push(p);
    values.push(byDate.get(d));
  }
  return { dates, pos, values, cycleDays: weekdays.length };
}

const EPS = 1e-9;

/** Runs the recursions over the first `observedDays` timeline days; returns the day-ahead WAPE over the last `scoreDays` of them and the forecast function. */
function run(tl: Timeline, slots: number, p: HoltWintersParams, observedDays: number, scoreDays: number) {
  const m = tl.cycleDays;
  // initial state from the first two weeks of observed days
  const init = tl.values.slice(0, observedDays).map((v, i) => [v, tl.pos[i]!] as const).filter(([v]) => v).slice(0, 2 * m);
  let level = 0;
  let count = 0;
  const posSum = Array.from({ length: m }, () => new Array<number>(slots).fill(0));
  const posN = new Array<number>(m).fill(0);
  for (const [v, q] of init) {
    v!.forEach((x, i) => {
      posSum[q]![i]! += x;
      level += x;
    });
    posN[q]!++;
    count += slots;
  }
  level = Math.max(level / count, EPS);
  const avg = posSum.map((row, q) => row.map((s) => (posN[q] ? s / posN[q]! : level)));
  const d = new Array<number>(slots).fill(0).map((_, i) => Math.max(avg.reduce((s, row) => s + row[i]!, 0) / m / level, EPS));
  const w = avg.flatMap((row) => row.map((x, i) => Math.max(x / (level * d[i]!), EPS)));
  let e = 0;
  let err = 0;
  let act = 0;
  const firstScored = Math.max(0, observedDays - scoreDays);
  for (let t = 0; t < observedDays; t++) {
    const y = tl.values[t];
    const base = tl.pos[t]! * slots;
    if (!y) continue;
    if (t >= firstScored) {
      let ar = e;
      for (let i = 0; i < slots; i++) {
        ar *= p.phi;
        err += Math.abs(level * d[i]! * w[base + i]! + ar - y[i]!);
        act += y[i]!;
      }
    }
    for (let i = 0; i < slots; i++) {
      const di = d[i]!;
      const wi = w[base + i]!;
      const yi = y[i]!;
      e = yi - level * di * wi;
      const next = Math.max(p.alpha * (yi / (di * wi)) + (1 - p.alpha) * level, EPS);
      d[i] = Math.max(p.delta * (yi / (next * wi)) + (1 - p.delta) * di, EPS);
      w[base + i] = Math.max(p.omega * (yi / (next * di)) + (1 - p.omega) * wi, EPS);
      level = next;
    }
  }
  const forecastDay = (t: number, daysAhead: number) => {
    const base = tl.pos[t]! * slots;
    let ar = e * Math.pow(p.phi, (daysAhead - 1) * slots);
    return d.map((di, i) => {
      ar *= p.phi;
      return Math.max(0, level * di * w[base + i]! + ar);
    });
  };
  return { wape: act > 0 ? err / act : Infinity, forecastDay };
}

/** Grid search of (α, δ, ω, φ) on the day-ahead WAPE of the last `tuneDays` days. */
export function tuneHoltWinters(history: DaySeries, tuneDays = 20): HoltWintersParams {
  const tl = timeline(history, history.days.at(-1)!.date);
  let best: HoltWintersParams = { alpha: 0.02, delta: 0.15, omega: 0.15, phi: 0.5 };
  let bestWape = Infinity;
  for (const alpha of GRID.alpha) for (const delta of GRID.delta) for (const omega of GRID.omega) for (const phi of GRID.phi) {
    const p = { alpha, delta, omega, phi };
    const { wape } = run(tl, history.slots, p, tl.dates.length, tuneDays);
    if (wape < bestWape) [best, bestWape] = [p, wape];
  }
  return best;
}

const tuned = new WeakMap<DaySeries, Map<number, HoltWintersParams>>();

/** Tuning is the costly part: remember it per history object (models combined in a backtest share it). */
function tunedFor(history: DaySeries, tuneDays: number): HoltWintersParams {
  let byDays = tuned.get(history);
  if (!byDays) tuned.set(history, (byDays = new Map()));
  let p = byDays.get(tuneDays);
  if (!p) byDays.set(tuneDays, (p = tuneHoltWinters(history, tuneDays)));
  return p;
}

export function holtWintersDouble(options: { params?: HoltWintersParams; tuneDays?: number } = {}): VolumeModel {
  return {
    name: 'holt-winters',
    forecast(history, dates, calendar) {
      const cycle = new Set(history.days.map((d) => weekday(d.date)));
      if (history.days.length < 2 * cycle.size + (options.tuneDays ?? 20)) return meanOfLastK(4).forecast(history, dates, calendar);
      const params = options.params ?? tunedFor(history, options.tuneDays ?? 20);
      const tl = timeline(history, dates.at(-1)!);
      const observed = tl.dates.findIndex((d) => d > history.days.at(-1)!.date);
      const known = observed < 0 ? tl.dates.length : observed;
      const { forecastDay } = run(tl, history.slots, params, known, 0);
      // a center that has never worked on a holiday is closed on the next one too
      const worksOnHolidays = history.days.some((d) => calendar.kind(d.date) === 'holiday');
      return dates.map((date) => {
        const t = tl.dates.indexOf(date);
        if (t < 0 || (!worksOnHolidays && calendar.kind(date) === 'holiday')) return new Array<number>(history.slots).fill(0);
        return forecastDay(t, t - known + 1);
      });
    },
  };
}
