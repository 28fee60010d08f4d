// Simple same-weekday models (the usual contact-center baselines):
//   seasonal naive  ŷ_d = y_{last day of the same class}            ("same weekday last week")
//   mean of k       ŷ_d = (1/k) Σ of the last k days of the class
//   EW weekday      ℓ ← α·y + (1 − α)·ℓ over the days of the class, oldest first (simple exponential
//                   smoothing per slot, Brown 1956)
// A day class is the weekday, or "holiday" / "working weekend" from the calendar.
import { daysByClass, featureCache, sameClass, zeros, type VolumeModel } from './model.ts';

export function seasonalNaive(): VolumeModel {
  return {
    name: 'seasonal-naive',
    forecast(history, dates, calendar) {
      const f = featureCache(calendar);
      const groups = daysByClass(history, f);
      return dates.map((d) => sameClass(groups, f(d).dayClass).at(-1)?.values.slice() ?? zeros(history.slots));
    },
  };
}

export function meanOfLastK(k = 4): VolumeModel {
  return {
    name: `mean-last-${k}`,
    forecast(history, dates, calendar) {
      const f = featureCache(calendar);
      const groups = daysByClass(history, f);
      return dates.map((d) => {
        const days = sameClass(groups, f(d).dayClass).slice(-k);
        const out = zeros(history.slots);
        for (const day of days) day.values.forEach((v, i) => (out[i]! += v / days.length));
        return out;
      });
    },
  };
}

export function ewSameWeekday(alpha = 0.3): VolumeModel {
  return {
    name: `ew-weekday-${alpha}`,
    forecast(history, dates, calendar) {
      const f = featureCache(calendar);
      const groups = daysByClass(history, f);
      return dates.map((d) => {
        const days = sameClass(groups, f(d).dayClass);
        if (days.length === 0) return zeros(history.slots);
        const level = days[0]!.values.slice();
        for (const day of days.slice(1)) day.values.forEach((v, i) => (level[i] = alpha * v + (1 - alpha) * level[i]!));
        return level;
      });
    },
  };
}
