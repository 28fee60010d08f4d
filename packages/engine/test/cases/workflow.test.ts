import { describe, expect, it } from 'vitest';
import { allowedCaseTransitions, checkCaseTransition, isPausing, priorityOf } from '../../src/cases/index.ts';

const none = { decision: false, answerSent: false };

describe('priority matrix', () => {
  it('impact × urgency', () => {
    expect(priorityOf('high', 'high')).toBe('critical');
    expect(priorityOf('high', 'medium')).toBe('high');
    expect(priorityOf('medium', 'high')).toBe('high');
    expect(priorityOf('medium', 'medium')).toBe('medium');
    expect(priorityOf('low', 'high')).toBe('medium');
    expect(priorityOf('low', 'low')).toBe('low');
  });
});

describe('case workflows', () => {
  it('the default path and reopen', () => {
    expect(checkCaseTransition('support', 'new', 'in_progress', none)).toEqual({ ok: true });
    expect(checkCaseTransition('support', 'in_progress', 'resolved', none)).toEqual({ ok: true });
    expect(checkCaseTransition('support', 'resolved', 'in_progress', none)).toEqual({ ok: true });
    expect(checkCaseTransition('support', 'closed', 'in_progress', none)).toEqual({ ok: true });
  });

  it('an illegal move names the allowed ones', () => {
    expect(checkCaseTransition('support', 'new', 'closed', none)).toEqual({
      ok: false, reason: 'illegal', allowed: ['in_progress', 'waiting_customer', 'waiting_third_party', 'resolved'],
    });
  });

  it('a complaint is resolved only with a decision and the answer sent, and is not reopened once closed', () => {
    expect(allowedCaseTransitions('complaint', 'in_progress', none)).toEqual(['waiting_customer', 'waiting_third_party']);
    expect(checkCaseTransition('complaint', 'in_progress', 'resolved', { decision: true, answerSent: false })).toEqual({
      ok: false, reason: 'requirements', missing: ['answerSent'], allowed: ['waiting_customer', 'waiting_third_party'],
    });
    expect(checkCaseTransition('complaint', 'in_progress', 'resolved', { decision: true, answerSent: true })).toEqual({ ok: true });
    expect(allowedCaseTransitions('complaint', 'closed', none)).toEqual([]);
    expect(checkCaseTransition('complaint', 'new', 'resolved', { decision: true, answerSent: true }).ok).toBe(false);
  });

  it('waiting for the customer pauses the clock, waiting for a third party does not', () => {
    expect(isPausing('support', 'waiting_customer')).toBe(true);
    expect(isPausing('support', 'waiting_third_party')).toBe(false);
  });
});
