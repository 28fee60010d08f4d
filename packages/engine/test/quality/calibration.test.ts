// Worked example of docs/QUALITY.md § Calibration.
import { describe, expect, it } from 'vitest';
import { calibrateQualitySession, fleissKappa, qualityConsensus, qualityCriterionKappa, summariseQualityEvaluators, type QualityScorecard } from '../../src/quality/index.ts';

const yn = (id: string) => ({ id, title: id, weight: 1, scale: { kind: 'yesNo' as const }, allowNa: true, errorClass: 'customer' as const, fail: 'none' as const });
const card: QualityScorecard = {
  id: 'cal', version: 1, title: 'cal', weighting: 'relative',
  sections: [{ id: 's', title: 's', weight: 1, criteria: [yn('k1'), yn('k2'), { ...yn('k3'), weight: 2, scale: { kind: 'points5' } }] }],
};
const session1 = {
  id: 's1', card, reference: { k1: 1, k2: 1, k3: 4 },
  scores: [
    { evaluatorId: 'e1', answers: { k1: 1, k2: 1, k3: 4 } },
    { evaluatorId: 'e2', answers: { k1: 1, k2: 0, k3: 4 } },
    { evaluatorId: 'e3', answers: { k1: 1, k2: 1, k3: 5 } },
  ],
};
const session2 = {
  id: 's2', card,
  scores: [
    { evaluatorId: 'e1', answers: { k1: 1, k2: 1, k3: 3 } },
    { evaluatorId: 'e2', answers: { k1: 1, k2: 1, k3: 3 } },
    { evaluatorId: 'e3', answers: { k1: 0, k2: 1, k3: 3 } },
  ],
};

describe('Fleiss kappa', () => {
  it('reproduces the worked example of Wikipedia «Fleiss\' kappa» (14 raters, 10 subjects, 5 categories): κ ≈ 0.210', () => {
    const t = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]];
    expect(fleissKappa(t)).toBeCloseTo(0.2099, 4);
  });
  it('is 1 for perfect agreement across categories and undefined with one category', () => {
    expect(fleissKappa([[3, 0], [0, 3]])).toBe(1);
    expect(fleissKappa([[3, 0], [3, 0]])).toBeNull();
  });
});

describe('calibration session (lead reference)', () => {
  const r = calibrateQualitySession(session1);
  it('reference score (1 + 1 + 2·0.75)/4 = 0.875; deviations 0, −0.25, +0.125', () => {
    expect(r.referenceScore).toBe(0.875);
    expect(r.evaluators).toEqual([
      { evaluatorId: 'e1', score: 0.875, deviation: 0, mismatches: [] },
      { evaluatorId: 'e2', score: 0.625, deviation: -0.25, mismatches: ['k2'] },
      { evaluatorId: 'e3', score: 1, deviation: 0.125, mismatches: ['k3'] },
    ]);
  });
  it('per criterion: share agreeing with the reference and pair agreement', () => {
    expect(r.criteria.map((c) => [c.criterionId, c.agreeShare, c.pairAgreement])).toEqual([
      ['k1', 1, 1], ['k2', 2 / 3, 1 / 3], ['k3', 2 / 3, 1 / 3],
    ]);
    expect(r.criteria[1]!.distribution).toEqual({ 1: 2, 0: 1 });
  });
  it('session κ over criteria: P̄ = 5/9, P̄e = 31/81, κ = 14/50 = 0.28', () => {
    expect(r.kappa).toBeCloseTo(0.28, 12);
  });
});

describe('consensus and summaries', () => {
  it('consensus is the mode; ties go to the lower value', () => {
    expect(qualityConsensus(card, session2.scores.map((s) => s.answers))).toEqual({ k1: 1, k2: 1, k3: 3 });
    expect(qualityConsensus(card, [{ k1: 1, k2: 'na', k3: 5 }, { k1: 0, k2: 1, k3: 2 }])).toEqual({ k1: 0, k2: 'na', k3: 2 });
  });
  it('per evaluator over two sessions: mean absolute deviation and bias', () => {
    const results = [calibrateQualitySession(session1), calibrateQualitySession(session2)];
    expect(results[1]!.referenceScore).toBe(0.75);
    expect(summariseQualityEvaluators(results)).toEqual([
      { evaluatorId: 'e1', sessions: 2, meanAbsoluteDeviation: 0, bias: 0, criterionAgreement: 1 },
      { evaluatorId: 'e2', sessions: 2, meanAbsoluteDeviation: 0.125, bias: -0.125, criterionAgreement: 5 / 6 },
      { evaluatorId: 'e3', sessions: 2, meanAbsoluteDeviation: 0.1875, bias: -0.0625, criterionAgreement: 4 / 6 },
    ]);
  });
  it('κ per criterion across sessions (sessions as subjects)', () => {
    const k = qualityCriterionKappa([session1, session2]);
    // k1: rows [3 yes], [2 yes, 1 no] → P̄ = (1 + 1/3)/2 = 2/3, p = 5/6, 1/6 → P̄e = 26/36, κ = (2/3 − 26/36)/(10/36) = −0.2
    expect(k.k1).toBeCloseTo(-0.2, 12);
    expect(k.k2).toBeCloseTo(-0.2, 12);
  });
});
