// SLA clocks: a target of business time that runs on a calendar and stops while paused (waiting for
// the customer, a resolved case awaiting confirmation). Pure: `now` is passed in.
import { addBusinessTime, businessTimeBetween, type BusinessCalendar } from './businessCalendar.ts';

/** A stretch the clock stood still; `to` null = still paused. */
export interface SlaPause {
  from: number;
  to: number | null;
}

export interface SlaClockInput {
  startedAt: number;
  targetMs: number;
  calendar: BusinessCalendar;
  pauses: readonly SlaPause[];
  /** When the clock was stopped for good (first response given, case resolved); null = running. */
  stoppedAt: number | null;
  /** Fraction of the target at which to warn (0.8 = at 80 %). */
  warnAt: number;
}

export type SlaState = 'ok' | 'warning' | 'breached' | 'met';

export interface SlaClock {
  /** Business time counted so far (pauses excluded). */
  elapsedMs: number;
  remainingMs: number;
  /** When the target is reached if nothing pauses it; null while paused (it depends on when it resumes). */
  dueAt: number | null;
  /** When the warning threshold is reached, on the same terms. */
  warnAt: number | null;
  paused: boolean;
  state: SlaState;
  /** elapsed / target. */
  fraction: number;
}

/** The running stretches of the clock: start → first pause, end of a pause → next pause, …, open end. */
function runningStretches(startedAt: number, pauses: readonly SlaPause[]): [number, number | null][] {
  const sorted = [...pauses].filter((p) => p.to === null || p.to > p.from).sort((a, b) => a.from - b.from);
  const out: [number, number | null][] = [];
  let from: number | null = startedAt;
  for (const p of sorted) {
    if (from === null) break;
    if (p.from > from) out.push([from, p.from]);
    from = p.to === null ? null : Math.max(from, p.to);
  }
  if (from !== null) out.push([from, null]);
  return out;
}

/** Business time counted by the clock up to `at`. */
function elapsedAt(input: SlaClockInput, at: number): number {
  let total = 0;
  for (const [a, b] of runningStretches(input.startedAt, input.pauses)) {
    const end = Math.min(b ?? at, at);
    if (end > a) total += businessTimeBetween(a, end, input.calendar);
  }
  return total;
}

/** The instant the clock reaches `amountMs`, or null when it is paused before that (open pause). */
function instantOf(input: SlaClockInput, amountMs: number): number | null {
  let left = amountMs;
  for (const [a, b] of runningStretches(input.startedAt, input.pauses)) {
    if (b === null) return addBusinessTime(a, left, input.calendar);
    const here = businessTimeBetween(a, b, input.calendar);
    if (here >= left) return addBusinessTime(a, left, input.calendar);
    left -= here;
  }
  return null;
}

/** The clock at `now`. */
export function slaClock(input: SlaClockInput, now: number): SlaClock {
  const until = input.stoppedAt !== null ? Math.min(input.stoppedAt, now) : now;
  const elapsedMs = elapsedAt(input, until);
  const pauses = input.pauses.filter((p) => p.from <= until);
  const paused = input.stoppedAt === null && pauses.some((p) => p.to === null || p.to > now);
  const dueAt = instantOf({ ...input, pauses }, input.targetMs);
  const warnAt = instantOf({ ...input, pauses }, Math.floor(input.targetMs * input.warnAt));
  const fraction = input.targetMs > 0 ? elapsedMs / input.targetMs : 1;
  let state: SlaState;
  if (input.stoppedAt !== null && input.stoppedAt <= now) state = elapsedMs <= input.targetMs ? 'met' : 'breached';
  else if (elapsedMs >= input.targetMs) state = 'breached';
  else if (fraction >= input.warnAt) state = 'warning';
  else state = 'ok';
  return { elapsedMs, remainingMs: Math.max(0, input.targetMs - elapsedMs), dueAt, warnAt, paused, state, fraction };
}
