// Daily totals by a log-linear calendar regression (multiplicative decomposition):
//   ln(1 + Y_d) = week_k(d) + c_class(d) + Σ_j γ_j·f_j(d) + ε
// with day classes (weekday / working weekend / holiday) and calendar flags f (after a holiday,
// first/second/last open day of the month, shortened pre-holiday day). Fitted by backfitting
// (Hastie & Tibshirani 1990, ch. 4), each flag shrunk as γ·n/(n + 1). The forecast level is an exponentially
// weighted mean of the calendar-adjusted log totals, its weight α chosen by one-step backtest.
import { dateToDayNumber } from './dates.ts';
import type { DayFeatures } from './calendar.ts';
import { dayTotal, type DaySeries } from './series.ts';

const FLAGS = ['afterHoliday', 'firstOpenOfMonth', 'secondOpenOfMonth', 'lastOpenOfMonth', 'shortened'] as const;
const ALPHAS = [0.2, 0.35, 0.5, 0.65, 0.8, 1];

export interface DayTotalsModel {
  classEffect: Map<number, number>;
  flagEffect: Record<(typeof FLAGS)[number], number>;
  level: number;
  alpha: number;
  /** Forecast total of a date (0 for a class never seen open). */
  total(features: DayFeatures): number;
}

const flagsOf = (f: DayFeatures): number[] => FLAGS.map((k) => (f[k] ? 1 : 0));
const mean = (a: number[]) => (a.length ? a.reduce((s, v) => s + v, 0) / a.length : 0);

export function fitDayTotals(history: DaySeries, features: (date: string) => DayFeatures, tuneDays = 20): DayTotalsModel {
  const days = history.days;
  const y = days.map((d) => Math.log1p(dayTotal(d.values)));
  const cls = days.map((d) => features(d.date).dayClass);
  const fl = days.map((d) => flagsOf(features(d.date)));
  const week = days.map((d) => Math.floor((dateToDayNumber(d.date) + 3) / 7));
  const weekEff = new Map<number, number>();
  const classEff = new Map<number, number>();
  const gamma = FLAGS.map(() => 0);
  const fit = (i: number) => (weekEff.get(week[i]!) ?? 0) + (classEff.get(cls[i]!) ?? 0) + fl[i]!.reduce((s, f, j) => s + f * gamma[j]!, 0);
  for (let iter = 0; iter < 25; iter++) {
    const byWeek = new Map<number, number[]>();
    y.forEach((v, i) => {
      const r = v - (fit(i) - (weekEff.get(week[i]!) ?? 0));
      byWeek.set(week[i]!, [...(byWeek.get(week[i]!) ?? []), r]);
    });
    for (const [k, r] of byWeek) weekEff.set(k, mean(r));
    const byClass = new Map<number, number[]>();
    y.forEach((v, i) => byClass.set(cls[i]!, [...(byClass.get(cls[i]!) ?? []), v - (fit(i) - (classEff.get(cls[i]!) ?? 0))]));
    for (const [k, r] of byClass) classEff.set(k, mean(r));
    FLAGS.forEach((_, j) => {
      const r: number[] = [];
      y.forEach((v, i) => {
        if (fl[i]![j]) r.push(v - (fit(i) - gamma[j]!));
      });
      gamma[j] = (mean(r) * r.length) / (r.length + 1);
    });
  }
  const adjusted = y.map((v, i) => v - (classEff.get(cls[i]!) ?? 0) - fl[i]!.reduce((s, f, j) => s + f * gamma[j]!, 0));
  // α by the one-step absolute error of the log totals over the last tuneDays days
  let alpha = 0.5;
  let bestErr = Infinity;
  for (const a of ALPHAS) {
    let level = adjusted[0] ?? 0;
    let err = 0;
    adjusted.forEach((v, i) => {
      if (i >= adjusted.length - tuneDays && i > 0) err += Math.abs(v - level);
      level = i === 0 ? v : a * v + (1 - a) * level;
    });
    if (err < bestErr) [alpha, bestErr] = [a, err];
  }
  let level = adjusted[0] ?? 0;
  adjusted.forEach((v, i) => (level = i === 0 ? v : alpha * v + (1 - alpha) * level));
  const flagEffect = Object.fromEntries(FLAGS.map((k, j) => [k, gamma[j]!])) as DayTotalsModel['flagEffect'];
  return {
    classEffect: classEff,
    flagEffect,
    level,
    alpha,
    total(f) {
      const weekdayEffects = [1, 2, 3, 4, 5].flatMap((k) => (classEff.has(k) ? [classEff.get(k)!] : []));
      const fallback = (f.dayClass === 7 || (f.dayClass >= 1 && f.dayClass <= 5)) && weekdayEffects.length ? mean(weekdayEffects) : undefined;
      const c = classEff.get(f.dayClass) ?? fallback;
      if (c === undefined) return 0;
      return Math.max(0, Math.expm1(level + c + flagsOf(f).reduce((s, x, j) => s + x * gamma[j]!, 0)));
    },
  };
}
