// Forecast inputs beyond the history itself: today's actuals (intraday re-forecast of volume and AHT),
// event marks (left out of training, uplift of future campaigns), and the long-term plan by month.
import { describe, expect, it } from 'vitest';
import { addIsoDays, applyUplift, excludeMarkedIntervals, isoWeekday, monthlyForecast, reforecastDay, weekCalendar, type QueueHistoryPoint } from '../../src/planning/index.ts';

describe('intraday re-forecast of a day (volume and AHT)', () => {
  it('scales the rest of the day by the Gamma–Poisson volume factor and the credibility-weighted AHT ratio (worked example)', () => {
    const r = reforecastDay(
      { offered: [100, 100, 100, 100], ahtSeconds: [200, 200, 200, 200] },
      { offered: [150, 130], ahtSeconds: [220, 240] },
      { priorCalls: 200, priorAhtCalls: 100 },
    );
    // r = (200 + 280) / (200 + 200) = 1.2
    expect(r.volumeFactor).toBeCloseTo(1.2, 12);
    expect(r.offered).toEqual([150, 130, 120, 120]);
    // ā/f̄ = (150·220 + 130·240) / (280·200) = 64,200 / 56,000; q = (100 + 280·ā/f̄) / 380 = 421 / 380
    expect(r.ahtFactor).toBeCloseTo(421 / 380, 12);
    expect(r.ahtSeconds[0]).toBe(220);
    expect(r.ahtSeconds[3]).toBeCloseTo(200 * (421 / 380), 9);
    expect([r.actualCalls, r.forecastCalls]).toEqual([280, 200]);
  });
  it('stays near the forecast early in the day: 30 calls against 10 moves the level by 5 %, not × 3', () => {
    const r = reforecastDay({ offered: [10, 50, 100], ahtSeconds: [180, 180, 180] }, { offered: [30], ahtSeconds: [360] });
    expect(r.volumeFactor).toBeCloseTo(430 / 410, 12);
    // 30 calls at twice the AHT: q = (100 + 30·2) / 130
    expect(r.ahtFactor).toBeCloseTo(160 / 130, 12);
    expect(r.offered[2]).toBeCloseTo(100 * (430 / 410), 9);
  });
  it('with nothing seen yet the forecast is unchanged', () => {
    const r = reforecastDay({ offered: [10, 20], ahtSeconds: [100, 120] }, { offered: [], ahtSeconds: [] });
    expect(r).toMatchObject({ volumeFactor: 1, ahtFactor: 1, offered: [10, 20], ahtSeconds: [100, 120] });
  });
});

describe('event marks as forecast inputs', () => {
  const pts: Array<{ start: string; offered: number; ahtSeconds: number; excluded?: boolean }> = ['09:00', '09:30', '10:00', '10:30', '11:00'].map((t) => ({ start: `2026-03-02T${t}`, offered: 10, ahtSeconds: 100 }));
  it('excludes from training every interval overlapping an outage or campaign (end exclusive)', () => {
    const r = excludeMarkedIntervals([...pts.slice(0, 4), { ...pts[4]!, excluded: true }], [{ kind: 'outage', start: '2026-03-02T09:15', end: '2026-03-02T10:00' }], 30);
    expect(r.points.map((p) => Boolean(p.excluded))).toEqual([true, true, false, false, true]);
    expect(r.excluded).toBe(2);
  });
  it('multiplies the future intervals a mark with an uplift covers; marks without one change nothing', () => {
    const r = applyUplift(pts, [
      { kind: 'campaign', start: '2026-03-02T10:00', end: '2026-03-02T11:00', uplift: 1.5 },
      { kind: 'campaign', start: '2026-03-02T10:30', end: '2026-03-02T12:00', uplift: 2 },
      { kind: 'outage', start: '2026-03-02T09:00', end: '2026-03-02T12:00' },
    ], 30);
    expect(r.points.map((p) => p.offered)).toEqual([10, 10, 15, 30, 20]);
    expect(r.uplifted).toBe(3);
  });
});

describe('long-term plan by month', () => {
  // Eight Mon–Fri weeks (5 Feb – 29 Mar 2024), 16 half-hours of 10 calls at AHT 180 s each: A = 1 Erlang.
  const history: QueueHistoryPoint[] = [];
  for (let d = '2024-02-05'; d <= '2024-03-29'; d = addIsoDays(d, 1)) {
    const wd = isoWeekday(d);
    if (wd === 0 || wd === 6) continue;
    for (let i = 0; i < 16; i++) history.push({ start: `${d}T${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, offered: 10, ahtSeconds: 180 });
  }
  it('gives calls, Erlang C agent-hours and heads per month (worked example)', () => {
    const months = monthlyForecast(history, { intervalMinutes: 30, months: 2, calendar: weekCalendar(), serviceLevel: 0.8, thresholdSeconds: 20, shrinkage: 0.3 });
    expect(months.map((m) => m.month)).toEqual(['2024-04', '2024-05']);
    const april = months[0]!;
    // 22 working days × 160 calls; A = 1 needs 3 agents for 80 % in 20 s (2 give SL 0.702, 3 give 0.927)
    expect(april.openDays).toBe(22);
    expect(april.calls).toBeCloseTo(3520, 3);
    expect(april.ahtSeconds).toBeCloseTo(180, 6);
    expect(april.workloadHours).toBeCloseTo(176, 3);
    expect(april.agentHours).toBeCloseTo(22 * 16 * 3 * 0.5, 6);
    expect(april.normHours).toBe(176);
    // 528 / 0.7 / 176 = 4.2857 FTE → 5 heads
    expect(april.fte).toBeCloseTo(528 / 0.7 / 176, 6);
    expect(april.heads).toBe(5);
    expect(months[1]!.openDays).toBe(23);
  });
});
