// Worked examples of docs/CASES.md § "Business time": 09:00–18:00 Mon–Fri on the Russian production calendar.
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime, addCalendarDays, alwaysOpenCalendar, businessDayKind, businessTimeBetween, checkBusinessCalendar,
  isWorkingTime, standardCalendar, workingMinutes, type BusinessCalendar,
} from '../../src/calendar/index.ts';

const H = 3_600_000;
const msk = standardCalendar('Europe/Moscow');
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('addBusinessTime on 09:00–18:00, Moscow', () => {
  it('Friday 17:30 + 4 h → Monday 12:30 (half an hour on Friday, 3.5 h on Monday)', () => {
    expect(iso(addBusinessTime(at('2026-11-20T17:30:00+03:00'), 4 * H, msk))).toBe('2026-11-23T09:30:00.000Z');
    expect(businessTimeBetween(at('2026-11-20T17:30:00+03:00'), at('2026-11-23T12:30:00+03:00'), msk)).toBe(4 * H);
  });

  it('a start before opening counts from 09:00; a start after closing from the next morning', () => {
    expect(iso(addBusinessTime(at('2026-11-24T07:00:00+03:00'), 2 * H, msk))).toBe('2026-11-24T08:00:00.000Z'); // 11:00 MSK
    expect(iso(addBusinessTime(at('2026-11-24T20:00:00+03:00'), 1 * H, msk))).toBe('2026-11-25T07:00:00.000Z'); // 10:00 MSK
  });

  it('a pre-holiday day is an hour shorter and the holiday is skipped: 3 Nov 2026 15:00 + 4 h → 5 Nov 11:00', () => {
    expect(workingMinutes(msk, '2026-11-03')).toEqual([[540, 1020]]); // 09:00–17:00
    expect(businessDayKind(msk, '2026-11-04')).toBe('holiday');
    expect(iso(addBusinessTime(at('2026-11-03T15:00:00+03:00'), 4 * H, msk))).toBe('2026-11-05T08:00:00.000Z');
  });

  it('a transferred working Saturday works (shortened, 2 Nov 2024) and the Monday holiday after it does not', () => {
    expect(businessDayKind(msk, '2024-11-02')).toBe('shortened');
    expect(iso(addBusinessTime(at('2024-11-01T17:00:00+03:00'), 3 * H, msk))).toBe('2024-11-02T08:00:00.000Z'); // Sat 11:00
    expect(iso(addBusinessTime(at('2024-11-02T16:00:00+03:00'), 2 * H, msk))).toBe('2024-11-05T07:00:00.000Z'); // Tue 10:00
  });

  it('New Year holidays: 30 Dec 2025 17:00 + 2 h → 11 Jan 2026 is a Sunday, so Monday 12 Jan 10:00', () => {
    expect(iso(addBusinessTime(at('2025-12-30T17:00:00+03:00'), 2 * H, msk))).toBe('2026-01-12T07:00:00.000Z');
  });

  it('own holidays and working days of a calendar override the production calendar', () => {
    const own: BusinessCalendar = { ...msk, holidays: ['2026-11-23'], workingDays: ['2026-11-22'] };
    expect(businessDayKind(own, '2026-11-23')).toBe('holiday');
    expect(workingMinutes(own, '2026-11-22')).toEqual([[540, 1080]]);
    expect(iso(addBusinessTime(at('2026-11-20T17:30:00+03:00'), 4 * H, own))).toBe('2026-11-22T09:30:00.000Z'); // Sunday 12:30
  });

  it('a lunch break splits the day', () => {
    const lunch: BusinessCalendar = { ...msk, week: msk.week.map((d) => (d.length ? [{ from: '09:00', to: '13:00' }, { from: '14:00', to: '18:00' }] : [])) };
    expect(iso(addBusinessTime(at('2026-11-24T12:00:00+03:00'), 2 * H, lunch))).toBe('2026-11-24T12:00:00.000Z'); // 15:00 MSK
    expect(isWorkingTime(at('2026-11-24T13:30:00+03:00'), lunch)).toBe(false);
  });
});

describe('daylight saving time (Europe/Berlin, clocks forward 29 Mar 2026, back 25 Oct 2026)', () => {
  const berlin: BusinessCalendar = { ...alwaysOpenCalendar('Europe/Berlin') };
  it('a round-the-clock day of 23 hours in spring and 25 in autumn', () => {
    expect(businessTimeBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'), berlin)).toBe(23 * H);
    expect(businessTimeBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'), berlin)).toBe(25 * H);
    expect(iso(addBusinessTime(at('2026-03-28T12:00:00+01:00'), 24 * H, berlin))).toBe('2026-03-29T11:00:00.000Z'); // 13:00 CEST
  });

  it('working hours keep their wall-clock times across the change', () => {
    const day = [{ from: '09:00', to: '18:00' }];
    const office: BusinessCalendar = { ...berlin, week: [day, day, day, day, day, [], []] };
    expect(iso(addBusinessTime(at('2026-03-27T17:00:00+01:00'), 2 * H, office))).toBe('2026-03-30T08:00:00.000Z'); // Mon 10:00 CEST
  });
});

describe('calendar days and checks', () => {
  it('ten calendar days keep the local time', () => {
    expect(iso(addCalendarDays(at('2026-11-20T17:30:00+03:00'), 10, 'Europe/Moscow'))).toBe('2026-11-30T14:30:00.000Z');
    expect(iso(addCalendarDays(at('2026-10-20T10:00:00+02:00'), 10, 'Europe/Berlin'))).toBe('2026-10-30T09:00:00.000Z'); // now +01:00
  });

  it('names what is wrong with a calendar', () => {
    const bad: BusinessCalendar = { ...msk, timeZone: 'Mars/Olympus', week: [[{ from: '18:00', to: '09:00' }], [], [], [], [], [], []] };
    expect(checkBusinessCalendar(bad).map((e) => e.path)).toEqual(['timeZone', 'week.0.0.to']);
    expect(checkBusinessCalendar(msk)).toEqual([]);
  });
});
