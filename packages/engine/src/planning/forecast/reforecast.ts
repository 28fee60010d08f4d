// Intraday re-forecast from today's actuals. The day's level factor r is given a Gamma prior with mean 1
// whose strength `priorCalls` stands for the usual day-to-day level uncertainty (CV ≈ 1/√priorCalls); arrivals
// being Poisson, the posterior mean after A calls against F forecast so far is (Gamma–Poisson conjugacy)
//   r = (priorCalls + A) / (priorCalls + F)
// and the remaining intervals are the original forecast × r. Early in the day (A, F ≪ priorCalls) r stays
// near 1; as the calls arrive it tends to the plain ratio A / F.
//
// AHT is re-forecast the same way, as a credibility-weighted ratio (Bühlmann): with ā the call-weighted mean
// handling time of the answered calls so far and f̄ the forecast AHT weighted by those same calls,
//   q = (priorAhtCalls + A·ā/f̄) / (priorAhtCalls + A)
// (a handling-time mean over A calls is already steady after a hundred or so: `priorAhtCalls` 100 by default).

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

export interface DayReforecast {
  /** Volume level factor r and AHT factor q applied to the intervals not yet seen. */
  volumeFactor: number;
  ahtFactor: number;
  /** Calls arrived and forecast over the intervals seen. */
  actualCalls: number;
  forecastCalls: number;
  /** Per interval: the actual where seen, the original forecast × factor after. */
  offered: number[];
  ahtSeconds: number[];
}

/**
 * Re-forecast of one day's volume and AHT from its first `actualOffered.length` intervals (the elapsed
 * part of the day). `actualAht[i]` is the mean handling time of the calls handled in interval i (ignored
 * where no calls arrived).
 */
export function reforecastDay(
  forecast: { offered: readonly number[]; ahtSeconds: readonly number[] },
  actual: { offered: readonly number[]; ahtSeconds: readonly number[] },
  options: { priorCalls?: number; priorAhtCalls?: number } = {},
): DayReforecast {
  const volume = reforecastIntraday(forecast.offered, actual.offered, options);
  const seen = actual.offered.length;
  const k = options.priorAhtCalls ?? 100;
  let calls = 0;
  let handle = 0;
  let expected = 0;
  for (let i = 0; i < seen; i++) {
    const n = actual.offered[i]!;
    if (!(n > 0) || !(forecast.ahtSeconds[i]! > 0)) continue;
    calls += n;
    handle += n * actual.ahtSeconds[i]!;
    expected += n * forecast.ahtSeconds[i]!;
  }
  const ahtFactor = calls > 0 ? (k + calls * (handle / expected)) / (k + calls) : 1;
  let actualCalls = 0;
  let forecastCalls = 0;
  for (let i = 0; i < seen; i++) {
    actualCalls += actual.offered[i]!;
    forecastCalls += forecast.offered[i]!;
  }
  return {
    volumeFactor: volume.factor,
    ahtFactor,
    actualCalls,
    forecastCalls,
    offered: volume.forecast,
    ahtSeconds: forecast.ahtSeconds.map((v, i) => (i < seen ? (actual.offered[i]! > 0 ? actual.ahtSeconds[i]! : v) : v * ahtFactor)),
  };
}
