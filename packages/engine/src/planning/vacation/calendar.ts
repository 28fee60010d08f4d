// Days of a year and the leave-day count of a span (Labour Code Art. 120: non-working holidays inside a
// vacation are not counted).
import { addDays, daysBetween } from '../forecast/dates.ts';

/** The fixed non-working holidays of Labour Code Art. 112. */
export const ART_112_HOLIDAYS = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];

export function yearDays(year: number): string[] {
  const first = `${year}-01-01`;
  return Array.from({ length: daysBetween(first, `${year + 1}-01-01`) }, (_, d) => addDays(first, d));
}

export function holidaySet(year: number, holidays?: string[]): Set<string> {
  return new Set(holidays ?? ART_112_HOLIDAYS.map((md) => `${year}-${md}`));
}

/** Index of the last day of a leave of `days` counted days starting at index `start`, or −1 past the year's end. */
export function leaveEnd(dates: string[], start: number, days: number, holidays: Set<string>): number {
  let counted = 0;
  for (let d = start; d < dates.length; d++) {
    if (!holidays.has(dates[d]!)) counted++;
    if (counted === days) return d;
  }
  return -1;
}

export function countedDays(from: string, to: string, holidays: Set<string>): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (!holidays.has(d)) n++;
  return n;
}
