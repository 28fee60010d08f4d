// The standard set of volume models compared by backtest, and lookup by name.
import { ewSameWeekday, meanOfLastK, seasonalNaive } from './baselines.ts';
import { calendarRegression } from './calendarRegression.ts';
import { totalWithBlendedProfile } from './combination.ts';
import { holtWintersDouble } from './holtWinters.ts';
import type { VolumeModel } from './model.ts';

export function standardModels(): VolumeModel[] {
  const hw = holtWintersDouble();
  const regression = calendarRegression();
  return [
    seasonalNaive(),
    meanOfLastK(4),
    ewSameWeekday(0.3),
    hw,
    regression,
    totalWithBlendedProfile(regression, [hw], 'regression-hw-profile'),
  ];
}

export const MODEL_NAMES = standardModels().map((m) => m.name);

export function modelByName(name: string): VolumeModel {
  const m = standardModels().find((x) => x.name === name);
  if (!m) throw new RangeError(`unknown model "${name}"; known: ${MODEL_NAMES.join(', ')}`);
  return m;
}
