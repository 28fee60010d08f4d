// Long-term plan by month (W2 "long term"): the regression's daily totals × the day class's intraday
// profile (longTermForecast, with the production calendar's holidays, transfers and shortened days), the
// AHT of the same weekday and time (forecastAht), then per interval the Erlang C agents for the target
// (so small queues keep their queueing overhead, which a plain workload ÷ occupancy would miss). A month's
// heads are its agent-hours / (1 − shrinkage) / one full-time employee's hours norm of that month.
// Months start with the first whole calendar month after the history.
import { requiredAgents } from '../staffing.ts';
import { hoursNorm } from '../schedule/norm.ts';
import { calendarFromHistory } from './backtest.ts';
import type { DayCalendar } from './calendar.ts';
import { addDays } from './dates.ts';
import { forecastAht } from './aht.ts';
import { longTermForecast } from './longTerm.ts';
import { volumeAndAht, type QueueHistoryPoint } from './run.ts';

export interface MonthlyOptions {
  intervalMinutes: number;
  months: number;
  calendar: DayCalendar;
  /** Service target of the per-interval Erlang C: SL `serviceLevel` within `thresholdSeconds` (0.8 / 20 s). */
  serviceLevel?: number;
  thresholdSeconds?: number;
  maxOccupancy?: number;
  /** Planned × unplanned shrinkage combined (0.3 by default). */
  shrinkage?: number;
  weeklyHours?: number;
}

export interface MonthPlan {
  /** 'YYYY-MM'. */
  month: string;
  /** Days with calls forecast (open days). */
  openDays: number;
  calls: number;
  /** Call-weighted mean AHT, seconds. */
  ahtSeconds: number;
  /** Hours of handling (calls × AHT) and of agents on the phones (Σ Erlang agents × interval). */
  workloadHours: number;
  agentHours: number;
  /** Hours norm of one full-time employee in the month (production calendar). */
  normHours: number;
  /** Full-time equivalents needed (agent-hours ÷ (1 − shrinkage) ÷ norm) and that rounded up. */
  fte: number;
  heads: number;
}

/** First day of the month after `date`'s, unless `date` is itself a first. */
function firstWholeMonth(date: string): string {
  if (date.endsWith('-01')) return date;
  return `${addDays(`${date.slice(0, 8)}28`, 4).slice(0, 8)}01`;
}

export function monthlyForecast(history: readonly QueueHistoryPoint[], o: MonthlyOptions): MonthPlan[] {
  const { offered, aht } = volumeAndAht(history, o.intervalMinutes);
  const start = firstWholeMonth(addDays(offered.days.at(-1)!.date, 1));
  const dates: string[] = [];
  let monthsSeen = 0;
  for (let d = start; ; d = addDays(d, 1)) {
    if (d.endsWith('-01') && ++monthsSeen > o.months) break;
    dates.push(d);
  }
  const calendar = calendarFromHistory(offered, o.calendar, addDays(offered.days.at(-1)!.date, 1));
  const volume = longTermForecast(offered, dates, calendar).intervals;
  const ahts = forecastAht(offered, aht, dates, calendar);
  const intervalSeconds = o.intervalMinutes * 60;
  const shrinkage = o.shrinkage ?? 0.3;
  const byMonth = new Map<string, MonthPlan>();
  dates.forEach((date, d) => {
    const month = date.slice(0, 7);
    let m = byMonth.get(month);
    if (!m) {
      const last = addDays(`${addDays(`${month}-28`, 4).slice(0, 8)}01`, -1);
      m = { month, openDays: 0, calls: 0, ahtSeconds: 0, workloadHours: 0, agentHours: 0, normHours: hoursNorm(`${month}-01`, last, o.calendar, o.weeklyHours ?? 40), fte: 0, heads: 0 };
      byMonth.set(month, m);
    }
    let open = false;
    volume[d]!.forEach((calls, i) => {
      const a = ahts[d]![i]!;
      if (!(calls > 0) || !(a > 0)) return;
      open = true;
      m.calls += calls;
      m.workloadHours += (calls * a) / 3600;
      const agents = requiredAgents({
        model: 'C', callsPerInterval: calls, intervalSeconds, ahtSeconds: a, thresholdSeconds: o.thresholdSeconds ?? 20,
        target: { serviceLevel: o.serviceLevel ?? 0.8 }, ...(o.maxOccupancy !== undefined ? { maxOccupancy: o.maxOccupancy } : {}),
      }).agents;
      m.agentHours += (agents * intervalSeconds) / 3600;
    });
    if (open) m.openDays++;
  });
  return [...byMonth.values()].map((m) => {
    const fte = m.normHours > 0 ? m.agentHours / (1 - shrinkage) / m.normHours : 0;
    return { ...m, ahtSeconds: m.calls > 0 ? (m.workloadHours * 3600) / m.calls : 0, fte, heads: Math.ceil(fte - 1e-9) };
  });
}
