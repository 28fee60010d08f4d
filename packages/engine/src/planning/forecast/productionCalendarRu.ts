// The Russian production calendar (производственный календарь) from data/production-calendar-ru.json:
// holidays and transferred days off (Labour Code Art. 112, government decrees), working weekends,
// shortened pre-holiday days (Art. 95). Outside the years in the file: Sat/Sun weekends only.
import data from '../../../data/production-calendar-ru.json' with { type: 'json' };
import { weekday } from './dates.ts';
import type { DayCalendar } from './calendar.ts';

export interface ProductionYear {
  decree: string;
  holidays: string[];
  workingWeekends: string[];
  shortened: string[];
  nonWorking: string[];
  comment: string;
}

export interface ProductionCalendarData {
  comment: string;
  years: Record<string, ProductionYear>;
}

export const PRODUCTION_CALENDAR_RU: ProductionCalendarData = data;

/** A calendar from production-calendar data (the shipped Russian one by default, or an edited copy). */
export function productionCalendar(source: ProductionCalendarData = PRODUCTION_CALENDAR_RU): DayCalendar & { years: string[] } {
  const holidays = new Set<string>();
  const workingWeekends = new Set<string>();
  const shortened = new Set<string>();
  for (const y of Object.values(source.years)) {
    y.holidays.forEach((d) => holidays.add(d));
    y.workingWeekends.forEach((d) => workingWeekends.add(d));
    y.shortened.forEach((d) => shortened.add(d));
  }
  return {
    years: Object.keys(source.years),
    kind(date) {
      if (holidays.has(date)) return 'holiday';
      if (shortened.has(date)) return 'shortened';
      if (workingWeekends.has(date)) return 'working';
      const wd = weekday(date);
      return wd === 0 || wd === 6 ? 'weekend' : 'working';
    },
  };
}
