// Intraday re-forecast from today's actuals. The day's level factor r is given a Gamma prior with mean 1
// whose strength `priorCalls` stands for the usual day-to-day level uncertainty (CV ≈ 1/√priorCalls); arrivals
// being Poisson, the posterior mean after A calls against F forecast so far is (Gamma–Poisson conjugacy)
//   r = (priorCalls + A) / (priorCalls + F)
// and the remaining intervals are the original forecast × r.

export function reforecastIntraday(forecast: readonly number[], actualSoFar: readonly number[], options: { priorCalls?: number } = {}): { factor: number; forecast: number[] } {
  const prior = options.priorCalls ?? 400;
  const seen = actualSoFar.length;
  if (seen > forecast.length) throw new RangeError('more actual intervals than forecast ones');
  let a = 0;
  let f = 0;
  for (let i = 0; i < seen; i++) {
    a += actualSoFar[i]!;
    f += forecast[i]!;
  }
  const factor = (prior + a) / (prior + f);
  return { factor, forecast: forecast.map((v, i) => (i < seen ? actualSoFar[i]! : v * factor)) };
}
