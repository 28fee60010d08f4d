// The planning grid: a horizon of whole days from a local date, cut into equal intervals (15 minutes by
// default). Times are local minutes since 1970-01-01 00:00 (see time.ts); interval k covers
// [origin + k·step, origin + (k + 1)·step).
import { addDays, dateToDayNumber, weekday } from '../forecast/dates.ts';

export interface Horizon {
  /** First day, 'YYYY-MM-DD'. */
  from: string;
  days: number;
  /** Interval length in minutes (divides 1440); 15 by default. */
  intervalMinutes?: number;
}

export interface Grid {
  from: string;
  days: number;
  step: number;
  perDay: number;
  /** Number of intervals in the horizon. */
  size: number;
  /** Local minutes of the horizon's start (from 00:00) and end. */
  origin: number;
  end: number;
}

export function makeGrid(h: Horizon): Grid {
  const step = h.intervalMinutes ?? 15;
  const perDay = 1440 / step;
  const origin = dateToDayNumber(h.from) * 1440;
  return { from: h.from, days: h.days, step, perDay, size: perDay * h.days, origin, end: origin + h.days * 1440 };
}

export const dateOfDay = (g: Grid, day: number) => addDays(g.from, day);

/** Monday-based calendar weeks overlapping the horizon, as local-minute spans. */
export function weeksOf(g: Grid): Array<{ monday: string; start: number; end: number }> {
  let monday = g.from;
  while (weekday(monday) !== 1) monday = addDays(monday, -1);
  const weeks: Array<{ monday: string; start: number; end: number }> = [];
  for (let start = dateToDayNumber(monday) * 1440; start < g.end; start += 7 * 1440) {
    weeks.push({ monday: addDays(g.from, (start - g.origin) / 1440), start, end: start + 7 * 1440 });
  }
  return weeks;
}

/** 'HH:MM' → minutes after midnight. */
export function clockMinutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new RangeError(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
