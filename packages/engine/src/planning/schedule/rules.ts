// Checks a shift plan against labour rules (defaults from the Labour Code of the RF):
//   hours norm over the accounting period under summarised accounting (Art. 104),
//   maximum shift length, minimum rest between shifts, no two shifts in a row (Art. 103),
//   weekly uninterrupted rest ≥ 42 h (Art. 110), night hours 22:00–06:00 counted (Art. 96).
import { addDays, weekday } from '../forecast/dates.ts';
import { fromMinutes, nightMinutes, toMinutes } from './time.ts';

export interface LabourRules {
  maxShiftHours: number;
  minRestHours: number;
  weeklyRestHours: number;
  nightStartHour: number;
  nightEndHour: number;
}

export const LABOUR_CODE_DEFAULTS: LabourRules = { maxShiftHours: 12, minRestHours: 12, weeklyRestHours: 42, nightStartHour: 22, nightEndHour: 6 };

export interface PlannedShift {
  employeeId: string;
  /** Local 'YYYY-MM-DDTHH:MM'. */
  start: string;
  end: string;
  /** Unpaid breaks (lunch) inside the shift, minutes; not working time. */
  unpaidBreakMinutes?: number;
}

export type RuleName = 'bad-shift' | 'overlap' | 'max-shift-length' | 'two-shifts-in-a-row' | 'min-rest' | 'weekly-rest' | 'hours-norm';

export interface Violation {
  employeeId: string;
  rule: RuleName;
  /** Indices into the input shifts the violation is about. */
  shifts: number[];
  detail: string;
}

export interface EmployeeHours {
  employeeId: string;
  workedHours: number;
  nightHours: number;
  normHours: number | null;
  /** worked − norm, when a norm is given. */
  balanceHours: number | null;
}

export interface ScheduleCheck {
  violations: Violation[];
  employees: EmployeeHours[];
}

/** Contradictions in the rules or templates themselves, reported before any solving. */
export function checkRules(rules: LabourRules, templates: Array<{ name: string; lengthHours: number }> = []): string[] {
  const problems: string[] = [];
  if (!(rules.maxShiftHours > 0 && rules.maxShiftHours <= 24)) problems.push(`maximum shift length ${rules.maxShiftHours} h is not in (0, 24]`);
  if (!(rules.minRestHours >= 0)) problems.push('minimum rest between shifts must be ≥ 0 h');
  if (rules.weeklyRestHours > 168 - rules.maxShiftHours) problems.push(`weekly rest of ${rules.weeklyRestHours} h leaves no room for a ${rules.maxShiftHours} h shift in a week`);
  if (rules.weeklyRestHours < 42) problems.push(`weekly uninterrupted rest ${rules.weeklyRestHours} h is below the 42 h of Labour Code Art. 110`);
  for (const t of templates) {
    if (t.lengthHours > rules.maxShiftHours) problems.push(`shift template "${t.name}" lasts ${t.lengthHours} h, longer than the maximum ${rules.maxShiftHours} h`);
    if (!(t.lengthHours > 0)) problems.push(`shift template "${t.name}" has no length`);
  }
  return problems;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 1000) / 1000;

/**
 * Checks every employee's shifts. `period` (dates inclusive) bounds the weekly-rest check to the calendar
 * weeks (Mon–Sun) inside it; `normHours` (per employee or one for all) enables the norm check.
 * Weekly rest: within every calendar week of the period some rest between shifts of ≥ weeklyRestHours
 * (a rest may run across the week's edges) must overlap the week.
 */
