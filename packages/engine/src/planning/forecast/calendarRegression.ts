// Decomposition model: daily total from the calendar regression (dayTotals.ts) × intraday profile,
// the profile being the mean of the last k normalised profiles of the same day class.
import { fitDayTotals } from './dayTotals.ts';
import { daysByClass, featureCache, sameClass, zeros, type VolumeModel } from './model.ts';
import { dayTotal, type Day } from './series.ts';

/** Mean of the normalised profiles (shares of the day's total) of `days`. */
export function meanProfile(days: Day[], slots: number): number[] {
  const out = zeros(slots);
  let n = 0;
  for (const d of days) {
    const t = dayTotal(d.values);
    if (t <= 0) continue;
    d.values.forEach((v, i) => (out[i]! += v / t));
    n++;
  }
  return n ? out.map((v) => v / n) : out;
}

export function calendarRegression(options: { profileDays?: number; tuneDays?: number } = {}): VolumeModel {
  const k = options.profileDays ?? 8;
  return {
    name: 'calendar-regression',
    forecast(history, dates, calendar) {
      const f = featureCache(calendar);
      if (history.days.length === 0) return dates.map(() => zeros(history.slots));
      const totals = fitDayTotals(history, f, options.tuneDays ?? 20);
      const groups = daysByClass(history, f);
      return dates.map((date) => {
        const feat = f(date);
        const profile = meanProfile(sameClass(groups, feat.dayClass).slice(-k), history.slots);
        const total = totals.total(feat);
        return profile.map((p) => p * total);
      });
    },
  };
}
