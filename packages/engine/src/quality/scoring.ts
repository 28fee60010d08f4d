// Scoring one evaluation against one scorecard version (SPEC Q1, issue 6). Formulas and worked
// examples: docs/QUALITY.md § Scoring. Scores are fractions in [0, 1]; screens show × 100 %.
import type { QualityIssue } from './issues.ts';
import { qualityCriterionFailed, qualityCriterionScore, qualityScaleOptions } from './scales.ts';
import {
  QUALITY_ERROR_CLASSES,
  type QualityAnswers,
  type QualityErrorClass,
  type QualityScorecard,
  type QualitySection,
} from './scorecard.ts';

export type QualityErrorCounts = Record<QualityErrorClass, number>;

export const emptyQualityErrorCounts = (): QualityErrorCounts => ({ customer: 0, business: 0, compliance: 0, nonCritical: 0 });

export interface QualityCriterionResult {
  criterionId: string;
  errorClass: QualityErrorClass;
  /** null when answered N/A. */
  score: number | null;
  failed: boolean;
}

export interface QualitySectionResult {
  sectionId: string;
  /** Weighted mean of the criteria (0 if a fail-section criterion failed); null when all N/A. */
  score: number | null;
  /** The weighted mean before any fail effect. */
  rawScore: number | null;
  /** A fail-section criterion failed. */
  zeroed: boolean;
}

export interface QualityScoreResult {
  scorecardId: string;
  version: number;
  /** Final score (0 if a fail-all criterion failed); null when every section is N/A. */
  score: number | null;
  /** The weighted mean of sections before a fail-all effect. */
  rawScore: number | null;
  /** A fail-all criterion failed. */
  zeroed: boolean;
  sections: QualitySectionResult[];
  criteria: QualityCriterionResult[];
  errors: QualityErrorCounts;
}

/** Problems of a submitted evaluation: a missing answer, a value not on the scale, N/A where not allowed. */
export function checkQualityAnswers(card: QualityScorecard, answers: QualityAnswers): QualityIssue[] {
  const issues: QualityIssue[] = [];
  const known = new Set<string>();
  for (const s of card.sections) {
    for (const c of s.criteria) {
      known.add(c.id);
      const a = answers[c.id];
      const path = `answers.${c.id}`;
      if (a === undefined) issues.push({ path, message: 'not answered' });
      else if (a === 'na') {
        if (!c.allowNa) issues.push({ path, message: 'N/A is not allowed for this criterion' });
      } else if (!qualityScaleOptions(c.scale).some((o) => o.value === a)) issues.push({ path, message: `${a} is not a value of the scale` });
    }
  }
  for (const id of Object.keys(answers)) if (!known.has(id)) issues.push({ path: `answers.${id}`, message: 'no such criterion in this scorecard version' });
  return issues;
}

const weightedMean = (sum: number, weight: number): number | null => (weight > 0 ? sum / weight : null);

function scoreSection(s: QualitySection, answers: QualityAnswers, criteria: QualityCriterionResult[], errors: QualityErrorCounts): { result: QualitySectionResult; failAll: boolean } {
  let sum = 0;
  let weight = 0;
  let zeroed = false;
  let failAll = false;
  for (const c of s.criteria) {
    const a = answers[c.id];
    if (a === undefined || a === 'na') {
      criteria.push({ criterionId: c.id, errorClass: c.errorClass, score: null, failed: false });
      continue;
    }
    const score = qualityCriterionScore(c, a);
    const failed = qualityCriterionFailed(c, a);
    criteria.push({ criterionId: c.id, errorClass: c.errorClass, score, failed });
    sum += c.weight * score;
    weight += c.weight;
    if (!failed) continue;
    errors[c.errorClass]++;
    if (c.fail === 'section') zeroed = true;
    if (c.fail === 'all') failAll = true;
  }
  const rawScore = weightedMean(sum, weight);
  // A section whose answered criteria are all weight-0 gates has no points of its own: N/A.
  const score = rawScore === null ? null : zeroed ? 0 : rawScore;
  return { result: { sectionId: s.id, score, rawScore, zeroed: zeroed && rawScore !== null }, failAll };
}

/**
 * Scores answers that passed `checkQualityAnswers` (a missing answer is treated as N/A here).
 * criterion = (selected − min)/(max − min); section = Σ wᶜ·criterion / Σ wᶜ over non-N/A
 * criteria; evaluation = Σ wˢ·section / Σ wˢ over non-N/A sections; fail-section → section 0;
 * fail-all → evaluation 0.
 */
export function scoreQualityEvaluation(card: QualityScorecard, answers: QualityAnswers): QualityScoreResult {
  const criteria: QualityCriterionResult[] = [];
  const sections: QualitySectionResult[] = [];
  const errors = emptyQualityErrorCounts();
  let sum = 0;
  let weight = 0;
  let failAll = false;
  for (const s of card.sections) {
    const { result, failAll: f } = scoreSection(s, answers, criteria, errors);
    sections.push(result);
    failAll ||= f;
    if (result.score === null) continue;
    sum += s.weight * result.score;
    weight += s.weight;
  }
  const rawScore = weightedMean(sum, weight);
  const score = failAll ? 0 : rawScore;
  return { scorecardId: card.id, version: card.version, score, rawScore, zeroed: failAll, sections, criteria, errors };
}

/** Total errors in critical classes (customer + business + compliance). */
export function qualityCriticalErrors(errors: QualityErrorCounts): number {
  return QUALITY_ERROR_CLASSES.reduce((n, k) => (k === 'nonCritical' ? n : n + errors[k]), 0);
}
