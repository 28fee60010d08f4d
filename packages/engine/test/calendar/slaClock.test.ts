// docs/CASES.md § "SLA clocks": a 9-hour resolution target on 09:00–18:00, Moscow.
import { describe, expect, it } from 'vitest';
import { slaClock, standardCalendar, type SlaClockInput } from '../../src/calendar/index.ts';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const base: SlaClockInput = {
  startedAt: at('2026-11-23T10:00:00+03:00'), // Monday
  targetMs: 9 * H,
  calendar: standardCalendar('Europe/Moscow'),
  pauses: [],
  stoppedAt: null,
  warnAt: 0.8,
};

describe('SLA clock', () => {
  it('runs on business time: due Tuesday 09:00 + 1 h; warning at 7.2 h', () => {
    const c = slaClock(base, at('2026-11-23T15:00:00+03:00'));
    expect(iso(c.dueAt)).toBe('2026-11-24T07:00:00.000Z'); // Tue 10:00
    expect(iso(c.warnAt)).toBe('2026-11-23T14:12:00.000Z'); // Mon 17:12
    expect(c).toMatchObject({ elapsedMs: 5 * H, remainingMs: 4 * H, state: 'ok', paused: false });
    expect(slaClock(base, at('2026-11-23T17:30:00+03:00')).state).toBe('warning');
    expect(slaClock(base, at('2026-11-24T10:00:00+03:00')).state).toBe('breached');
  });

  it('a pause (waiting for the customer) Mon 11:00 → Tue 14:00 moves the due time to Wednesday 13:00', () => {
    const paused = { ...base, pauses: [{ from: at('2026-11-23T11:00:00+03:00'), to: at('2026-11-24T14:00:00+03:00') }] };
    const c = slaClock(paused, at('2026-11-24T15:00:00+03:00'));
    expect(c.elapsedMs).toBe(2 * H);
    expect(iso(c.dueAt)).toBe('2026-11-25T10:00:00.000Z'); // Wed 13:00
  });

  it('while paused the clock stands still and has no due time', () => {
    const open = { ...base, pauses: [{ from: at('2026-11-23T11:00:00+03:00'), to: null }] };
    const c = slaClock(open, at('2026-11-30T11:00:00+03:00'));
    expect(c).toMatchObject({ elapsedMs: 1 * H, paused: true, dueAt: null, state: 'ok' });
  });

  it('stopped in time is met, stopped late is breached', () => {
    expect(slaClock({ ...base, stoppedAt: at('2026-11-23T17:00:00+03:00') }, at('2026-12-01T00:00:00Z')).state).toBe('met');
    expect(slaClock({ ...base, stoppedAt: at('2026-11-24T11:00:00+03:00') }, at('2026-12-01T00:00:00Z')).state).toBe('breached');
  });
});
