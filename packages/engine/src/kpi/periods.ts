// Rolling intervals up into local hours, days, ISO weeks and months: the key of the period an
// interval belongs to. Intervals are aligned in local time and divide the hour, so each one lies
// in exactly one period of every kind.

import { kpiIntervalLabel } from './intervals.ts';
import { kpiLocalDate, kpiLocalTime, kpiOffsetText } from './localTime.ts';

export type KpiPeriod = 'interval' | 'hour' | 'day' | 'week' | 'month';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** ISO 8601 week of a local date: its week-year and number (weeks start on Monday; week 1 holds 4 January). */
function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const d = Date.UTC(year, month - 1, day);
  const weekday = (new Date(d).getUTCDay() + 6) % 7;
  const thursday = new Date(d + (3 - weekday) * 86_400_000); // the week belongs to the year of its Thursday
  const y = thursday.getUTCFullYear();
  return { year: y, week: 1 + Math.floor((thursday.getTime() - Date.UTC(y, 0, 1)) / (7 * 86_400_000)) };
}

/**
 * Key of the `period` containing the instant `at` (normally an interval start) in `timeZone`:
 * interval `2025-10-26T02:00+01:00`, hour `2025-10-26T02+01:00` (the offset keeps the repeated
 * autumn hour apart: that day has 25 hours, the spring day 23), day `2025-10-26`,
 * week `2025-W43`, month `2025-10`. Sort periods by their first interval start, not by key.
 */
export function kpiPeriodKey(at: number, period: KpiPeriod, timeZone: string): string {
  if (period === 'interval') return kpiIntervalLabel(at, timeZone);
  const t = kpiLocalTime(at, timeZone);
  switch (period) {
    case 'hour': return `${kpiLocalDate(t)}T${pad(t.hour)}${kpiOffsetText(t.offsetMinutes)}`;
    case 'day': return kpiLocalDate(t);
    case 'week': { const w = isoWeek(t.year, t.month, t.day); return `${pad(w.year, 4)}-W${pad(w.week)}`; }
    case 'month': return `${pad(t.year, 4)}-${pad(t.month)}`;
  }
}
