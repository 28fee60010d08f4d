import { describe, expect, it } from 'vitest';
import { aggregateSatisfaction, checkSurveyAnswer, csatSummary, npsSummary, satisfactionFollowUp } from '../../src/quality/index.ts';

describe('CSAT and NPS', () => {
  it('CSAT = share of 4–5: [5, 4, 3, 1, 5] → 3/5 = 0.6', () => {
    expect(csatSummary([5, 4, 3, 1, 5])).toEqual({ responses: 5, satisfied: 3, csat: 0.6 });
    expect(csatSummary([]).csat).toBeNull();
  });
  it('NPS = %9–10 − %0–6: [10, 9, 9, 8, 7, 6, 3, 0, 10, 5] → 40 % − 40 % = 0; [10, 9, 8, 2] → 25', () => {
    expect(npsSummary([10, 9, 9, 8, 7, 6, 3, 0, 10, 5])).toEqual({ responses: 10, promoters: 4, passives: 2, detractors: 4, nps: 0 });
    expect(npsSummary([10, 9, 8, 2]).nps).toBe(25);
  });
  it('aggregates by agent, hotline, topic', () => {
    const rows = aggregateSatisfaction(
      [
        { kind: 'csat', score: 5, agentId: 'a', answeredAt: 0 },
        { kind: 'csat', score: 2, agentId: 'a', answeredAt: 0 },
        { kind: 'nps', score: 10, agentId: 'b', answeredAt: 0 },
        { kind: 'nps', score: 9, answeredAt: 0 },
      ],
      'agentId',
    );
    expect(rows.map((r) => [r.key, r.csat.csat, r.nps.nps])).toEqual([['a', 0.5, null], ['b', null, 100], ['none', null, 100]]);
  });
  it('refuses a second answer, an expired survey and a score off the scale', () => {
    expect(checkSurveyAnswer({ kind: 'csat', score: 6, now: 2, expiresAt: 1, alreadyAnswered: true }).map((i) => i.message)).toEqual([
      'this survey has already been answered', 'this survey has expired', 'must be a whole number from 1 to 5',
    ]);
    expect(checkSurveyAnswer({ kind: 'nps', score: 0, now: 1, expiresAt: 1, alreadyAnswered: false })).toEqual([]);
  });
  it('a low score opens a follow-up for the group lead (defaults: CSAT ≤ 3, NPS ≤ 6, 24 h)', () => {
    expect(satisfactionFollowUp({ kind: 'csat', score: 3, answeredAt: 0 })).toEqual({ dueAt: 86_400_000, reason: 'CSAT 3 ≤ 3' });
    expect(satisfactionFollowUp({ kind: 'csat', score: 4, answeredAt: 0 })).toBeNull();
    expect(satisfactionFollowUp({ kind: 'nps', score: 6, answeredAt: 0 }, { npsAtOrBelow: 4 })).toBeNull();
  });
});