export function checkSchedule(shifts: PlannedShift[], rules: LabourRules = LABOUR_CODE_DEFAULTS, options: { period?: { from: string; to: string }; normHours?: number | Record<string, number> } = {}): ScheduleCheck {
  const violations: Violation[] = [];
  const byEmployee = new Map<string, number[]>();
  shifts.forEach((s, i) => {
    const list = byEmployee.get(s.employeeId) ?? [];
    list.push(i);
    byEmployee.set(s.employeeId, list);
  });
  const employees: EmployeeHours[] = [];
  for (const [employeeId, idx] of byEmployee) {
    const spans: Array<{ i: number; start: number; end: number }> = [];
    for (const i of idx) {
      const s = shifts[i]!;
      const start = toMinutes(s.start);
      const end = toMinutes(s.end);
      if (!(end > start)) {
        violations.push({ employeeId, rule: 'bad-shift', shifts: [i], detail: `shift ${s.start}–${s.end} does not end after it starts` });
        continue;
      }
      spans.push({ i, start, end });
    }
    spans.sort((a, b) => a.start - b.start);
    let worked = 0;
    let night = 0;
    for (const s of spans) {
      const paid = s.end - s.start - (shifts[s.i]!.unpaidBreakMinutes ?? 0);
      worked += paid;
      night += nightMinutes(s.start, s.end, rules.nightStartHour, rules.nightEndHour);
      if (paid > rules.maxShiftHours * 60) {
        violations.push({ employeeId, rule: 'max-shift-length', shifts: [s.i], detail: `shift ${fromMinutes(s.start)} lasts ${hours(paid)} h of work, more than ${rules.maxShiftHours} h` });
      }
    }
    for (let k = 1; k < spans.length; k++) {
      const prev = spans[k - 1]!;
      const cur = spans[k]!;
      const gap = cur.start - prev.end;
      if (gap < 0) violations.push({ employeeId, rule: 'overlap', shifts: [prev.i, cur.i], detail: `shifts ${fromMinutes(prev.start)} and ${fromMinutes(cur.start)} overlap` });
      else if (gap === 0) violations.push({ employeeId, rule: 'two-shifts-in-a-row', shifts: [prev.i, cur.i], detail: `shift ${fromMinutes(cur.start)} starts as soon as the previous one ends (Art. 103)` });
      else if (gap < rules.minRestHours * 60) violations.push({ employeeId, rule: 'min-rest', shifts: [prev.i, cur.i], detail: `only ${hours(gap)} h of rest before ${fromMinutes(cur.start)} (minimum ${rules.minRestHours} h)` });
    }
    if (options.period) {
      // rests: before the first shift, between shifts, after the last (open-ended)
      const rests: Array<{ from: number; to: number }> = [];
      let free = -Infinity;
      for (const s of spans) {
        if (s.start > free) rests.push({ from: free, to: s.start });
        free = Math.max(free, s.end);
      }
      rests.push({ from: free, to: Infinity });
      let monday = options.period.from;
      while (weekday(monday) !== 1) monday = addDays(monday, -1);
      for (; monday <= options.period.to; monday = addDays(monday, 7)) {
        const weekStart = toMinutes(`${monday}T00:00`);
        const weekEnd = weekStart + 7 * 1440;
        const ok = rests.some((r) => r.to - r.from >= rules.weeklyRestHours * 60 && r.to > weekStart && r.from < weekEnd);
        if (!ok) {
          const inWeek = spans.filter((s) => s.end > weekStart && s.start < weekEnd).map((s) => s.i);
          violations.push({ employeeId, rule: 'weekly-rest', shifts: inWeek, detail: `no uninterrupted rest of ${rules.weeklyRestHours} h in the week of ${monday}` });
        }
      }
    }
    const norm = typeof options.normHours === 'number' ? options.normHours : options.normHours?.[employeeId];
    const workedHours = hours(worked);
    if (norm !== undefined && workedHours > norm + 1e-9) {
      violations.push({ employeeId, rule: 'hours-norm', shifts: spans.map((s) => s.i), detail: `${workedHours} h planned, above the norm of ${norm} h for the accounting period` });
    }
    employees.push({ employeeId, workedHours, nightHours: hours(night), normHours: norm ?? null, balanceHours: norm === undefined ? null : Math.round((workedHours - norm) * 1000) / 1000 });
  }
  return { violations, employees };
}
