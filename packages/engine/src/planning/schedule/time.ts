// Local wall-clock times 'YYYY-MM-DDTHH:MM' as minutes since 1970-01-01 00:00 (no time zone, no clock).
import { dateToDayNumber } from '../forecast/dates.ts';

export function toMinutes(local: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) throw new RangeError(`not a local date-time: ${local}`);
  const h = Number(local.slice(11, 13));
  const m = Number(local.slice(14, 16));
  if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new RangeError(`not a local date-time: ${local}`);
  return dateToDayNumber(local.slice(0, 10)) * 1440 + h * 60 + m;
}

export function fromMinutes(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const m = minutes - day * 1440;
  return `${new Date(day * 86_400_000).toISOString().slice(0, 10)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Minutes of [start, end) that fall in the nightly window [nightStart, nightEnd) hours (e.g. 22 → 6). */
export function nightMinutes(start: number, end: number, nightStartHour = 22, nightEndHour = 6): number {
  let total = 0;
  const firstDay = Math.floor(start / 1440) - 1;
  const lastDay = Math.floor(end / 1440);
  for (let day = firstDay; day <= lastDay; day++) {
    const from = day * 1440 + nightStartHour * 60;
    const to = (nightEndHour <= nightStartHour ? day + 1 : day) * 1440 + nightEndHour * 60;
    total += Math.max(0, Math.min(end, to) - Math.max(start, from));
  }
  return total;
}
