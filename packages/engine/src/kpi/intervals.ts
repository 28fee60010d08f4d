// Report intervals: 15 minutes of *local* time in the hotline's zone, named by their UTC start.
//
// The key of an interval is the UTC instant it starts at, which is unambiguous: on the autumn
// DST night Berlin has two intervals reading 02:00 (+02:00 and +01:00) and the day has 100
// intervals; in spring it has 92; Moscow (no DST) always 96. Aligning in local time matters for
// intervals that do not divide the offset (60-minute intervals in India, +05:30) and for rolling
// intervals up into local hours, days, weeks and months (periods.ts).

import { kpiLocalDateTime, kpiLocalTime, kpiUtcOffsetMs, mod } from './localTime.ts';

export const KPI_INTERVAL_MINUTES = 15;

function lengthMs(minutes: number): number {
  // Divisors of an hour only, so every interval boundary is also an hour boundary.
  if (!Number.isInteger(minutes) || minutes < 1 || 60 % minutes !== 0) throw new RangeError(`interval minutes must divide 60, got ${minutes}`);
  return minutes * 60_000;
}

/** First instant in (from, to] whose offset equals the offset at `to` (binary search, 1 s). */
function offsetChangeAfter(from: number, to: number, timeZone: string): number {
  const target = kpiUtcOffsetMs(to, timeZone);
  let lo = from;
  let hi = to;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (kpiUtcOffsetMs(mid, timeZone) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** UTC start (ms) of the local interval containing `at`. */
export function kpiIntervalStart(at: number, timeZone: string, minutes = KPI_INTERVAL_MINUTES): number {
  const len = lengthMs(minutes);
  const offset = kpiUtcOffsetMs(at, timeZone);
  const local = at + offset;
  const start = local - mod(local, len) - offset;
  // An offset change inside the interval (only where a DST shift is not a multiple of the
  // interval, e.g. Lord Howe's 30 minutes with 60-minute intervals): a new interval starts there.
  if (start < at && kpiUtcOffsetMs(start, timeZone) !== offset) return offsetChangeAfter(start, at, timeZone);
  return start;
}

/** UTC start of the interval after the one starting at `start`. */
export function kpiNextIntervalStart(start: number, timeZone: string, minutes = KPI_INTERVAL_MINUTES): number {
  const candidate = start + lengthMs(minutes);
  const s = kpiIntervalStart(candidate, timeZone, minutes);
  return s > start ? s : candidate;
}

/** Local name of the interval starting at `start`, with its offset: `2025-10-26T02:00+01:00`. */
export function kpiIntervalLabel(start: number, timeZone: string): string {
  return kpiLocalDateTime(kpiLocalTime(start, timeZone));
}

/** UTC starts of every interval overlapping [from, to). */
export function kpiIntervalsBetween(from: number, to: number, timeZone: string, minutes = KPI_INTERVAL_MINUTES): number[] {
  const out: number[] = [];
  for (let s = kpiIntervalStart(from, timeZone, minutes); s < to; s = kpiNextIntervalStart(s, timeZone, minutes)) out.push(s);
  return out;
}
