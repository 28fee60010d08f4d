// Business-hours calendars: working hours per weekday in a time zone, holidays, transferred working
// days and shortened pre-holiday days. Pure: every instant is passed in (ms since the epoch).
import { addDays, weekday } from '../planning/forecast/dates.ts';
import { productionCalendar } from '../planning/forecast/productionCalendarRu.ts';
import type { DayKind } from '../planning/forecast/calendar.ts';
import { kpiLocalTime, kpiUtcOffsetMs } from '../kpi/localTime.ts';

/** One stretch of working time within a day, local wall clock, "HH:MM"; `to` may be "24:00". */
export interface WorkingHours {
  from: string;
  to: string;
}

export interface BusinessCalendar {
  timeZone: string;
  /** Working hours per weekday, index 0 = Monday … 6 = Sunday (ISO order); empty = day off. */
  week: WorkingHours[][];
  /**
   * Which public calendar decides holidays, transferred days off and working weekends:
   * 'ru' = the Russian production calendar shipped with the engine; 'none' = the week alone
   * (e.g. a 24/7 line that works on public holidays too).
   */
  production: 'ru' | 'none';
  /** Extra days off of this calendar (ISO dates), e.g. a client's corporate holiday. */
  holidays: string[];
  /** Extra working days (ISO dates) that get the hours of an ordinary working day. */
  workingDays: string[];
  /** Minutes a shortened pre-holiday day ends early (Labour Code Art. 95: one hour). */
  shortenedByMinutes: number;
}

const ru = productionCalendar();

/** 09:00–18:00 Monday to Friday on the Russian production calendar, in Moscow. */
export function standardCalendar(timeZone = 'Europe/Moscow'): BusinessCalendar {
  const day = [{ from: '09:00', to: '18:00' }];
  return { timeZone, week: [day, day, day, day, day, [], []], production: 'ru', holidays: [], workingDays: [], shortenedByMinutes: 60 };
}

/** Round the clock, every day, holidays included (the SLA of a line that never closes). */
export function alwaysOpenCalendar(timeZone = 'UTC'): BusinessCalendar {
  const day = [{ from: '00:00', to: '24:00' }];
  return { timeZone, week: Array.from({ length: 7 }, () => day), production: 'none', holidays: [], workingDays: [], shortenedByMinutes: 0 };
}

