import { describe, expect, it } from 'vitest';
import { queueAlert } from '../src/wallboard/thresholds.ts';

describe('wallboard colour alerts (relative to the queue threshold T)', () => {
  const calm = { serviceLevelSeconds: 20, waiting: 0, longestWaitSeconds: 0, availableAgents: 2, serviceLevelToday: 0.9 };
  it('is calm within T with a good service level', () => {
    expect(queueAlert(calm)).toBe('ok');
    expect(queueAlert({ ...calm, serviceLevelToday: null })).toBe('ok');
    expect(queueAlert({ ...calm, waiting: 1, longestWaitSeconds: 20 })).toBe('ok');
  });
  it('turns amber past T, under 80 % or with nobody available for waiting contacts', () => {
    expect(queueAlert({ ...calm, waiting: 1, longestWaitSeconds: 21 })).toBe('warn');
    expect(queueAlert({ ...calm, serviceLevelToday: 0.79 })).toBe('warn');
    expect(queueAlert({ ...calm, waiting: 1, longestWaitSeconds: 5, availableAgents: 0 })).toBe('warn');
  });
  it('turns red past 3 × T or under 60 %', () => {
    expect(queueAlert({ ...calm, waiting: 1, longestWaitSeconds: 61 })).toBe('danger');
    expect(queueAlert({ ...calm, serviceLevelToday: 0.59 })).toBe('danger');
    // T is the queue's own: an e-mail queue with T = 1 h is calm after 30 minutes.
    expect(queueAlert({ ...calm, serviceLevelSeconds: 3600, waiting: 3, longestWaitSeconds: 1800 })).toBe('ok');
  });
});
