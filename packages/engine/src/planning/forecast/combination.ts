// Forecast combination: the mean of several models' forecasts (Bates & Granger 1969; equal weights are
// hard to beat, Clemen 1989).
import type { VolumeModel } from './model.ts';

export function combination(models: VolumeModel[], name = `combo(${models.map((m) => m.name).join('+')})`): VolumeModel {
  return {
    name,
    forecast(history, dates, calendar) {
      const all = models.map((m) => m.forecast(history, dates, calendar));
      return dates.map((_, d) => all[0]![d]!.map((_, i) => all.reduce((s, f) => s + f[d]![i]!, 0) / all.length));
    },
  };
}

/**
 * Total of one model, intraday shape averaged over several: ŷ_d,i = T_d · mean_m(ŷ^m_d,i / Σ_i ŷ^m_d,i).
 * (The calendar regression is best at the day's level, Holt-Winters adds the most recent intraday shape.)
 */
export function totalWithBlendedProfile(totalModel: VolumeModel, profileModels: VolumeModel[], name: string): VolumeModel {
  return {
    name,
    forecast(history, dates, calendar) {
      const base = totalModel.forecast(history, dates, calendar);
      const others = profileModels.map((m) => m.forecast(history, dates, calendar));
      return base.map((row, d) => {
        const total = row.reduce((s, v) => s + v, 0);
        const shapes = [row, ...others.map((o) => o[d]!)].map((r) => {
          const t = r.reduce((s, v) => s + v, 0);
          return t > 0 ? r.map((v) => v / t) : undefined;
        }).filter((r): r is number[] => r !== undefined);
        return row.map((_, i) => (shapes.length ? (total * shapes.reduce((s, r) => s + r[i]!, 0)) / shapes.length : 0));
      });
    },
  };
}
