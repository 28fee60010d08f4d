// Conflicts of a vacation plan (planned or edited by hand): the Labour Code rules per employee, and days with
// more people on leave than the month's required FTE allows (headcount − required).
import { countedDays, holidaySet, yearDays } from './calendar.ts';
import type { MonthCoverage, VacationConflict, VacationPart, VacationProblem } from './types.ts';

/** Heads that may be on leave on each day of the year: headcount − the month's required FTE. */
export function leaveSlack(p: VacationProblem, dates: string[]): number[] {
  const heads = p.headcount ?? p.employees.length;
  return dates.map((d) => heads - p.requiredFte[Number(d.slice(5, 7)) - 1]!);
}

export function offPerDay(parts: VacationPart[], dates: string[]): number[] {
  const index = new Map(dates.map((d, i) => [d, i]));
  const off = new Array<number>(dates.length).fill(0);
  for (const v of parts) for (let i = index.get(v.from) ?? 0; i < dates.length && dates[i]! <= v.to; i++) off[i]!++;
  return off;
}

export function monthCoverage(p: VacationProblem, parts: VacationPart[]): MonthCoverage[] {
  const dates = yearDays(p.year);
  const off = offPerDay(parts, dates);
  const heads = p.headcount ?? p.employees.length;
  return p.requiredFte.map((requiredFte, m) => {
    const idx = dates.flatMap((d, i) => (Number(d.slice(5, 7)) === m + 1 ? [i] : []));
    const avail = idx.map((i) => heads - off[i]!);
    return { month: m + 1, requiredFte, availableFte: Math.round((avail.reduce((a, b) => a + b, 0) / avail.length) * 100) / 100, minAvailable: Math.min(...avail) };
  });
}

export function checkVacations(p: VacationProblem, parts: VacationPart[]): VacationConflict[] {
  const out: VacationConflict[] = [];
  const holidays = holidaySet(p.year, p.holidays);
  const long = p.longPartDays ?? 14;
  for (const e of p.employees) {
    const mine = parts.filter((v) => v.employeeId === e.id).sort((a, b) => a.from.localeCompare(b.from));
    const total = mine.reduce((n, v) => n + countedDays(v.from, v.to, holidays), 0);
    const entitled = e.days ?? 28;
    if (total !== entitled) out.push({ kind: 'rule', employeeId: e.id, detail: `${total} days of leave planned, entitled to ${entitled} (Art. 115)` });
    if (entitled >= long && !mine.some((v) => countedDays(v.from, v.to, holidays) >= long)) out.push({ kind: 'rule', employeeId: e.id, detail: `no part of at least ${long} days (Art. 125)` });
    for (let k = 1; k < mine.length; k++) if (mine[k]!.from <= mine[k - 1]!.to) out.push({ kind: 'rule', employeeId: e.id, from: mine[k]!.from, to: mine[k - 1]!.to, detail: 'two parts of leave overlap' });
    for (const v of mine) for (const u of e.unavailable ?? []) if (v.from <= u.to && u.from <= v.to) out.push({ kind: 'rule', employeeId: e.id, from: v.from, to: v.to, detail: `leave falls on ${u.from}–${u.to}, when the employee cannot be on leave` });
  }
  const dates = yearDays(p.year);
  const off = offPerDay(parts, dates);
  const slack = leaveSlack(p, dates);
  for (let i = 0; i < dates.length; ) {
    if (off[i]! <= slack[i]!) {
      i++;
      continue;
    }
    let j = i;
    let worst = 0;
    while (j < dates.length && off[j]! > slack[j]!) worst = Math.max(worst, off[j++]! - slack[j - 1]!);
    out.push({ kind: 'coverage', from: dates[i], to: dates[j - 1], detail: `too many on leave: up to ${worst} more than the ${Math.max(0, Math.floor(slack[i]!))} the required FTE allows` });
    i = j;
  }
  return out;
}
