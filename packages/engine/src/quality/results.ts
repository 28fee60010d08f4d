// Results (SPEC Q3, issue 6): scores per agent and per group per week or month, trend series,
// error frequency by criterion and criticality. Each evaluation counts once (the mean of
// evaluation scores, «совокупная оценка … для отдельного специалиста», standard B/03.4), unless
// it carries a weight. Input is what the server stores per submitted evaluation.
import { qualityNextPeriod, qualityPeriodStart, type QualityPeriod } from './periods.ts';
import { emptyQualityErrorCounts, type QualityCriterionResult, type QualityErrorCounts } from './scoring.ts';
import { QUALITY_ERROR_CLASSES, type QualityErrorClass } from './scorecard.ts';

export interface QualityEvaluationRecord {
  agentId: string;
  groupId?: string | null;
  /** When the evaluated contact took place (ms) — reports go by the contact's period. */
  at: number;
  /** Evaluation score in [0, 1]; null (all N/A) is counted but not averaged. */
  score: number | null;
  /** Default 1. */
  weight?: number;
  errors: QualityErrorCounts;
  /** The scoring result per criterion, for error frequency. */
  criteria?: readonly QualityCriterionResult[];
}

export interface QualityScoreRow {
  key: string;
  period: string;
  evaluations: number;
  /** Weighted mean score of the evaluations with a score; null if none. */
  score: number | null;
  errors: QualityErrorCounts;
}

export interface QualityReportOptions {
  by: 'agent' | 'group';
  period: QualityPeriod;
  timeZone: string;
}

/** One row per (agent or group, period), sorted by key then period. */
export function aggregateQualityScores(records: Iterable<QualityEvaluationRecord>, o: QualityReportOptions): QualityScoreRow[] {
  const acc = new Map<string, QualityScoreRow & { sum: number; weight: number }>();
  for (const r of records) {
    const key = o.by === 'agent' ? r.agentId : (r.groupId ?? 'none');
    const period = qualityPeriodStart(r.at, o.period, o.timeZone);
    const id = `${key}\u0000${period}`;
    let row = acc.get(id);
    if (!row) acc.set(id, (row = { key, period, evaluations: 0, score: null, errors: emptyQualityErrorCounts(), sum: 0, weight: 0 }));
    row.evaluations++;
    for (const k of QUALITY_ERROR_CLASSES) row.errors[k] += r.errors[k];
    if (r.score === null) continue;
    const w = r.weight ?? 1;
    row.sum += w * r.score;
    row.weight += w;
  }
  return [...acc.values()]
    .map(({ sum, weight, ...row }) => ({ ...row, score: weight > 0 ? sum / weight : null }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

export interface QualityTrendPoint {
  period: string;
  score: number | null;
  evaluations: number;
}

/** Per key, a gap-free series from its first to its last period (missing periods: score null, 0 evaluations). */
export function qualityTrendSeries(rows: readonly QualityScoreRow[], period: QualityPeriod): Map<string, QualityTrendPoint[]> {
  const out = new Map<string, QualityTrendPoint[]>();
  for (const r of rows) {
    const series = out.get(r.key) ?? [];
    const last = series[series.length - 1];
    if (last) for (let p = qualityNextPeriod(last.period, period); p < r.period; p = qualityNextPeriod(p, period)) series.push({ period: p, score: null, evaluations: 0 });
    series.push({ period: r.period, score: r.score, evaluations: r.evaluations });
    out.set(r.key, series);
  }
  return out;
}

export interface QualityErrorFrequency {
  criterionId: string;
  errorClass: QualityErrorClass;
  /** Evaluations where the criterion was answered (not N/A). */
  evaluated: number;
  failed: number;
  /** failed / evaluated; null if never evaluated. */
  rate: number | null;
}

/** How often each criterion was failed, most frequent first; and totals per criticality class. */
export function qualityErrorFrequency(records: Iterable<QualityEvaluationRecord>): { criteria: QualityErrorFrequency[]; byClass: QualityErrorCounts } {
  const acc = new Map<string, QualityErrorFrequency>();
  const byClass = emptyQualityErrorCounts();
  for (const r of records) {
    for (const c of r.criteria ?? []) {
      let f = acc.get(c.criterionId);
      if (!f) acc.set(c.criterionId, (f = { criterionId: c.criterionId, errorClass: c.errorClass, evaluated: 0, failed: 0, rate: null }));
      if (c.score === null) continue;
      f.evaluated++;
      if (!c.failed) continue;
      f.failed++;
      byClass[c.errorClass]++;
    }
  }
  const criteria = [...acc.values()].map((f) => ({ ...f, rate: f.evaluated ? f.failed / f.evaluated : null }));
  criteria.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.failed - a.failed || (a.criterionId < b.criterionId ? -1 : 1));
  return { criteria, byClass };
}
