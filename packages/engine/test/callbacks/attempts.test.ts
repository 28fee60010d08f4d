import { describe, expect, it } from 'vitest';
import { afterAttempt, isOverdue } from '../../src/callbacks/index.ts';

const now = new Date('2026-11-23T10:00:00Z');

describe('callback attempts', () => {
  it('reaching the customer completes the task', () => {
    expect(afterAttempt(0, 'reached', now)).toEqual({ status: 'done', dueAt: null, attempts: 1 });
  });

  it('no answer: again in 30 minutes, then given up after the third attempt', () => {
    expect(afterAttempt(0, 'no_answer', now)).toEqual({ status: 'open', dueAt: new Date('2026-11-23T10:30:00Z'), attempts: 1 });
    expect(afterAttempt(1, 'busy', now)).toEqual({ status: 'open', dueAt: new Date('2026-11-23T10:30:00Z'), attempts: 2 });
    expect(afterAttempt(2, 'voicemail', now)).toEqual({ status: 'failed', dueAt: null, attempts: 3 });
  });

  it('the operator may set when to try again; a time in the past falls back to the pause', () => {
    const evening = new Date('2026-11-23T16:00:00Z');
    expect(afterAttempt(0, 'no_answer', now, undefined, evening).dueAt).toEqual(evening);
    expect(afterAttempt(0, 'no_answer', now, undefined, new Date('2026-11-23T09:00:00Z')).dueAt).toEqual(new Date('2026-11-23T10:30:00Z'));
  });

  it('a wrong number or a refusal ends it at once', () => {
    expect(afterAttempt(0, 'wrong_number', now).status).toBe('failed');
    expect(afterAttempt(0, 'refused', now).status).toBe('failed');
  });

  it('a policy sets attempts and pause', () => {
    expect(afterAttempt(3, 'no_answer', now, { maxAttempts: 5, retryMinutes: 10 })).toEqual({
      status: 'open', dueAt: new Date('2026-11-23T10:10:00Z'), attempts: 4,
    });
  });

  it('only open tasks are overdue', () => {
    const past = new Date('2026-11-23T09:59:00Z');
    expect(isOverdue('open', past, now)).toBe(true);
    expect(isOverdue('done', past, now)).toBe(false);
    expect(isOverdue('open', new Date('2026-11-23T10:01:00Z'), now)).toBe(false);
  });
});
