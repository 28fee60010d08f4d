// Report periods in a hotline's time zone: ISO weeks (Monday first, ISO 8601) and calendar
// months, named by their first day `YYYY-MM-DD`. Uses Intl (IANA time zones), no clock.

export type QualityPeriod = 'week' | 'month';

const QUARTER_HOUR = 900_000; // every IANA offset is a multiple of 15 minutes
const formatters = new Map<string, Intl.DateTimeFormat>();
const dayCache = new Map<string, string>();

function localDay(at: number, timeZone: string): string {
  const bucket = Math.floor(at / QUARTER_HOUR);
  const key = `${timeZone} ${bucket}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    let f = formatters.get(timeZone);
    if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
    day = f.format(bucket * QUARTER_HOUR); // en-CA formats as YYYY-MM-DD
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(key, day);
  }
  return day;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** First day of the period containing `at` (ms) in `timeZone`. */
export function qualityPeriodStart(at: number, period: QualityPeriod, timeZone: string): string {
  const day = localDay(at, timeZone);
  if (period === 'month') return `${day.slice(0, 8)}01`;
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return isoDay(ms - weekday * 86_400_000);
}

/** The first day of the next period. */
export function qualityNextPeriod(start: string, period: QualityPeriod): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (period === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return isoDay(d.getTime());
}
