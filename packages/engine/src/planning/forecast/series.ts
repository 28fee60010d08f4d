// A per-queue interval series arranged by day: each open day has one value per interval slot of the
// working window (the same window every day). Days without data are simply absent.
import { dateToDayNumber } from './dates.ts';

export interface Day {
  date: string;
  values: number[];
}

export interface DaySeries {
  intervalMinutes: number;
  /** Minute of the day at which slot 0 starts (e.g. 420 for 07:00). */
  startMinute: number;
  /** Slots per day. */
  slots: number;
  /** Ascending by date, one entry per day that has data. */
  days: Day[];
}

export interface IntervalPoint {
  /** Local wall-clock start, 'YYYY-MM-DDTHH:MM[:SS]' (anything after the minutes is ignored). */
  start: string;
  value: number;
}

function minuteOfDay(start: string): number {
  const h = Number(start.slice(11, 13));
  const m = Number(start.slice(14, 16));
  if (!(h >= 0 && h < 24 && m >= 0 && m < 60) || start[10] !== 'T') throw new RangeError(`not a local time: ${start}`);
  return h * 60 + m;
}

/** Sums the points into `intervalMinutes` slots per day; the window spans the earliest to the latest slot seen. */
export function toDaySeries(points: IntervalPoint[], intervalMinutes: number): DaySeries {
  if (!(intervalMinutes > 0 && 1440 % intervalMinutes === 0)) throw new RangeError('the interval must divide a day');
  let first = Infinity;
  let last = -Infinity;
  for (const p of points) {
    const slot = Math.floor(minuteOfDay(p.start) / intervalMinutes);
    first = Math.min(first, slot);
    last = Math.max(last, slot);
  }
  if (points.length === 0) return { intervalMinutes, startMinute: 0, slots: 1440 / intervalMinutes, days: [] };
  const slots = last - first + 1;
  const byDate = new Map<string, number[]>();
  for (const p of points) {
    const date = p.start.slice(0, 10);
    dateToDayNumber(date);
    let v = byDate.get(date);
    if (!v) byDate.set(date, (v = new Array<number>(slots).fill(0)));
    v[Math.floor(minuteOfDay(p.start) / intervalMinutes) - first]! += p.value;
  }
  const days = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, values]) => ({ date, values }));
  return { intervalMinutes, startMinute: first * intervalMinutes, slots, days };
}

/** The series restricted to days before `date`. */
export function before(series: DaySeries, date: string): DaySeries {
  let n = 0;
  while (n < series.days.length && series.days[n]!.date < date) n++;
  return { ...series, days: series.days.slice(0, n) };
}

export function dayTotal(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Local start of slot `slot` on `date`, 'YYYY-MM-DDTHH:MM'. */
export function slotStart(series: Pick<DaySeries, 'intervalMinutes' | 'startMinute'>, date: string, slot: number): string {
  const m = series.startMinute + slot * series.intervalMinutes;
  return `${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** WAPE = Σ|forecast − actual| / Σ actual. */
export function wape(forecast: readonly (readonly number[])[], actual: readonly (readonly number[])[]): number {
  let err = 0;
  let sum = 0;
  actual.forEach((row, d) => row.forEach((a, i) => {
    err += Math.abs((forecast[d]?.[i] ?? 0) - a);
    sum += a;
  }));
  return sum > 0 ? err / sum : err > 0 ? Infinity : 0;
}
