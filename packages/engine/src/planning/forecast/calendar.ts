// Day kinds that move contact volume: ordinary working days, shortened pre-holiday days, weekends and
// holidays (public holidays and transferred days off; also days a center was closed).
import { addDays, weekday } from './dates.ts';

export type DayKind = 'working' | 'shortened' | 'weekend' | 'holiday';

export interface DayCalendar {
  kind(date: string): DayKind;
}

/** Mon–Fri working, Sat–Sun weekend (or other working weekdays), plus explicit holidays. */
export function weekCalendar(options: { workingWeekdays?: number[]; holidays?: Iterable<string> } = {}): DayCalendar {
  const working = new Set(options.workingWeekdays ?? [1, 2, 3, 4, 5]);
  const holidays = new Set(options.holidays ?? []);
  return { kind: (d) => (holidays.has(d) ? 'holiday' : working.has(weekday(d)) ? 'working' : 'weekend') };
}

/** The calendar with extra closed days (e.g. working days missing from the history) counted as holidays. */
export function withClosedDays(calendar: DayCalendar, closed: Iterable<string>): DayCalendar {
  const set = new Set(closed);
  return { kind: (d) => (set.has(d) ? 'holiday' : calendar.kind(d)) };
}

/** Working days between the first and last day of `dates` that have no data: the center was closed. */
export function missingWorkingDays(dates: readonly string[], calendar: DayCalendar): string[] {
  if (dates.length === 0) return [];
  const have = new Set(dates);
  const out: string[] = [];
  for (let d = dates[0]!; d < dates[dates.length - 1]!; d = addDays(d, 1)) {
    const k = calendar.kind(d);
    if ((k === 'working' || k === 'shortened') && !have.has(d)) out.push(d);
  }
  return out;
}

export const isOpenKind = (k: DayKind) => k === 'working' || k === 'shortened';

/** Calendar features of one day for the regression model. */
export interface DayFeatures {
  /** Weekday 0–6 of an ordinary day; 7 for a working weekend day (transfer); 8 for a holiday. */
  dayClass: number;
  shortened: boolean;
  /** First open day after one or more holidays (carried-over demand). */
  afterHoliday: boolean;
  firstOpenOfMonth: boolean;
  secondOpenOfMonth: boolean;
  lastOpenOfMonth: boolean;
}

export function dayFeatures(date: string, calendar: DayCalendar): DayFeatures {
  const kind = calendar.kind(date);
  const wd = weekday(date);
  const open = isOpenKind(kind);
  const dayClass = kind === 'holiday' ? 8 : open && (wd === 0 || wd === 6) && calendar.kind(addDays(date, 7)) === 'weekend' ? 7 : wd;
  let afterHoliday = false;
  if (open) {
    for (let d = addDays(date, -1), i = 0; i < 14; d = addDays(d, -1), i++) {
      const k = calendar.kind(d);
      if (k === 'holiday') afterHoliday = true;
      else if (k !== 'weekend') break;
    }
  }
  const month = date.slice(0, 7);
  let openBefore = 0;
  for (let d = addDays(date, -1); d.slice(0, 7) === month && openBefore < 2; d = addDays(d, -1)) if (isOpenKind(calendar.kind(d))) openBefore++;
  let lastOpen = open;
  for (let d = addDays(date, 1); lastOpen && d.slice(0, 7) === month; d = addDays(d, 1)) if (isOpenKind(calendar.kind(d))) lastOpen = false;
  return {
    dayClass,
    shortened: kind === 'shortened',
    afterHoliday,
    firstOpenOfMonth: open && openBefore === 0,
    secondOpenOfMonth: open && openBefore === 1,
    lastOpenOfMonth: lastOpen,
  };
}
