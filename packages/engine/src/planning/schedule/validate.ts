// Checks made before any solving: contradictory rules and templates (checkRules), templates off the grid or
// with breaks that cannot be placed, malformed employees and requirement.
import { clockMinutes, makeGrid } from './grid.ts';
import { breaksPlaceable } from './breaks.ts';
import { checkRules, LABOUR_CODE_DEFAULTS } from './rules.ts';
import { paidMinutes } from './templates.ts';
import type { ScheduleProblem } from './problem.ts';

export function checkScheduleProblem(p: ScheduleProblem): string[] {
  const problems: string[] = [];
  const step = p.horizon.intervalMinutes ?? 15;
  if (!Number.isInteger(p.horizon.days) || p.horizon.days <= 0) problems.push('the horizon must have a positive whole number of days');
  if (!(step > 0) || 1440 % step !== 0) problems.push(`interval of ${step} min does not divide a day`);
  if (problems.length) return problems;
  const grid = makeGrid(p.horizon);
  if (p.requirement.length !== grid.size) problems.push(`requirement has ${p.requirement.length} values for ${grid.size} intervals`);
  if (p.requirement.some((r) => !(r >= 0))) problems.push('requirement values must be numbers ≥ 0');
  const rules = p.rules ?? LABOUR_CODE_DEFAULTS;
  problems.push(...checkRules(rules, p.templates.map((t) => ({ name: t.name, lengthHours: paidMinutes(t) / 60 }))));
  if (p.templates.length === 0) problems.push('no shift templates');
  for (const t of p.templates) {
    const where = `shift template "${t.name}"`;
    let a: number;
    let b: number;
    try {
      a = clockMinutes(t.earliestStart);
      b = clockMinutes(t.latestStart);
    } catch (e) {
      problems.push(`${where}: ${(e as Error).message}`);
      continue;
    }
    if (b < a || b >= 1440) problems.push(`${where}: latest start ${t.latestStart} is before the earliest ${t.earliestStart} or not within the day`);
    if (a % step || t.startStepMinutes % step || t.lengthMinutes % step || !(t.startStepMinutes > 0)) problems.push(`${where}: start, step and length must be positive multiples of the ${step}-minute interval`);
    for (const br of t.breaks ?? []) {
      if (br.minutes % step || br.earliestStart % step) problems.push(`${where}: break "${br.name}" is off the ${step}-minute grid`);
      if (br.latestStart < br.earliestStart || br.latestStart + br.minutes > t.lengthMinutes) problems.push(`${where}: the window of break "${br.name}" does not fit inside the shift`);
    }
    if (!problems.some((x) => x.startsWith(where)) && !breaksPlaceable(t, step)) problems.push(`${where}: its breaks cannot be placed inside their windows with ${t.minWorkMinutes ?? 0}–${t.maxWorkMinutes ?? '∞'} min of work around them`);
  }
  const names = new Set(p.templates.map((t) => t.name));
  const ids = new Set<string>();
  for (const e of p.employees) {
    if (ids.has(e.id)) problems.push(`employee "${e.id}" appears twice`);
    ids.add(e.id);
    if (!(e.normHours >= 0)) problems.push(`employee "${e.id}": hours norm must be ≥ 0`);
    for (const n of e.templates ?? []) if (!names.has(n)) problems.push(`employee "${e.id}": unknown shift template "${n}"`);
  }
  return problems;
}