export function minutesOf(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time HH:MM: ${hhmm}`);
  const v = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || v > 24 * 60) throw new RangeError(`not a time HH:MM: ${hhmm}`);
  return v;
}

/** Problems of a calendar definition, as `path: message` pairs (empty = valid). */
export function checkBusinessCalendar(c: BusinessCalendar): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  try {
    new Intl.DateTimeFormat('en', { timeZone: c.timeZone });
  } catch {
    out.push({ path: 'timeZone', message: 'unknown time zone' });
  }
  if (c.week.length !== 7) out.push({ path: 'week', message: 'seven weekdays, Monday first' });
  c.week.forEach((hours, d) => {
    let last = -1;
    hours.forEach((h, i) => {
      let from: number;
      let to: number;
      try {
        from = minutesOf(h.from);
        to = minutesOf(h.to);
      } catch (e) {
        out.push({ path: `week.${d}.${i}`, message: (e as Error).message });
        return;
      }
      if (to <= from) out.push({ path: `week.${d}.${i}.to`, message: 'must be after from' });
      else if (from < last) out.push({ path: `week.${d}.${i}.from`, message: 'stretches must be in order and not overlap' });
      last = to;
    });
  });
  if (!c.week.some((h) => h.length > 0) && c.workingDays.length === 0) out.push({ path: 'week', message: 'no working time at all' });
  return out;
}

/** What kind of day `date` (local, ISO) is on this calendar. */
export function businessDayKind(c: BusinessCalendar, date: string): DayKind {
  if (c.holidays.includes(date)) return 'holiday';
  if (c.workingDays.includes(date)) return 'working';
  if (c.production === 'ru') {
    const k = ru.kind(date);
    // The production calendar says which days are off; the week says the hours. A weekday the
    // production calendar calls working but the week leaves empty (a line closed on Mondays) stays off.
    if (k === 'holiday' || k === 'weekend') return k;
    if (isoWeekday(date) >= 5) return k; // a transferred working weekend (may be shortened too)
    if (c.week[isoWeekday(date)]!.length === 0) return 'weekend';
    return k;
  }
  return c.week[isoWeekday(date)]!.length === 0 ? 'weekend' : 'working';
}

const isoWeekday = (date: string) => (weekday(date) + 6) % 7;

/** Hours of an ordinary working day, for days made working by transfer: those of the first weekday that has any. */
function ordinaryHours(c: BusinessCalendar): WorkingHours[] {
  return c.week.find((h) => h.length > 0) ?? [];
}

/** The working stretches of a local date in minutes since local midnight, [from, to). */
export function workingMinutes(c: BusinessCalendar, date: string): [number, number][] {
  const kind = businessDayKind(c, date);
  if (kind === 'holiday' || kind === 'weekend') return [];
  const own = c.week[isoWeekday(date)]!;
  const hours = own.length > 0 ? own : ordinaryHours(c);
  const spans: [number, number][] = hours.map((h) => [minutesOf(h.from), minutesOf(h.to)]);
  if (kind === 'shortened' && c.shortenedByMinutes > 0 && spans.length > 0) {
    // The day ends earlier: cut the shortening from the end of the last stretches.
    let cut = c.shortenedByMinutes;
    for (let i = spans.length - 1; i >= 0 && cut > 0; i--) {
      const [from, to] = spans[i]!;
      const take = Math.min(cut, to - from);
      spans[i] = [from, to - take];
      cut -= take;
    }
  }
  return spans.filter(([a, b]) => b > a);
}

/** The local date (ISO) of an instant. */
export function localDateOf(at: number, timeZone: string): string {
  const t = kpiLocalTime(at, timeZone);
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/**
 * The instant of a local wall-clock time. DST-safe: the offset is taken at the guessed instant and
 * checked once more; a time inside a spring-forward gap resolves to the instant the clocks jumped to
 * (so working time that does not exist is not counted), an ambiguous autumn time to its first occurrence.
 */
export function localInstant(date: string, minutes: number, timeZone: string): number {
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * 60_000;
  const first = wall - kpiUtcOffsetMs(wall, timeZone);
  const second = wall - kpiUtcOffsetMs(first, timeZone);
  if (second === first) return first;
  // The two offsets disagree: a transition lies between. Prefer the reading that is consistent.
  const consistent = [second, first].find((x) => x + kpiUtcOffsetMs(x, timeZone) === wall);
  return consistent ?? Math.max(first, second);
}

/** Working intervals of one local date as instants, [from, to). */
export function workingIntervals(c: BusinessCalendar, date: string): [number, number][] {
  return workingMinutes(c, date).map(([a, b]) => {
    const from = localInstant(date, a, c.timeZone);
    // 24:00 is the next day's midnight (which may be a different length of day under DST).
    const to = b === 1440 ? localInstant(addDays(date, 1), 0, c.timeZone) : localInstant(date, b, c.timeZone);
    return [from, to] as [number, number];
  }).filter(([a, b]) => b > a);
}

/** How far ahead to look for working time before deciding a calendar has none (ten years). */
const HORIZON_DAYS = 3660;

/**
 * The instant when `durationMs` of working time has passed after `start`. A start outside working
 * hours begins counting at the next opening. Zero duration gives the start itself.
 */
export function addBusinessTime(start: number, durationMs: number, c: BusinessCalendar): number {
  if (durationMs <= 0) return start;
  let left = durationMs;
  // Begin a day early: the local date of `start` may still hold a stretch that began yesterday.
  let date = addDays(localDateOf(start, c.timeZone), -1);
  for (let i = 0; i < HORIZON_DAYS; i++, date = addDays(date, 1)) {
    for (const [a, b] of workingIntervals(c, date)) {
      const from = Math.max(a, start);
      if (b <= from) continue;
      if (b - from >= left) return from + left;
      left -= b - from;
    }
  }
  throw new RangeError('the calendar has no working time in the next ten years');
}

/** Working time (ms) between two instants; 0 when `to` is not after `from`. */
export function businessTimeBetween(from: number, to: number, c: BusinessCalendar): number {
  if (to <= from) return 0;
  let total = 0;
  const last = localDateOf(to, c.timeZone);
  for (let date = addDays(localDateOf(from, c.timeZone), -1), i = 0; date <= last && i < HORIZON_DAYS + 2; date = addDays(date, 1), i++) {
    for (const [a, b] of workingIntervals(c, date)) {
      const lo = Math.max(a, from);
      const hi = Math.min(b, to);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

/**
 * Calendar days (not business days) after an instant, at the same local wall-clock time — how a
 * complaint's decision deadline is counted ("within ten days"), DST-safe.
 */
export function addCalendarDays(start: number, days: number, timeZone: string): number {
  const t = kpiLocalTime(start, timeZone);
  const date = addDays(localDateOf(start, timeZone), days);
  return localInstant(date, t.hour * 60 + t.minute, timeZone) + (start % 60_000 + 60_000) % 60_000;
}

/** True when `at` falls in working hours. */
export function isWorkingTime(at: number, c: BusinessCalendar): boolean {
  return businessTimeBetween(at, at + 1, c) === 1;
}
