import { describe, expect, it } from 'vitest';
import { assignQualityEvaluations, qualityAllocateEqual, qualityAllocateProportional, sampleQualityContacts, type QualitySampleContact } from '../../src/quality/index.ts';

const DAY = 86_400_000;
const contacts: QualitySampleContact[] = [];
for (let i = 0; i < 10; i++) contacts.push({ id: `a-${i}`, agentId: 'a', at: i * 1000, channel: i < 8 ? 'chat' : 'email', durationSeconds: 60 * i, csat: i % 5 + 1 });
for (let i = 0; i < 4; i++) contacts.push({ id: `b-${i}`, agentId: 'b', at: i * 1000, channel: 'chat' });
const plan = { perAgent: 5, from: 0, to: 100_000, seed: 7 };

describe('sampling plans', () => {
  it('N per agent (all of an agent with fewer), reproducible and independent of input order', () => {
    const s = sampleQualityContacts(contacts, plan);
    expect(s.filter((x) => x.agentId === 'a')).toHaveLength(5);
    expect(s.filter((x) => x.agentId === 'b')).toHaveLength(4);
    expect(sampleQualityContacts([...contacts].reverse(), plan)).toEqual(s);
    expect(sampleQualityContacts(contacts, { ...plan, seed: 8 })).not.toEqual(s);
  });

  it('skips evaluated contacts and contacts outside [from, to)', () => {
    const s = sampleQualityContacts(contacts, { ...plan, perAgent: 10, from: 1000, to: 9000 }, new Set(['a-3']));
    expect(s.filter((x) => x.agentId === 'a').map((x) => x.contactId).sort()).toEqual(['a-1', 'a-2', 'a-4', 'a-5', 'a-6', 'a-7', 'a-8']);
  });

  it('stratified by channel: proportional 8 chat + 2 email, N = 5 → 4 + 1; equal, N = 4 → 2 + 2', () => {
    const count = (s: ReturnType<typeof sampleQualityContacts>, st: string) => s.filter((x) => x.agentId === 'a' && x.stratum === st).length;
    const p = sampleQualityContacts(contacts, { ...plan, strata: ['channel'] });
    expect([count(p, 'channel=chat'), count(p, 'channel=email')]).toEqual([4, 1]);
    const e = sampleQualityContacts(contacts, { ...plan, perAgent: 4, strata: ['channel'], allocation: 'equal' });
    expect([count(e, 'channel=chat'), count(e, 'channel=email')]).toEqual([2, 2]);
  });

  it('strata keys combine length and CSAT bands', () => {
    const s = sampleQualityContacts(contacts, { ...plan, perAgent: 10, agentIds: ['a'], strata: ['length', 'csat'] });
    expect(new Set(s.map((x) => x.stratum))).toEqual(new Set(['length=≤180|csat=1-3', 'length=≤180|csat=4-5', 'length=≤600|csat=1-3', 'length=≤600|csat=4-5']));
  });

  it('uniform: over 10,000 seeds each of 10 contacts is drawn ≈ 1,000 times', () => {
    const hits = new Map<string, number>();
    const one = contacts.filter((c) => c.agentId === 'a');
    for (let seed = 0; seed < 10_000; seed++) for (const x of sampleQualityContacts(one, { ...plan, perAgent: 1, seed })) hits.set(x.contactId, (hits.get(x.contactId) ?? 0) + 1);
    for (const n of hits.values()) expect(Math.abs(n - 1000)).toBeLessThan(130); // > 4 standard deviations (σ = 30)
  });

  it('allocation: Hamilton largest remainder; equal round robin', () => {
    expect(qualityAllocateProportional(4, [5, 3, 2])).toEqual([2, 1, 1]); // quotas 2, 1.2, 0.8
    expect(qualityAllocateProportional(20, [5, 3, 2])).toEqual([5, 3, 2]);
    expect(qualityAllocateEqual(7, [1, 5, 5])).toEqual([1, 3, 3]);
  });
});

describe('assignment to quality specialists', () => {
  const items = Array.from({ length: 30 }, (_, i) => ({ contactId: `c${i}`, agentId: 'op1' }));
  const specialists = [
    { id: 's1', capacityPerDay: 10, openEvaluations: 20 },
    { id: 's2', capacityPerDay: 10, openEvaluations: 0 },
    { id: 's3', capacityPerDay: 5, openEvaluations: 0, availableFrom: DAY },
  ];

  it('balances finish times: s1 (20 open) 2, s2 22, s3 (from day 1, 5/day) 6 — everyone done by day 2.2', () => {
    const r = assignQualityEvaluations(items, specialists, { now: 0, deadline: 2 * DAY });
    expect(r.load).toEqual([
      { specialistId: 's1', open: 20, assigned: 2, daysOfWork: 2.2 },
      { specialistId: 's2', open: 0, assigned: 22, daysOfWork: 2.2 },
      { specialistId: 's3', open: 0, assigned: 6, daysOfWork: 1.2 },
    ]);
    const s2 = r.assignments.filter((a) => a.specialistId === 's2');
    expect(s2.map((a) => a.dueAt / DAY)).toEqual([...Array(10).fill(1), ...Array(10).fill(2), 3, 3]);
    expect(r.assignments.filter((a) => a.late)).toHaveLength(2 + 2 + 1); // s1's two (day 3), s2's last two, s3's 6th (day 1 + 2)
  });

  it('nobody evaluates their own contacts; hotline restrictions; no eligible specialist → unassigned', () => {
    const r = assignQualityEvaluations(
      [{ contactId: 'x', agentId: 's2' }, { contactId: 'y', agentId: 'op', hotlineId: 'h2' }, { contactId: 'z', agentId: 's2', hotlineId: 'h2' }],
      [{ id: 's2', capacityPerDay: 5, openEvaluations: 0 }, { id: 's1', capacityPerDay: 5, openEvaluations: 9, hotlineIds: ['h1'] }],
      { now: 0 },
    );
    expect(r.assignments.map((a) => [a.contactId, a.specialistId])).toEqual([['x', 's1'], ['y', 's2']]);
    expect(r.unassigned).toEqual(['z']);
  });
});
