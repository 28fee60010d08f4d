// docs/KPI.md § Intervals and time zones: DST in Berlin, none in Moscow.
import { describe, expect, it } from 'vitest';
import {
  kpiContactCell, kpiIntervalLabel, kpiIntervalStart, kpiIntervalsBetween, kpiNextIntervalStart, kpiPeriodKey, kpiRollUp, kpiStateSpanCells,
} from '../../src/kpi/index.ts';

const utc = (s: string): number => Date.parse(`${s}Z`);
const berlin = 'Europe/Berlin';
const moscow = 'Europe/Moscow';

describe('interval alignment', () => {
  it('counts 92, 100 and 96 intervals in the local days', () => {
    // 30 March 2025: Berlin springs forward at 02:00 CET (01:00 UTC); 26 October: back at 03:00 CEST.
    expect(kpiIntervalsBetween(utc('2025-03-29T23:00'), utc('2025-03-30T22:00'), berlin)).toHaveLength(92);
    expect(kpiIntervalsBetween(utc('2025-10-25T22:00'), utc('2025-10-26T23:00'), berlin)).toHaveLength(100);
    expect(kpiIntervalsBetween(utc('2025-03-29T21:00'), utc('2025-03-30T21:00'), moscow)).toHaveLength(96);
  });

  it('names the intervals around the spring gap', () => {
    const s = kpiIntervalStart(utc('2025-03-30T00:50'), berlin);
    expect(kpiIntervalLabel(s, berlin)).toBe('2025-03-30T01:45+01:00');
    expect(kpiIntervalLabel(kpiNextIntervalStart(s, berlin), berlin)).toBe('2025-03-30T03:00+02:00');
  });

  it('keeps the two autumn 02:00s apart', () => {
    const o = { timeZone: berlin };
    const first = kpiContactCell({ contactId: 'x', queueId: 'q', channel: 'chat', offeredAt: utc('2025-10-26T00:05') }, o); // 02:05 CEST
    const second = kpiContactCell({ contactId: 'y', queueId: 'q', channel: 'chat', offeredAt: utc('2025-10-26T01:05') }, o); // 02:05 CET
    expect(kpiIntervalLabel(first.intervalStart, berlin)).toBe('2025-10-26T02:00+02:00');
    expect(kpiIntervalLabel(second.intervalStart, berlin)).toBe('2025-10-26T02:00+01:00');
    expect(second.intervalStart - first.intervalStart).toBe(3_600_000);
  });

  it('splits a state across the DST changes by real time', () => {
    const spring = kpiStateSpanCells({ agentId: 'a', state: 'ready', start: utc('2025-03-30T00:50'), end: utc('2025-03-30T01:10') }, { timeZone: berlin });
    expect(spring.map((c) => [kpiIntervalLabel(c.intervalStart, berlin), c.aggregate.agentReadySeconds])).toEqual([
      ['2025-03-30T01:45+01:00', 600], ['2025-03-30T03:00+02:00', 600],
    ]);
    const autumn = kpiStateSpanCells({ agentId: 'a', state: 'ready', start: utc('2025-10-26T00:50'), end: utc('2025-10-26T01:10') }, { timeZone: berlin });
    expect(autumn.map((c) => [kpiIntervalLabel(c.intervalStart, berlin), c.aggregate.agentReadySeconds])).toEqual([
      ['2025-10-26T02:45+02:00', 600], ['2025-10-26T02:00+01:00', 600],
    ]);
  });

  it('rolls a whole DST day up into 23 or 25 hours and one day', () => {
    const day = (from: string, to: string) =>
      kpiStateSpanCells({ agentId: 'a', state: 'notReady', reason: 'training', start: utc(from), end: utc(to) }, { timeZone: berlin });
    const spring = day('2025-03-29T23:00', '2025-03-30T22:00');
    expect(spring).toHaveLength(92);
    expect(kpiRollUp(spring, (c) => kpiPeriodKey(c.intervalStart, 'hour', berlin)).size).toBe(23);
    expect([...kpiRollUp(spring, (c) => kpiPeriodKey(c.intervalStart, 'day', berlin))]).toEqual([
      ['2025-03-30', expect.objectContaining({ agentNotReadySeconds: { training: 82_800 } })],
    ]);
    const autumn = day('2025-10-25T22:00', '2025-10-26T23:00');
    const hours = kpiRollUp(autumn, (c) => kpiPeriodKey(c.intervalStart, 'hour', berlin));
    expect(hours.size).toBe(25);
    expect(hours.has('2025-10-26T02+02:00') && hours.has('2025-10-26T02+01:00')).toBe(true);
    expect(kpiRollUp(autumn, (c) => kpiPeriodKey(c.intervalStart, 'day', berlin)).get('2025-10-26')!.agentNotReadySeconds.training).toBe(90_000);
  });

  it('puts one instant in different local days by zone', () => {
    const at = utc('2025-03-30T21:30'); // Moscow 00:30 on the 31st, Berlin 23:30 on the 30th
    expect(kpiPeriodKey(at, 'day', moscow)).toBe('2025-03-31');
    expect(kpiPeriodKey(at, 'day', berlin)).toBe('2025-03-30');
    expect(kpiPeriodKey(at, 'week', moscow)).toBe('2025-W14');
    expect(kpiPeriodKey(at, 'week', berlin)).toBe('2025-W13');
    expect(kpiPeriodKey(at, 'month', moscow)).toBe('2025-03');
    expect(kpiIntervalLabel(kpiIntervalStart(at, moscow), moscow)).toBe('2025-03-31T00:30+03:00');
  });

  it('names ISO weeks across the new year', () => {
    expect(kpiPeriodKey(utc('2024-12-30T12:00'), 'week', moscow)).toBe('2025-W01');
    expect(kpiPeriodKey(utc('2027-01-01T12:00'), 'week', moscow)).toBe('2026-W53');
  });

  it('aligns to local time where the offset is not whole hours', () => {
    // India (+05:30), 60-minute intervals: 10:40 local is in 10:00–11:00 local, 04:30–05:30 UTC.
    expect(kpiIntervalStart(utc('2025-01-15T05:10'), 'Asia/Kolkata', 60)).toBe(utc('2025-01-15T04:30'));
    expect(() => kpiIntervalStart(0, berlin, 7)).toThrow(RangeError);
    expect(() => kpiIntervalStart(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('a DST shift that is not a multiple of the interval', () => {
  it('starts a new interval at the change (Lord Howe, 30-minute shift, 60-minute intervals)', () => {
    const tz = 'Australia/Lord_Howe';
    const labels = kpiIntervalsBetween(utc('2025-04-05T14:00'), utc('2025-04-05T17:00'), tz, 60).map((s) => kpiIntervalLabel(s, tz));
    expect(labels).toEqual(['2025-04-06T01:00+11:00', '2025-04-06T01:30+10:30', '2025-04-06T02:00+10:30', '2025-04-06T03:00+10:30']);
  });
});
