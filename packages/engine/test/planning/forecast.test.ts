import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import {
  addIsoDays,
  autoSelection,
  bestModel,
  calendarFromHistory,
  calendarRegression,
  dayFeatures,
  ewSameWeekday,
  forecastAht,
  holtWintersDouble,
  isoWeekday,
  longTermForecast,
  meanOfLastK,
  productionCalendar,
  reforecastIntraday,
  rollingBacktest,
  seasonalNaive,
  standardModels,
  toDaySeries,
  wape,
  weekCalendar,
  withClosedDays,
  type DaySeries,
} from '../../src/planning/index.ts';

/** A Mon–Fri series with weekday levels, a two-peak intraday shape, optional noise and trend. */
function synthetic(options: { start?: string; days: number; closed?: string[]; afterHolidayBoost?: number; noise?: number; seed?: number; slots?: number }): DaySeries {
  const slots = options.slots ?? 12;
  let seed = options.seed ?? 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const weekdayLevel = [0, 1.3, 1.1, 1, 1, 1.05, 0];
  const shape = Array.from({ length: slots }, (_, i) => 1 + Math.exp(-((i - 3) ** 2) / 3) + 0.7 * Math.exp(-((i - 8) ** 2) / 4));
  const closed = new Set(options.closed ?? []);
  const days = [];
  let afterClosed = false;
  for (let d = 0; d < options.days; d++) {
    const date = addIsoDays(options.start ?? '2024-01-01', d);
    const wd = isoWeekday(date);
    if (wd === 0 || wd === 6) continue;
    if (closed.has(date)) {
      afterClosed = true;
      continue;
    }
    const boost = afterClosed ? (options.afterHolidayBoost ?? 1) : 1;
    afterClosed = false;
    days.push({ date, values: shape.map((s) => 100 * weekdayLevel[wd]! * s * boost * (1 + (options.noise ?? 0) * (random() - 0.5))) });
  }
  return { intervalMinutes: 60, startMinute: 8 * 60, slots, days };
}

describe('dates and series', () => {
  it('knows weekdays and aggregates intervals by day', () => {
    expect(isoWeekday('2003-03-03')).toBe(1);
    expect(isoWeekday('2024-02-29')).toBe(4);
    expect(addIsoDays('2024-02-28', 2)).toBe('2024-03-01');
    const s = toDaySeries([{ start: '2024-01-02T09:05', value: 2 }, { start: '2024-01-02T09:25', value: 3 }, { start: '2024-01-02T10:40:00Z', value: 4 }, { start: '2024-01-01T09:30', value: 1 }], 30);
    expect(s).toMatchObject({ startMinute: 540, slots: 4 });
    expect(s.days).toEqual([{ date: '2024-01-01', values: [0, 1, 0, 0] }, { date: '2024-01-02', values: [5, 0, 0, 4] }]);
  });
  it('computes WAPE as Σ|error| / Σ actual', () => {
    expect(wape([[10, 20]], [[12, 18]])).toBeCloseTo(4 / 30, 12);
  });
});

describe('Russian production calendar', () => {
  const ru = productionCalendar();
  it('holds holidays, transfers and shortened days', () => {
    expect(ru.kind('2024-01-08')).toBe('holiday');
    expect(ru.kind('2024-04-27')).toBe('working'); // working Saturday
    expect(ru.kind('2024-04-29')).toBe('holiday'); // transferred day off
    expect(ru.kind('2024-02-22')).toBe('shortened');
    expect(ru.kind('2023-02-24')).toBe('holiday'); // 1 Jan 2023 moved here
    expect(ru.kind('2025-05-02')).toBe('holiday');
    expect(ru.kind('2025-11-01')).toBe('working');
    expect(ru.kind('2026-01-09')).toBe('holiday');
    expect(ru.kind('2024-06-13')).toBe('working');
    expect(ru.kind('2024-06-15')).toBe('weekend');
    expect(ru.years).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027']);
  });
  it('gives the official number of working days per year', () => {
    const expected: Record<string, number> = { '2021': 247, '2022': 247, '2023': 247, '2024': 248, '2025': 247, '2026': 247 };
    for (const [year, n] of Object.entries(expected)) {
      let count = 0;
      for (let d = `${year}-01-01`; d.startsWith(year); d = addIsoDays(d, 1)) if (['working', 'shortened'].includes(ru.kind(d))) count++;
      expect(count, year).toBe(n);
    }
  });
  it('derives the regression features', () => {
    expect(dayFeatures('2024-01-09', ru)).toMatchObject({ afterHoliday: true, firstOpenOfMonth: true, dayClass: 2 });
    expect(dayFeatures('2024-04-27', ru)).toMatchObject({ dayClass: 7, lastOpenOfMonth: true }); // 28–30 April are days off
    expect(dayFeatures('2024-05-08', ru)).toMatchObject({ shortened: true });
    expect(dayFeatures('2024-05-13', ru)).toMatchObject({ afterHoliday: true });
    expect(dayFeatures('2024-05-31', ru)).toMatchObject({ lastOpenOfMonth: true });
  });
});

