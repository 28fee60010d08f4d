import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.ts';

/** Shapes of the planning API (packages/server/src/planning/contracts.ts). Times are local 'YYYY-MM-DDTHH:MM'. */
export interface PlanningQueue { id: string; code: string; name: string; hotlineId: string | null; intervalMinutes: number; createdAt: string }
export interface HistoryRow { id: string; start: string; offered: number; handled: number; abandoned: number; ahtSeconds: number | null; serviceLevel: number | null; excluded: boolean; outlierScore: number | null; expected: number | null }
export interface PlanningEvent { id: string; queueId: string | null; kind: 'campaign' | 'outage' | 'holiday'; startsAt: string; endsAt: string; note: string; uplift: number | null }
export interface HistoryView {
  queue: PlanningQueue;
  firstDay: string | null;
  lastDay: string | null;
  rows: HistoryRow[];
  outliers: Array<{ id: string; start: string; offered: number; expected: number; score: number; excluded: boolean }>;
  events: PlanningEvent[];
}
export interface ImportReport { rows: number; stored: boolean; queues: Array<{ code: string; created: boolean; rows: number; from: string; to: string }> }
export interface BacktestRow { model: string; wape: number; days: number }
export interface ForecastSummary { id: string; queueId: string; model: string; requestedModel: string; intervalMinutes: number; fromDate: string; days: number; backtest: BacktestRow[]; adjustments: { excludedIntervals: number; upliftedIntervals: number } | null; createdAt: string }
export interface Forecast extends ForecastSummary { points: Array<{ start: string; offered: number; ahtSeconds: number }> }
export interface StaffingRow { start: string; offered: number; ahtSeconds: number; agents: number; heads: number; serviceLevel: number | null; asa: number | null; waitProbability: number | null; occupancy: number | null; abandonment: number | null }
export interface Staffing { id: string; queueId: string; forecastId: string; params: Record<string, unknown>; rows: StaffingRow[]; createdAt: string }
export type StaffingSummary = Omit<Staffing, 'rows'>;
export interface Reforecast {
  date: string;
  asOf: string;
  forecastId: string;
  intervalMinutes: number;
  volumeFactor: number;
  ahtFactor: number;
  actualCalls: number;
  forecastCalls: number;
  restOfDay: { calls: number; plannedHeads: number; heads: number };
  rows: Array<{ start: string; forecast: number; actual: number | null; reforecast: number; forecastAht: number; actualAht: number | null; reforecastAht: number; plannedHeads: number; heads: number | null }>;
}
export interface MonthPlan { month: string; openDays: number; calls: number; ahtSeconds: number; workloadHours: number; agentHours: number; normHours: number; fte: number; heads: number }
export interface EmployeePreferences { daysOff?: string[]; earliestStart?: string; latestEnd?: string }

export const planningKeys = {
  all: ['planning'] as const,
  queues: ['planning', 'queues'] as const,
  history: (queueId: string, from?: string, to?: string) => ['planning', 'history', queueId, from ?? '', to ?? ''] as const,
  forecasts: (queueId: string) => ['planning', 'forecasts', queueId] as const,
  forecast: (id: string) => ['planning', 'forecast', id] as const,
  staffingList: (queueId: string) => ['planning', 'staffing-list', queueId] as const,
  staffing: (id: string) => ['planning', 'staffing', id] as const,
};

export function useQueues() {
  return useQuery({ queryKey: planningKeys.queues, queryFn: () => api.get<{ items: PlanningQueue[] }>('/planning/queues', { limit: 200 }).then((r) => r.items) });
}

/** The queue chosen on the planning screens, kept in the address (?queue=) so tabs and reloads keep it. */
export function useChosenQueue(): [PlanningQueue | undefined, (id: string) => void, PlanningQueue[] | undefined] {
  const queues = useQueues();
  const [params, setParams] = useSearchParams();
  const id = params.get('queue');
  const chosen = queues.data?.find((q) => q.id === id) ?? queues.data?.[0];
  const choose = (next: string) => setParams((p) => { p.set('queue', next); return p; });
  return [chosen, choose, queues.data];
}

export const percent = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : `${(100 * v).toFixed(digits)} %`);
export const seconds = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v)}`);

export interface PlanningShift { id: string; employeeId: string; template: string; start: string; end: string; breaks: Array<{ name: string; start: string; end: string; paid: boolean }>; manual: boolean }
export interface Violation { employeeId: string; rule: string; detail: string; shiftIds: string[] }
export interface ScheduleSummary { id: string; queueId: string; staffingId: string | null; fromDate: string; days: number; intervalMinutes: number; queueCodes: string[]; status: 'draft' | 'optimising' | 'ready' | 'failed' | 'published'; timeLimitSeconds: number; optimiseStartedAt: string | null; publishedAt: string | null; createdAt: string }
export interface ScheduleBoard extends ScheduleSummary {
  requirement: number[];
  scheduled: number[];
  under: number;
  over: number;
  optimiser: { gap: number | null; lpBound: number | null; seconds: number; conflicts: Array<{ kind: string; employeeId?: string; rule?: string; detail: string }>; problems: string[] } | null;
  employees: Array<{ id: string; name: string; workedHours: number; normHours: number }>;
  shifts: PlanningShift[];
  violations: Violation[];
  skills: Array<{ queue: string; required: number; covered: number; unmet: number }>;
}
export interface ShiftRequest { id: string; kind: 'swap' | 'time_off'; employeeId: string; employeeName: string; shiftId: string | null; shiftStart: string | null; otherEmployeeId: string | null; otherEmployeeName: string | null; fromDate: string | null; toDate: string | null; note: string; status: 'pending' | 'approved' | 'rejected'; createdAt: string }

/** 'HH:MM' of a local time. */
export const clockOf = (local: string) => local.slice(11, 16);
