// Worked examples of docs/QUALITY.md § Scoring, reproduced exactly.
import { describe, expect, it } from 'vitest';
import { checkQualityAnswers, qualityCriticalErrors, scoreQualityEvaluation } from '../../src/quality/index.ts';
import { chatCard, example1 } from './fixtures.ts';

describe('scoring worked examples', () => {
  it('example 1 — weights and N/A (criterion N/A, then a whole section N/A)', () => {
    const r = scoreQualityEvaluation(chatCard, example1);
    const [a, b, c] = r.sections;
    expect(a!.score).toBeCloseTo((1 * 1 + 3 * 0.75) / 4, 12); // 0.8125
    expect(b!.score).toBeCloseTo((2 * (2 / 3) + 1 * 0.4) / 3, 12); // 26/45 = 0.57778
    expect(c!.score).toBeNull(); // c1 has weight 0, c2 N/A
    expect(r.score).toBeCloseTo((2 * 0.8125 + 3 * (26 / 45)) / 5, 12); // 0.671667
    expect(r.score).toBeCloseTo(0.6716667, 6);
    expect(r.errors).toEqual({ customer: 0, business: 0, compliance: 0, nonCritical: 0 });
    expect(r.zeroed).toBe(false);
  });

  it('example 1b — section C answered counts in the mean', () => {
    const r = scoreQualityEvaluation(chatCard, { ...example1, c2: 1 });
    expect(r.sections[2]!.score).toBe(1);
    expect(r.score).toBeCloseTo((1.625 + 26 / 15 + 1) / 6, 12); // 0.726389
  });

  it('example 2 — fail-section: b1 at its minimum zeroes section B', () => {
    const r = scoreQualityEvaluation(chatCard, { ...example1, b1: 1 });
    expect(r.sections[1]).toEqual({ sectionId: 'B', score: 0, rawScore: expect.closeTo(0.4 / 3, 12), zeroed: true });
    expect(r.score).toBeCloseTo((2 * 0.8125) / 5, 12); // 0.325
    expect(r.errors.customer).toBe(1);
  });

  it('example 3 — fail-all: c1 = no zeroes the evaluation though its weight is 0', () => {
    const r = scoreQualityEvaluation(chatCard, { ...example1, c1: 0 });
    expect(r.score).toBe(0);
    expect(r.rawScore).toBeCloseTo(0.6716667, 6);
    expect(r.zeroed).toBe(true);
    expect(r.errors.compliance).toBe(1);
  });

  it('example 4 — a per-criterion fail threshold: a2 = 2 is an error for the customer, with no fail effect', () => {
    const r = scoreQualityEvaluation(chatCard, { ...example1, a2: 2, a1: 0 });
    expect(r.sections[0]!.score).toBeCloseTo((0 + 3 * 0.25) / 4, 12); // 0.1875
    expect(r.errors).toEqual({ customer: 1, business: 0, compliance: 0, nonCritical: 1 });
    expect(qualityCriticalErrors(r.errors)).toBe(1);
    expect(r.criteria.find((c) => c.criterionId === 'a2')).toEqual({ criterionId: 'a2', errorClass: 'customer', score: 0.25, failed: true });
  });

  it('everything N/A → no score', () => {
    const card = { ...chatCard, sections: [chatCard.sections[2]!] };
    expect(scoreQualityEvaluation(card, { c1: 'na', c2: 'na' }).score).toBeNull();
  });

  it('checks answers: missing, off the scale, N/A not allowed, unknown criterion', () => {
    const issues = checkQualityAnswers(chatCard, { ...example1, a1: 'na', b2: 3, zz: 1, a2: undefined as never });
    expect(issues.map((i) => i.path).sort()).toEqual(['answers.a1', 'answers.a2', 'answers.b2', 'answers.zz']);
    expect(checkQualityAnswers(chatCard, example1)).toEqual([]);
  });
});
