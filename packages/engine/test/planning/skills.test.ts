import { describe, expect, it } from 'vitest';
import { pooledRequirement, skillCoverage } from '../../src/planning/index.ts';

describe('multi-skill coverage', () => {
  it('sums the queues into the pooled requirement', () => {
    expect(pooledRequirement({ a: [1, 2, 0], b: [0, 1, 3] })).toEqual([1, 3, 3]);
  });
  it('finds what pooling hides: 3 people for 3 heads, but only one of them can take queue b (worked example)', () => {
    // interval 0: two people with skill a, one with a and b; a needs 1, b needs 2 → the flow covers a 1, b 1
    // interval 1: the same people; a needs 3, b 0 → all covered
    const r = skillCoverage({ a: [1, 3], b: [2, 0] }, [
      { skills: ['a'], presence: [1, 1] },
      { skills: ['a'], presence: [1, 1] },
      { skills: ['a', 'b', 'c'], presence: [1, 1] },
    ]);
    expect(r).toEqual([
      { queue: 'a', required: 4, covered: 4, unmet: 0, unmetByInterval: [0, 0] },
      { queue: 'b', required: 2, covered: 1, unmet: 1, unmetByInterval: [1, 0] },
    ]);
  });
  it('routes the versatile people to the queue nobody else can take', () => {
    // a-only people: 1; ab people: 2; a needs 2, b needs 1 → a gets the a-only and one ab, b the other ab
    const r = skillCoverage({ a: [2], b: [1] }, [{ skills: ['a'], presence: [1] }, { skills: ['b', 'a'], presence: [2] }, { skills: ['x'], presence: [5] }]);
    expect(r.map((q) => q.unmet)).toEqual([0, 0]);
  });
});
