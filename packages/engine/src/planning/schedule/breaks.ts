// Stage 3: breaks and lunches inside their windows. For a template, a backward dynamic programme over break
// start offsets (on the grid) marks the offsets from which the remaining breaks can still be placed within
// their windows and the work-stretch rules (min/max continuous work before, between and after breaks).
// Shifts are then handled one by one (least flexible first), each break greedily at the lawful offset where
// taking a head off duty costs least — i.e. where the on-duty surplus over the requirement is largest
// (the greedy-by-surplus rule of break scheduling, cf. Aykin 1996) — followed by re-placement passes that
// move single breaks between their fixed neighbours while that lowers the penalty.
import { coverageDelta, addCoverage } from './objective.ts';
import type { Instance } from './instance.ts';
import type { ShiftTemplate } from './templates.ts';

/** feasible[i] = offsets (minutes after the shift start) where break i may start with a lawful completion. */
export function breakOffsets(t: ShiftTemplate, step: number): number[][] {
  const br = t.breaks ?? [];
  const minW = t.minWorkMinutes ?? 0;
  const maxW = t.maxWorkMinutes ?? Infinity;
  const feasible: number[][] = br.map(() => []);
  for (let i = br.length - 1; i >= 0; i--) {
    const b = br[i]!;
    for (let k = Math.ceil(b.earliestStart / step) * step; k <= b.latestStart; k += step) {
      const end = k + b.minutes;
      const ok = i === br.length - 1
        ? t.lengthMinutes - end >= minW && t.lengthMinutes - end <= maxW
        : feasible[i + 1]!.some((k2) => k2 - end >= minW && k2 - end <= maxW);
      if (ok) feasible[i]!.push(k);
    }
  }
  if (feasible[0]) feasible[0] = feasible[0].filter((k) => k >= minW && k <= maxW);
  return feasible;
}

/** Whether the template's breaks can be placed at all (else a problem before solving). */
export const breaksPlaceable = (t: ShiftTemplate, step: number) =>
  (t.breaks ?? []).length === 0 ? t.lengthMinutes <= (t.maxWorkMinutes ?? Infinity) : breakOffsets(t, step).every((f) => f.length > 0);

export interface ShiftBreaks {
  shift: number;
  /** Start offsets of the template's breaks, minutes after the shift start. */
  offsets: number[];
}

/** Places breaks for the given candidate shifts; `onDuty` starts as presence and is lowered in place. */
export function placeBreaks(inst: Instance, assigned: number[], onDuty: Float64Array, passes = 2): ShiftBreaks[] {
  const { step } = inst.grid;
  const tables = inst.templates.map((t) => breakOffsets(t, step));
  const slot = (s: number, k: number) => (inst.shifts[s]!.start - inst.grid.origin + k) / step;
  const cost = (s: number, i: number, k: number) => {
    const a = slot(s, k);
    const b = a + inst.templates[inst.shifts[s]!.template]!.breaks![i]!.minutes / step;
    return a >= inst.grid.size ? 0 : coverageDelta(inst, onDuty, Math.max(0, a), Math.min(inst.grid.size, b), -1);
  };
  const apply = (s: number, i: number, k: number, by: number) => {
    const a = slot(s, k);
    const b = a + inst.templates[inst.shifts[s]!.template]!.breaks![i]!.minutes / step;
    addCoverage(onDuty, Math.max(0, Math.min(a, inst.grid.size)), Math.min(inst.grid.size, b), by);
  };
  const bounds = (t: ShiftTemplate, offsets: number[], i: number) => {
    const br = t.breaks!;
    const prevEnd = i === 0 ? 0 : offsets[i - 1]! + br[i - 1]!.minutes;
    const nextStart = i === br.length - 1 ? t.lengthMinutes : offsets[i + 1]!;
    return { prevEnd, nextStart };
  };
  const choose = (s: number, offsets: number[], i: number, placedAfter: boolean): number => {
    const t = inst.templates[inst.shifts[s]!.template]!;
    const minW = t.minWorkMinutes ?? 0;
    const maxW = t.maxWorkMinutes ?? Infinity;
    const { prevEnd, nextStart } = bounds(t, offsets, i);
    let best = -1;
    let bestCost = Infinity;
    for (const k of tables[inst.shifts[s]!.template]![i]!) {
      if (k - prevEnd < minW || k - prevEnd > maxW) continue;
      const end = k + t.breaks![i]!.minutes;
      if (placedAfter && (nextStart - end < minW || nextStart - end > maxW)) continue;
      const c = cost(s, i, k);
      if (c < bestCost - 1e-12) {
        best = k;
        bestCost = c;
      }
    }
    return best;
  };
  const order = assigned.map((s, j) => ({ s, j, room: tables[inst.shifts[s]!.template]!.reduce((n, f) => n + f.length, 0) }));
  order.sort((a, b) => a.room - b.room || inst.shifts[a.s]!.start - inst.shifts[b.s]!.start);
  const out: ShiftBreaks[] = assigned.map((s) => ({ shift: s, offsets: [] }));
  for (const { s, j } of order) {
    const n = inst.templates[inst.shifts[s]!.template]!.breaks?.length ?? 0;
    const offsets = out[j]!.offsets;
    for (let i = 0; i < n; i++) {
      offsets[i] = choose(s, offsets, i, false);
      apply(s, i, offsets[i]!, -1);
    }
  }
  for (let p = 0; p < passes; p++) {
    for (const { s, j } of order) {
      const offsets = out[j]!.offsets;
      for (let i = 0; i < offsets.length; i++) {
        apply(s, i, offsets[i]!, 1);
        offsets[i] = choose(s, offsets, i, true);
        apply(s, i, offsets[i]!, -1);
      }
    }
  }
  return out;
}
