import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../src/auth/loginThrottle.ts';
import { hashPassword, verifyPassword } from '../src/auth/passwords.ts';
import { childrenFirst } from '../src/db/tenantData.ts';
import { decodeCursor, encodeCursor, toPage } from '../src/http/pagination.ts';

describe('LoginThrottle', () => {
  it('blocks the sixth failure within the window until the oldest leaves it', () => {
    const t = new LoginThrottle(5, 60_000);
    for (const at of [0, 10_000, 20_000, 30_000, 40_000]) {
      expect(t.retryAfterMs('ivan', at)).toBe(0);
      t.recordFailure('ivan', at);
    }
    expect(t.retryAfterMs('ivan', 45_000)).toBe(15_000); // first failure (0) leaves at 60 000
    expect(t.retryAfterMs('ivan', 60_001)).toBe(0);
    expect(t.retryAfterMs('olga', 45_000)).toBe(0);
  });

  it('forgets a key after a success', () => {
    const t = new LoginThrottle(2, 60_000);
    t.recordFailure('k', 0);
    t.recordFailure('k', 1);
    expect(t.retryAfterMs('k', 2)).toBeGreaterThan(0);
    t.recordSuccess('k');
    expect(t.retryAfterMs('k', 2)).toBe(0);
  });
});

describe('passwords (scrypt)', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Пароль-123');
    const b = await hashPassword('Пароль-123');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Пароль-123', a)).toBe(true);
    expect(await verifyPassword('пароль-123', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('childrenFirst', () => {
  it('orders tables so none precedes one that refers to it', () => {
    const edges = [
      { child: 'hotlines', parent: 'clients' },
      { child: 'users', parent: 'clients' },
      { child: 'sessions', parent: 'users' },
      { child: 'api_tokens', parent: 'users' },
    ];
    const order = childrenFirst(['clients', 'users', 'hotlines', 'sessions', 'api_tokens', 'audit_log'], edges);
    expect(order).toHaveLength(6);
    for (const e of edges) expect(order.indexOf(e.child)).toBeLessThan(order.indexOf(e.parent));
  });
});

describe('cursor pagination', () => {
  it('round-trips a key and rejects anything else', () => {
    const c = encodeCursor(['2026-11-23T10:00:00.000Z', 'abc']);
    expect(decodeCursor(c, 2)).toEqual(['2026-11-23T10:00:00.000Z', 'abc']);
    expect(() => decodeCursor(c, 1)).toThrow();
    expect(() => decodeCursor('%%%', 2)).toThrow();
  });

  it('cuts limit + 1 rows into a page and the next cursor', () => {
    const rows = [{ id: 5 }, { id: 4 }, { id: 3 }];
    expect(toPage(rows, 2, (r) => [r.id], (r) => r.id)).toEqual({ items: [5, 4], nextCursor: encodeCursor([4]) });
    expect(toPage(rows, 3, (r) => [r.id], (r) => r.id)).toEqual({ items: [5, 4, 3], nextCursor: null });
  });
});
