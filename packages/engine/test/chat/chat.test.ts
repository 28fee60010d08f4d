import { describe, expect, it } from 'vitest';
import { chatEndedBy, chatStatus, floodRetryAfter, type ChatRecord } from '../../src/index.ts';

const rec = (routingStatus: ChatRecord['routingStatus'], ended: Partial<Pick<ChatRecord, 'endedAt' | 'endedBy'>> = {}): ChatRecord => ({
  endedAt: ended.endedAt ?? null,
  endedBy: ended.endedBy ?? null,
  routingStatus,
});

describe('chat status', () => {
  it('waits while queued or offered, is active once connected', () => {
    expect(chatStatus(rec('waiting'))).toBe('waiting');
    expect(chatStatus(rec('offered'))).toBe('waiting');
    expect(chatStatus(rec(null))).toBe('waiting');
    expect(chatStatus(rec('connected'))).toBe('active');
  });

  it('ends by either side, or when the ACD shows it over', () => {
    expect(chatStatus(rec('connected', { endedAt: new Date(), endedBy: 'customer' }))).toBe('ended');
    expect(chatStatus(rec('wrapUp'))).toBe('ended');
    expect(chatStatus(rec('released'))).toBe('ended');
    expect(chatStatus(rec('abandoned'))).toBe('ended');
  });

  it('names who ended it: as recorded first, else as the ACD implies', () => {
    expect(chatEndedBy(rec('wrapUp', { endedAt: 1, endedBy: 'customer' }))).toBe('customer');
    expect(chatEndedBy(rec('wrapUp'))).toBe('agent');
    expect(chatEndedBy(rec('released'))).toBe('agent');
    expect(chatEndedBy(rec('abandoned'))).toBe('customer');
    expect(chatEndedBy(rec('connected'))).toBeNull();
  });
});

describe('chat flood limit', () => {
  const now = 1_000_000;
  it('lets a message through below the limit', () => {
    expect(floodRetryAfter(0, null, 3, now)).toBeNull();
    expect(floodRetryAfter(2, now - 5_000, 3, now)).toBeNull();
  });

  it('at the limit, waits until the oldest message leaves the minute (whole seconds, at least 1)', () => {
    // Oldest sent 45.2 s ago: it leaves the window in 14.8 s → 15.
    expect(floodRetryAfter(3, now - 45_200, 3, now)).toBe(15);
    // Oldest about to leave: still at least one second.
    expect(floodRetryAfter(3, now - 59_999, 3, now)).toBe(1);
    expect(floodRetryAfter(5, now, 3, now)).toBe(60);
  });
});
