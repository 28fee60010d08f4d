// AHT forecast: for each interval of the week, the call-weighted mean of the handling times seen in
// that interval, older weeks discounted geometrically:
//   AHT_{c,i} = Σ_d w_d·n_{d,i}·aht_{d,i} / Σ_d w_d·n_{d,i},  w_d = λ^(weeks before the origin)
// (c: the day class of the target, i: the slot; the queue's overall weighted mean where a slot has no calls).
import { daysByClass, featureCache, sameClass } from './model.ts';
import type { DayCalendar } from './calendar.ts';
import { daysBetween } from './dates.ts';
import type { DaySeries } from './series.ts';

export function forecastAht(offered: DaySeries, aht: DaySeries, dates: string[], calendar: DayCalendar, options: { weeklyDecay?: number; weeks?: number } = {}): number[][] {
  const decay = options.weeklyDecay ?? 0.8;
  const weeks = options.weeks ?? 8;
  const ahtByDate = new Map(aht.days.map((d) => [d.date, d.values]));
  const last = offered.days.at(-1)?.date;
  let allW = 0;
  let allS = 0;
  for (const d of offered.days) {
    const a = ahtByDate.get(d.date);
    d.values.forEach((n, i) => {
      if (a && n > 0) {
        allW += n;
        allS += n * a[i]!;
      }
    });
  }
  const overall = allW > 0 ? allS / allW : 0;
  const f = featureCache(calendar);
  const groups = daysByClass(offered, f);
  return dates.map((date) => {
    const days = sameClass(groups, f(date).dayClass).slice(-weeks);
    return Array.from({ length: offered.slots }, (_, i) => {
      let w = 0;
      let s = 0;
      for (const d of days) {
        const a = ahtByDate.get(d.date);
        const n = d.values[i]!;
        if (!a || !(n > 0)) continue;
        const weight = n * Math.pow(decay, Math.floor(daysBetween(d.date, last!) / 7));
        w += weight;
        s += weight * a[i]!;
      }
      return w > 0 ? s / w : overall;
    });
  });
}
