// Local wall-clock time in an IANA time zone, from Intl (no clock, no time-zone library).
// KPI intervals are intervals of *local* time, so everything that aligns or names them starts
// from the UTC offset in force at an instant.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what a caller passing one should get.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Remainder with the sign of the divisor (instants before 1970 are negative). Internal. */
export const mod = (a: number, b: number): number => ((a % b) + b) % b;

/** UTC offset (ms, east positive) in force in `timeZone` at the instant `at` (ms since the epoch). */
export function kpiUtcOffsetMs(at: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  // Intl shows whole seconds, so compare with the instant truncated to its second.
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - (at - mod(at, 1000));
}

/** The local wall-clock reading of `at`, as fields. */
export interface KpiLocalTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  /** Monday 0 … Sunday 6 (ISO order). */
  weekday: number;
  offsetMinutes: number;
}

export function kpiLocalTime(at: number, timeZone: string): KpiLocalTime {
  const offset = kpiUtcOffsetMs(at, timeZone);
  const d = new Date(at + offset); // read with UTC getters = local wall clock
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(),
    weekday: (d.getUTCDay() + 6) % 7, offsetMinutes: Math.round(offset / 60_000),
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `+02:00` / `-03:30`: printed so the two 02:00s of an autumn DST night stay distinct. */
export function kpiOffsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const m = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

export function kpiLocalDate(t: KpiLocalTime): string {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

export function kpiLocalDateTime(t: KpiLocalTime): string {
  return `${kpiLocalDate(t)}T${pad(t.hour)}:${pad(t.minute)}${kpiOffsetText(t.offsetMinutes)}`;
}

