// Long-term forecast (months ahead): daily totals from the calendar regression, with a month-of-year factor
// when the history covers at least a year (mean calendar-adjusted log total of each month relative to the
// last twelve months' mean), times the intraday profile of the day class.
import { meanProfile } from './calendarRegression.ts';
import type { DayCalendar } from './calendar.ts';
import { fitDayTotals } from './dayTotals.ts';
import { daysBetween } from './dates.ts';
import { daysByClass, featureCache, sameClass } from './model.ts';
import { dayTotal, type DaySeries } from './series.ts';

export function longTermForecast(history: DaySeries, dates: string[], calendar: DayCalendar, options: { profileDays?: number } = {}): { daily: Array<{ date: string; total: number }>; intervals: number[][] } {
  const f = featureCache(calendar);
  const totals = fitDayTotals(history, f);
  const groups = daysByClass(history, f);
  const days = history.days;
  const spanDays = days.length ? daysBetween(days[0]!.date, days.at(-1)!.date) : 0;
  const monthFactor = new Map<number, number>();
  if (spanDays >= 365) {
    // residual of each day against its class, averaged by month, relative to the last month's
    const byMonth = new Map<number, number[]>();
    for (const d of days) {
      const feat = f(d.date);
      const expected = totals.total(feat);
      if (expected <= 0) continue;
      const m = Number(d.date.slice(5, 7));
      byMonth.set(m, [...(byMonth.get(m) ?? []), Math.log((dayTotal(d.values) + 1) / (expected + 1))]);
    }
    const lastMonth = Number(days.at(-1)!.date.slice(5, 7));
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const ref = byMonth.has(lastMonth) ? mean(byMonth.get(lastMonth)!) : 0;
    for (const [m, r] of byMonth) monthFactor.set(m, Math.exp(mean(r) - ref));
  }
  const daily = dates.map((date) => ({ date, total: totals.total(f(date)) * (monthFactor.get(Number(date.slice(5, 7))) ?? 1) }));
  const intervals = daily.map(({ date, total }) => meanProfile(sameClass(groups, f(date).dayClass).slice(-(options.profileDays ?? 8)), history.slots).map((p) => p * total));
  return { daily, intervals };
}
