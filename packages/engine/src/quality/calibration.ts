// Calibration (SPEC Q4, issue 6): several evaluators score one contact blind against the same
// scorecard version; a reference — the lead's answers, or the consensus of the evaluators —
// is then revealed. Reported: per criterion, the share agreeing with the reference and the
// pairwise agreement; for the session, Fleiss' kappa over its criteria; per evaluator, the
// deviation of their evaluation score from the reference score. Over many sessions: each
// evaluator's mean absolute deviation and bias, and Fleiss' kappa per criterion across sessions.
import { fleissKappa, qualityPairAgreement } from './fleissKappa.ts';
import { scoreQualityEvaluation } from './scoring.ts';
import type { QualityAnswer, QualityAnswers, QualityScorecard } from './scorecard.ts';

export interface QualityCalibrationSession {
  id: string;
  card: QualityScorecard;
  scores: { evaluatorId: string; answers: QualityAnswers }[];
  /** The lead's answers; absent → the consensus (see qualityConsensus). */
  reference?: QualityAnswers;
}

export interface QualityCriterionAgreement {
  criterionId: string;
  reference: QualityAnswer | undefined;
  /** Answers given, as `value → count` (N/A as 'na'). */
  distribution: Record<string, number>;
  /** Share of evaluators whose answer equals the reference. */
  agreeShare: number;
  /** Share of evaluator pairs giving the same answer (Fleiss' P_i); null with fewer than 2 answers. */
  pairAgreement: number | null;
}

export interface QualityEvaluatorDeviation {
  evaluatorId: string;
  score: number | null;
  /** score − reference score (positive: more lenient than the reference); null if either is N/A. */
  deviation: number | null;
  /** Criteria answered differently from the reference. */
  mismatches: string[];
}

export interface QualityCalibrationResult {
  sessionId: string;
  referenceScore: number | null;
  criteria: QualityCriterionAgreement[];
  /** Fleiss' kappa with the session's criteria as subjects and answers as categories. */
  kappa: number | null;
  evaluators: QualityEvaluatorDeviation[];
}

const answerKey = (a: QualityAnswer | undefined): string => (a === undefined ? 'missing' : String(a));

/**
 * Consensus answers: per criterion the most frequent answer (the mode); a tie goes to the lowest
 * value, N/A counting as lowest of all — the stricter reading, which the lead can then overrule.
 */
export function qualityConsensus(card: QualityScorecard, all: readonly QualityAnswers[]): Record<string, QualityAnswer> {
  const out: Record<string, QualityAnswer> = {};
  for (const c of card.sections.flatMap((s) => s.criteria)) {
    const counts = new Map<QualityAnswer, number>();
    for (const a of all) if (a[c.id] !== undefined) counts.set(a[c.id]!, (counts.get(a[c.id]!) ?? 0) + 1);
    let best: QualityAnswer | undefined;
    let bestN = 0;
    const rank = (v: QualityAnswer) => (v === 'na' ? -Infinity : v);
    for (const [v, n] of counts) if (n > bestN || (n === bestN && best !== undefined && rank(v) < rank(best))) [best, bestN] = [v, n];
    if (best !== undefined) out[c.id] = best;
  }
  return out;
}

function distributionOf(session: QualityCalibrationSession, criterionId: string): Record<string, number> {
  const d: Record<string, number> = {};
  for (const s of session.scores) {
    const k = answerKey(s.answers[criterionId]);
    d[k] = (d[k] ?? 0) + 1;
  }
  return d;
}

export function calibrateQualitySession(session: QualityCalibrationSession): QualityCalibrationResult {
  const { card } = session;
  const reference = session.reference ?? qualityConsensus(card, session.scores.map((s) => s.answers));
  const referenceScore = scoreQualityEvaluation(card, reference).score;
  const ids = card.sections.flatMap((s) => s.criteria.map((c) => c.id));
  const criteria = ids.map((criterionId): QualityCriterionAgreement => {
    const distribution = distributionOf(session, criterionId);
    const ref = reference[criterionId];
    const agree = session.scores.filter((s) => s.answers[criterionId] === ref).length;
    return { criterionId, reference: ref, distribution, agreeShare: session.scores.length ? agree / session.scores.length : 0, pairAgreement: qualityPairAgreement(Object.values(distribution)) };
  });
  const categories = [...new Set(criteria.flatMap((c) => Object.keys(c.distribution)))];
  const kappa = fleissKappa(criteria.map((c) => categories.map((k) => c.distribution[k] ?? 0)));
  const evaluators = session.scores.map(({ evaluatorId, answers }): QualityEvaluatorDeviation => {
    const score = scoreQualityEvaluation(card, answers).score;
    const deviation = score === null || referenceScore === null ? null : score - referenceScore;
    return { evaluatorId, score, deviation, mismatches: ids.filter((id) => answers[id] !== reference[id]) };
  });
  return { sessionId: session.id, referenceScore, criteria, kappa, evaluators };
}

export interface QualityEvaluatorSummary {
  evaluatorId: string;
  sessions: number;
  /** Mean |score − reference| over sessions with both scores. */
  meanAbsoluteDeviation: number | null;
  /** Mean (score − reference): > 0 lenient, < 0 strict. */
  bias: number | null;
  /** Share of criteria answered as the reference did. */
  criterionAgreement: number;
}

/** Per evaluator over many calibrated sessions. */
export function summariseQualityEvaluators(results: readonly QualityCalibrationResult[]): QualityEvaluatorSummary[] {
  const acc = new Map<string, { sessions: number; n: number; abs: number; signed: number; agreeing: number; criteria: number }>();
  for (const r of results) {
    for (const e of r.evaluators) {
      const a = acc.get(e.evaluatorId) ?? { sessions: 0, n: 0, abs: 0, signed: 0, agreeing: 0, criteria: 0 };
      a.sessions++;
      if (e.deviation !== null) {
        a.n++;
        a.abs += Math.abs(e.deviation);
        a.signed += e.deviation;
      }
      a.criteria += r.criteria.length;
      a.agreeing += r.criteria.length - e.mismatches.length;
      acc.set(e.evaluatorId, a);
    }
  }
  return [...acc.entries()]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([evaluatorId, a]) => ({
      evaluatorId,
      sessions: a.sessions,
      meanAbsoluteDeviation: a.n ? a.abs / a.n : null,
      bias: a.n ? a.signed / a.n : null,
      criterionAgreement: a.criteria ? a.agreeing / a.criteria : 0,
    }));
}

/** Fleiss' kappa per criterion, with the sessions as subjects (criteria present in several sessions). */
export function qualityCriterionKappa(sessions: readonly QualityCalibrationSession[]): Record<string, number | null> {
  const tables = new Map<string, Record<string, number>[]>();
  for (const s of sessions) {
    for (const c of s.card.sections.flatMap((x) => x.criteria)) {
      tables.set(c.id, [...(tables.get(c.id) ?? []), distributionOf(s, c.id)]);
    }
  }
  const out: Record<string, number | null> = {};
  for (const [id, rows] of tables) {
    const cats = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    out[id] = fleissKappa(rows.map((r) => cats.map((k) => r[k] ?? 0)));
  }
  return out;
}
