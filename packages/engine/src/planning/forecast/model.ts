// What a volume forecasting model is, and the day-class bookkeeping the models share.
import { dayFeatures, type DayCalendar, type DayFeatures } from './calendar.ts';
import type { Day, DaySeries } from './series.ts';

export interface VolumeModel {
  name: string;
  /** One row of `history.slots` values for each date (dates are after the history, ascending). */
  forecast(history: DaySeries, dates: string[], calendar: DayCalendar): number[][];
}

/** Features per date, computed once per forecast call. */
export function featureCache(calendar: DayCalendar): (date: string) => DayFeatures {
  const cache = new Map<string, DayFeatures>();
  return (date) => {
    let f = cache.get(date);
    if (!f) cache.set(date, (f = dayFeatures(date, calendar)));
    return f;
  };
}

/** History days grouped by day class (weekday, working weekend, holiday), oldest first. */
export function daysByClass(history: DaySeries, features: (date: string) => DayFeatures): Map<number, Day[]> {
  const groups = new Map<number, Day[]>();
  for (const day of history.days) {
    const c = features(day.date).dayClass;
    let g = groups.get(c);
    if (!g) groups.set(c, (g = []));
    g.push(day);
  }
  return groups;
}

/**
 * The days of the target's class. Fallbacks: a working weekend, or a Mon–Fri weekday not yet seen (short
 * history), takes the Mon–Fri days; a holiday takes Sundays. Weekend days never seen stay empty (closed).
 */
export function sameClass(groups: Map<number, Day[]>, dayClass: number): Day[] {
  const own = groups.get(dayClass);
  if (own && own.length > 0) return own;
  if (dayClass === 7 || (dayClass >= 1 && dayClass <= 5)) return [1, 2, 3, 4, 5].flatMap((c) => groups.get(c) ?? []).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (dayClass === 8) return groups.get(0) ?? [];
  return [];
}

export const zeros = (n: number) => new Array<number>(n).fill(0);