describe('volume models', () => {
  const history = synthetic({ days: 120 });
  const cal = weekCalendar();
  const target = ['2024-04-30', '2024-05-06']; // Tuesday, Monday
  it('baselines repeat the same weekday', () => {
    const last = history.days.filter((d) => isoWeekday(d.date) === 2).at(-1)!.values;
    expect(seasonalNaive().forecast(history, target, cal)[0]).toEqual(last);
    expect(meanOfLastK(4).forecast(history, target, cal)[1]![3]).toBeCloseTo(history.days.filter((d) => isoWeekday(d.date) === 1).at(-1)!.values[3]!, 9);
    expect(ewSameWeekday(0.3).forecast(history, target, cal)[0]![5]).toBeCloseTo(last[5]!, 9);
    expect(seasonalNaive().forecast(history, ['2024-05-04'], cal)[0]!.every((v) => v === 0)).toBe(true); // Saturday: closed
  });
  it('every model reproduces a noiseless periodic series', () => {
    const next = history.days.at(-1)!.date;
    const dates = [addIsoDays(next, 3), addIsoDays(next, 4)].filter((d) => ![0, 6].includes(isoWeekday(d)));
    const truth = synthetic({ days: 200 }).days.filter((d) => dates.includes(d.date)).map((d) => d.values);
    for (const m of standardModels()) expect(wape(m.forecast(history, dates, cal), truth), m.name).toBeLessThan(0.01);
  });
  it('Holt-Winters follows a level shift faster than the mean of four weeks', () => {
    const shifted: DaySeries = { ...history, days: history.days.map((d, i) => ({ ...d, values: d.values.map((v) => (i >= history.days.length - 10 ? v * 1.3 : v)) })) };
    const date = '2024-04-30';
    const truth = history.days.find((d) => isoWeekday(d.date) === 2)!.values.map((v) => v * 1.3);
    const hw = wape(holtWintersDouble().forecast(shifted, [date], cal), [truth]);
    const mean4 = wape(meanOfLastK(4).forecast(shifted, [date], cal), [truth]);
    expect(hw).toBeLessThan(mean4);
  });
  it('the calendar regression learns the day after a holiday', () => {
    const closed = ['2024-01-17', '2024-02-14', '2024-03-13', '2024-04-10', '2024-05-15'];
    const s = synthetic({ days: 140, closed, afterHolidayBoost: 1.3, noise: 0.02 });
    const history = { ...s, days: s.days.filter((d) => d.date < '2024-05-15') };
    const calendar = withClosedDays(weekCalendar(), ['2024-05-15']);
    const [normal, after] = calendarRegression().forecast(history, ['2024-05-09', '2024-05-16'], calendarFromHistory(history, calendar)).map((r) => r.reduce((a, b) => a + b, 0));
    expect(after! / normal!).toBeGreaterThan(1.2); // both Thursdays; the second follows a closed day
  });
});

describe('backtest and choice', () => {
  it('ranks models by rolling-origin WAPE and chooses without look-ahead', () => {
    const s = synthetic({ days: 140, noise: 0.1 });
    const dates = s.days.slice(-15).map((d) => d.date);
    const bt = rollingBacktest(s, [seasonalNaive(), meanOfLastK(4)], weekCalendar(), dates);
    expect(bt.table.map((r) => r.model)).toEqual(['seasonal-naive', 'mean-last-4']);
    expect(bestModel(bt.table)).toBe('mean-last-4'); // averaging removes noise
    const auto = autoSelection(bt, 5);
    expect(auto.dates).toHaveLength(10);
    expect(auto.chosen.every((n) => n === 'mean-last-4' || n === 'seasonal-naive')).toBe(true);
  });
});

describe('AHT, re-forecast, long term', () => {
  it('AHT is the call-weighted mean of the same interval of the week', () => {
    const offered = synthetic({ days: 28 });
    const aht: DaySeries = { ...offered, days: offered.days.map((d, k) => ({ date: d.date, values: d.values.map(() => (k % 2 ? 200 : 100)) })) };
    const f = forecastAht(offered, aht, ['2024-01-29'], weekCalendar(), { weeklyDecay: 1 })[0]!;
    expect(f[0]).toBeGreaterThan(100);
    expect(f[0]).toBeLessThan(200);
    expect(new Set(f.map((v) => v.toFixed(6))).size).toBe(1);
  });
  it('re-forecast scales the rest of the day by the Gamma–Poisson factor', () => {
    const r = reforecastIntraday([100, 100, 100, 100], [150, 130], { priorCalls: 200 });
    expect(r.factor).toBeCloseTo((200 + 280) / (200 + 200), 12);
    expect(r.forecast).toEqual([150, 130, 120, 120]);
  });
  it('long term: daily totals × profile, with a month factor after a year of history', () => {
    const s = synthetic({ days: 500 });
    const months: DaySeries = { ...s, days: s.days.map((d) => ({ ...d, values: d.values.map((v) => v * (d.date.slice(5, 7) === '07' ? 1.5 : 1)) })) };
    const history = { ...months, days: months.days.filter((d) => d.date < '2025-03-01') };
    const r = longTermForecast(history, ['2025-06-03', '2025-07-08'], weekCalendar());
    expect(r.daily[1]!.total / r.daily[0]!.total).toBeGreaterThan(1.3);
    expect(r.intervals[0]!.reduce((a, b) => a + b, 0)).toBeCloseTo(r.daily[0]!.total, 6);
  });
});

const BANK = process.env.LINIA_BANK_CALLS ?? '/work/shared/data/bank_calls_5min.csv';
describe.runIf(existsSync(BANK))('bank call-center data (when present)', () => {
  it('calendar regression beats the baselines day ahead over the last 40 weekdays', () => {
    const points = readFileSync(BANK, 'utf8').trim().split('\n').slice(1).map((l) => ({ start: l.slice(0, 19), value: Number(l.split(',')[1]) }));
    const s = toDaySeries(points, 30);
    const bt = rollingBacktest(s, [seasonalNaive(), meanOfLastK(4), calendarRegression()], weekCalendar(), s.days.slice(-40).map((d) => d.date));
    const [naive, mean4, reg] = bt.table.map((r) => r.wape);
    expect(naive).toBeCloseTo(0.0956, 3);
    expect(mean4).toBeCloseTo(0.0749, 3);
    expect(reg).toBeLessThan(0.065);
  });
});
