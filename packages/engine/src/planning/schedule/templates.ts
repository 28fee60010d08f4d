// Shift templates → candidate shifts. A template gives a window of start times (earliest…latest by a step),
// a length and break rules; every start on the grid on every allowed weekday of the horizon is a
// candidate (the usual explicit shift-set of Dantzig's set-covering model of staff scheduling).
import { weekday } from '../forecast/dates.ts';
import { clockMinutes, dateOfDay, type Grid } from './grid.ts';

export interface BreakRule {
  name: string;
  minutes: number;
  /** Paid breaks count as working time; unpaid ones (lunch) do not (Labour Code Art. 108). */
  paid: boolean;
  /** Window for the break's start, minutes after the shift's start. */
  earliestStart: number;
  latestStart: number;
}

export interface ShiftTemplate {
  name: string;
  /** Window of start times, 'HH:MM' (latestStart ≥ earliestStart, same day). */
  earliestStart: string;
  latestStart: string;
  startStepMinutes: number;
  /** Span from start to end, breaks included. */
  lengthMinutes: number;
  /** Breaks in the order they are taken. */
  breaks?: BreakRule[];
  /** Least / most continuous work before, between and after breaks (minutes). */
  minWorkMinutes?: number;
  maxWorkMinutes?: number;
  /** Weekdays (0 = Sunday … 6) a shift may start on; all by default. */
  weekdays?: number[];
}

export interface CandidateShift {
  id: number;
  template: number;
  day: number;
  /** Local minutes. */
  start: number;
  end: number;
  /** Intervals covered, clipped to the horizon: [startSlot, endSlot). */
  startSlot: number;
  endSlot: number;
  paidMinutes: number;
}

export const paidMinutes = (t: ShiftTemplate) => t.lengthMinutes - (t.breaks ?? []).reduce((s, b) => s + (b.paid ? 0 : b.minutes), 0);

export function generateShifts(templates: ShiftTemplate[], grid: Grid): CandidateShift[] {
  const shifts: CandidateShift[] = [];
  for (let day = 0; day < grid.days; day++) {
    const wd = weekday(dateOfDay(grid, day));
    templates.forEach((t, template) => {
      if (t.weekdays && !t.weekdays.includes(wd)) return;
      const paid = paidMinutes(t);
      for (let m = clockMinutes(t.earliestStart); m <= clockMinutes(t.latestStart); m += t.startStepMinutes) {
        const start = grid.origin + day * 1440 + m;
        const end = start + t.lengthMinutes;
        const startSlot = (start - grid.origin) / grid.step;
        const endSlot = Math.min(grid.size, (end - grid.origin) / grid.step);
        shifts.push({ id: shifts.length, template, day, start, end, startSlot, endSlot, paidMinutes: paid });
      }
    });
  }
  return shifts;
}
