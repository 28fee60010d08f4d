import { describe, expect, it } from 'vitest';
import { aggregateQualityScores, qualityErrorFrequency, qualityPeriodStart, qualityTrendSeries, scoreQualityEvaluation, type QualityEvaluationRecord } from '../../src/quality/index.ts';
import { chatCard, example1 } from './fixtures.ts';

const at = (iso: string) => Date.parse(iso);
const none = { customer: 0, business: 0, compliance: 0, nonCritical: 0 };

describe('periods in the hotline time zone', () => {
  it('ISO weeks start on Monday; Sunday 22:30 UTC is already Monday in Moscow', () => {
    expect(qualityPeriodStart(at('2025-03-09T22:30:00Z'), 'week', 'UTC')).toBe('2025-03-03');
    expect(qualityPeriodStart(at('2025-03-09T22:30:00Z'), 'week', 'Europe/Moscow')).toBe('2025-03-10');
    expect(qualityPeriodStart(at('2025-03-31T21:30:00Z'), 'month', 'Europe/Moscow')).toBe('2025-04-01');
  });
});

describe('scores per agent and group per period', () => {
  const records: QualityEvaluationRecord[] = [
    { agentId: 'a', groupId: 'g', at: at('2025-03-03T09:00:00Z'), score: 0.8, errors: { ...none, customer: 1 } },
    { agentId: 'a', groupId: 'g', at: at('2025-03-05T09:00:00Z'), score: 0.6, errors: none },
    { agentId: 'b', groupId: 'g', at: at('2025-03-04T09:00:00Z'), score: 1, weight: 2, errors: none },
    { agentId: 'a', groupId: 'g', at: at('2025-03-19T09:00:00Z'), score: null, errors: none },
    { agentId: 'a', groupId: 'g', at: at('2025-03-20T09:00:00Z'), score: 0.5, errors: { ...none, compliance: 1 } },
  ];
  it('agent a, week of 3 March: (0.8 + 0.6)/2 = 0.7; all-N/A evaluations counted, not averaged', () => {
    const rows = aggregateQualityScores(records, { by: 'agent', period: 'week', timeZone: 'Europe/Moscow' });
    expect(rows.map((r) => [r.key, r.period, r.evaluations, r.score])).toEqual([
      ['a', '2025-03-03', 2, expect.closeTo(0.7, 12)], ['a', '2025-03-17', 2, 0.5], ['b', '2025-03-03', 1, 1],
    ]);
    expect(rows[0]!.errors.customer).toBe(1);
  });
  it('group g, March: (0.8 + 0.6 + 2·1 + 0.5)/5 = 0.78 (b weighted 2)', () => {
    const rows = aggregateQualityScores(records, { by: 'group', period: 'month', timeZone: 'Europe/Moscow' });
    expect(rows).toEqual([{ key: 'g', period: '2025-03-01', evaluations: 5, score: expect.closeTo(0.78, 12), errors: { ...none, customer: 1, compliance: 1 } }]);
  });
  it('trend series fill missing weeks with null', () => {
    const rows = aggregateQualityScores(records, { by: 'agent', period: 'week', timeZone: 'Europe/Moscow' });
    expect(qualityTrendSeries(rows, 'week').get('a')!.map((p) => [p.period, p.score === null ? null : +p.score.toFixed(2)])).toEqual([
      ['2025-03-03', 0.7], ['2025-03-10', null], ['2025-03-17', 0.5],
    ]);
  });
});

describe('error frequency by criterion and criticality', () => {
  it('counts failures among evaluations where the criterion was answered', () => {
    const results = [example1, { ...example1, b1: 1 }, { ...example1, c1: 0, a3: 1 }].map((a) => scoreQualityEvaluation(chatCard, a));
    const f = qualityErrorFrequency(results.map((r) => ({ agentId: 'a', at: 0, score: r.score, errors: r.errors, criteria: r.criteria })));
    expect(f.criteria.slice(0, 2)).toEqual([
      { criterionId: 'b1', errorClass: 'customer', evaluated: 3, failed: 1, rate: 1 / 3 },
      { criterionId: 'c1', errorClass: 'compliance', evaluated: 3, failed: 1, rate: 1 / 3 },
    ]);
    expect(f.criteria.find((c) => c.criterionId === 'a3')).toEqual({ criterionId: 'a3', errorClass: 'nonCritical', evaluated: 1, failed: 0, rate: 0 });
    expect(f.byClass).toEqual({ ...none, customer: 1, compliance: 1 });
  });
});
