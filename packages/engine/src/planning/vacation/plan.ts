// Greedy vacation planner: parts are placed longest first (all employees' first parts, then the second…),
// each at the start date of least cost, where a day's cost grows with the load off_d / slack_d (slack =
// headcount − the month's required FTE), heavily once the slack is used up, less a bonus in preferred
// months. Spreading load in proportion to slack keeps leave out of the forecast's peak months — a
// min-max-load list-scheduling rule (Graham 1969, longest part first).
import { holidaySet, leaveEnd, yearDays } from './calendar.ts';
import { checkVacations, leaveSlack, monthCoverage } from './check.ts';
import type { VacationPart, VacationPlan, VacationProblem } from './types.ts';

const OVER = 1000;

export function planVacations(p: VacationProblem): VacationPlan {
  const dates = yearDays(p.year);
  const holidays = holidaySet(p.year, p.holidays);
  const slack = leaveSlack(p, dates);
  const off = new Array<number>(dates.length).fill(0);
  const taken = p.employees.map(() => new Uint8Array(dates.length));
  p.employees.forEach((e, k) => {
    for (const u of e.unavailable ?? []) dates.forEach((d, i) => d >= u.from && d <= u.to && (taken[k]![i] = 1));
  });
  // default split 14 + 7 + 7 (+ any days above 28); shorter entitlements in one part
  const splits = p.employees.map((e) => {
    const days = e.days ?? 28;
    return (e.parts ?? (days >= 28 ? [14, 7, 7, ...(days > 28 ? [days - 28] : [])] : [days])).slice().sort((a, b) => b - a);
  });
  const parts: VacationPart[] = [];
  const rounds = Math.max(0, ...splits.map((s) => s.length));
  for (let r = 0; r < rounds; r++) {
    p.employees.forEach((e, k) => {
      const len = splits[k]![r];
      if (!len) return;
      const like = new Set(e.preferredMonths ?? []);
      let best = -1;
      let bestEnd = -1;
      let bestCost = Infinity;
      for (let s = 0; s < dates.length; s++) {
        const end = leaveEnd(dates, s, len, holidays);
        if (end < 0) break;
        let cost = 0;
        // a free day before and after keeps parts apart (adjacent parts would be one long part)
        for (let i = Math.max(0, s - 1); i <= Math.min(dates.length - 1, end + 1) && cost < Infinity; i++) if (taken[k]![i]) cost = Infinity;
        if (cost === Infinity) continue;
        for (let i = s; i <= end; i++) {
          const room = Math.max(slack[i]!, 0.5);
          cost += off[i]! + 1 > slack[i]! ? OVER : (off[i]! + 1) / room;
          if (like.has(Number(dates[i]!.slice(5, 7)))) cost -= 0.5;
        }
        if (cost < bestCost - 1e-12) {
          best = s;
          bestEnd = end;
          bestCost = cost;
        }
      }
      if (best < 0) return;
      for (let i = best; i <= bestEnd; i++) {
        off[i]!++;
        taken[k]![i] = 1;
      }
      parts.push({ employeeId: e.id, from: dates[best]!, to: dates[bestEnd]!, days: len });
    });
  }
  parts.sort((a, b) => a.employeeId.localeCompare(b.employeeId) || a.from.localeCompare(b.from));
  return { parts, months: monthCoverage(p, parts), conflicts: checkVacations(p, parts) };
}
