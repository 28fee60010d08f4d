import { describe, expect, it } from 'vitest';
import { covers, isEventPattern, retryDelayMs, subscribed, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_PING, deliveredStatus } from '../../src/webhooks/index.ts';

describe('webhook event patterns', () => {
  it('a name covers itself, a family wildcard covers its family only', () => {
    expect(covers('contact.created', 'contact.created')).toBe(true);
    expect(covers('contact.created', 'contact.closed')).toBe(false);
    expect(covers('case.*', 'case.escalated')).toBe(true);
    expect(covers('case.*', 'cases.escalated')).toBe(false);
    expect(covers('case.*', 'contact.created')).toBe(false);
  });

  it('accepts known names and families, rejects unknown or malformed ones', () => {
    expect(isEventPattern('contact.created')).toBe(true);
    expect(isEventPattern('case.*')).toBe(true);
    expect(isEventPattern('case.status_changed')).toBe(true);
    expect(isEventPattern('contact.*')).toBe(true);
    expect(isEventPattern('knowledge_article.changed')).toBe(false);
    expect(isEventPattern('contact')).toBe(false);
    expect(isEventPattern('*')).toBe(false);
    expect(isEventPattern('Contact.Created')).toBe(false);
  });

  it('every subscription receives a ping; others only what they list', () => {
    expect(subscribed(['contact.closed'], WEBHOOK_PING)).toBe(true);
    expect(subscribed(['contact.closed'], 'contact.created')).toBe(false);
    expect(subscribed(['contact.closed', 'case.*'], 'case.created')).toBe(true);
  });
});

describe('webhook retry back-off', () => {
  it('doubles from 30 s and is capped at 6 h', () => {
    const delays = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1));
    expect(delays).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_840_000, 7_680_000, 15_360_000,
      21_600_000, // 30 s × 2^10 would be 8.5 h
    ]);
  });

  it('gives up after the twelfth attempt; the waits span a night (14.5 h)', () => {
    expect(retryDelayMs(WEBHOOK_MAX_ATTEMPTS)).toBeNull();
    const total = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)!).reduce((a, b) => a + b, 0);
    expect(total).toBe(52_290_000); // 30 s × (2^10 − 1) + 6 h
  });

  it('jitter adds at most 20 %', () => {
    expect(retryDelayMs(1, 0.5)).toBe(33_000);
    expect(retryDelayMs(1, 0.999_999_9)).toBeLessThanOrEqual(36_000);
    expect(retryDelayMs(1, -3)).toBe(30_000);
  });

  it('rejects nonsense attempt counts', () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });

  it('only 2xx counts as delivered', () => {
    expect([200, 204, 299].every(deliveredStatus)).toBe(true);
    expect([199, 301, 302, 400, 500].some(deliveredStatus)).toBe(false);
  });
});
