// Customer satisfaction (SPEC M7, issue 6). CSAT (1–5): the share of 4 and 5 among answers.
// NPS (0–10; F. Reichheld, «The One Number You Need to Grow», Harvard Business Review, 2003):
// % promoters (9–10) − % detractors (0–6), from −100 to 100.
import type { QualityIssue } from './issues.ts';

export type SatisfactionKind = 'csat' | 'nps';

export interface SatisfactionAnswer {
  kind: SatisfactionKind;
  score: number;
  agentId?: string | null;
  hotlineId?: string | null;
  topicId?: string | null;
  groupId?: string | null;
  /** ms */
  answeredAt: number;
}

const RANGE: Record<SatisfactionKind, [number, number]> = { csat: [1, 5], nps: [0, 10] };

export interface CsatSummary {
  responses: number;
  satisfied: number;
  /** satisfied / responses in [0, 1]; null without answers. */
  csat: number | null;
}

export function csatSummary(scores: readonly number[]): CsatSummary {
  const satisfied = scores.filter((s) => s >= 4).length;
  return { responses: scores.length, satisfied, csat: scores.length ? satisfied / scores.length : null };
}

export interface NpsSummary {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** In [−100, 100]; null without answers. */
  nps: number | null;
}

export function npsSummary(scores: readonly number[]): NpsSummary {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const n = scores.length;
  return { responses: n, promoters, passives: n - promoters - detractors, detractors, nps: n ? (100 * (promoters - detractors)) / n : null };
}

export interface SatisfactionRow {
  key: string;
  csat: CsatSummary;
  nps: NpsSummary;
}

/** CSAT and NPS per agent, hotline, topic or group (answers without that key under 'none'). */
export function aggregateSatisfaction(answers: Iterable<SatisfactionAnswer>, by: 'agentId' | 'hotlineId' | 'topicId' | 'groupId'): SatisfactionRow[] {
  const acc = new Map<string, { csat: number[]; nps: number[] }>();
  for (const a of answers) {
    const key = a[by] ?? 'none';
    const row = acc.get(key) ?? { csat: [], nps: [] };
    row[a.kind].push(a.score);
    acc.set(key, row);
  }
  return [...acc.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, r]) => ({ key, csat: csatSummary(r.csat), nps: npsSummary(r.nps) }));
}

export interface SurveyAnswerCheck {
  kind: SatisfactionKind;
  score: unknown;
  now: number;
  /** The survey link's expiry (ms). */
  expiresAt: number;
  alreadyAnswered: boolean;
}

/** Why a survey answer must be refused (empty: accept). */
export function checkSurveyAnswer(c: SurveyAnswerCheck): QualityIssue[] {
  const [min, max] = RANGE[c.kind];
  const issues: QualityIssue[] = [];
  if (c.alreadyAnswered) issues.push({ path: 'survey', message: 'this survey has already been answered' });
  if (c.now > c.expiresAt) issues.push({ path: 'survey', message: 'this survey has expired' });
  if (typeof c.score !== 'number' || !Number.isInteger(c.score) || c.score < min || c.score > max) issues.push({ path: 'score', message: `must be a whole number from ${min} to ${max}` });
  return issues;
}

export interface SatisfactionFollowUpRule {
  /** A CSAT answer at or below this opens a follow-up (default 3). */
  csatAtOrBelow?: number;
  /** An NPS answer at or below this opens a follow-up (default 6: a detractor). */
  npsAtOrBelow?: number;
  /** Hours the group lead has to follow up (default 24). */
  dueHours?: number;
}

/** A follow-up task for the group lead when the score is low; null otherwise. */
export function satisfactionFollowUp(a: SatisfactionAnswer, rule: SatisfactionFollowUpRule = {}): { dueAt: number; reason: string } | null {
  const limit = a.kind === 'csat' ? (rule.csatAtOrBelow ?? 3) : (rule.npsAtOrBelow ?? 6);
  if (a.score > limit) return null;
  return { dueAt: a.answeredAt + (rule.dueHours ?? 24) * 3_600_000, reason: `${a.kind.toUpperCase()} ${a.score} ≤ ${limit}` };
}
