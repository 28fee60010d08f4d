// Required FTE per month for the vacation plan: the staffed daily need (person-hours a day from the
// staffing, converted to full-time equivalents: a full-timer works 40 h over 7 calendar days) scaled by the
// history's monthly seasonality (a month's mean daily volume over the mean of all months seen; 1 for
// months without history).

export function monthlyRequiredFte(dailyPersonHours: number, monthlyDailyVolume: ReadonlyArray<number | null>): number[] {
  const seen = monthlyDailyVolume.filter((v): v is number => v !== null && v > 0);
  const mean = seen.length ? seen.reduce((a, b) => a + b, 0) / seen.length : 0;
  const fte = dailyPersonHours / (40 / 7);
  return Array.from({ length: 12 }, (_, m) => {
    const v = monthlyDailyVolume[m];
    return fte * (v !== null && v !== undefined && v > 0 && mean > 0 ? v / mean : 1);
  });
}
