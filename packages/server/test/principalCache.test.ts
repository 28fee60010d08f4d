import { describe, expect, it } from 'vitest';
import type { Principal } from '../src/auth/principal.ts';
import { PrincipalCache } from '../src/auth/principalCache.ts';
import { PrincipalRevocation } from '../src/auth/revocation.ts';
import { TokenUseThrottle } from '../src/auth/tokenUse.ts';
import { InProcessBus } from '../src/realtime/bus.ts';
import { envelope } from '../src/realtime/envelope.ts';

const user = (id: string, sessionId: string, tenantId = 't1'): Principal => ({
  kind: 'user', id, name: id, login: id, role: 'operator', tenantId, tenantName: 'T', clientId: null, sessionId,
});
const token = (id: string, tenantId = 't1'): Principal => ({
  kind: 'token', id, name: `token: ${id}`, login: null, role: 'admin', tenantId, tenantName: 'T', clientId: null, sessionId: null,
});

function clocked(ttlMs = 5000, maxEntries?: number) {
  let now = 1_000_000;
  const cache = new PrincipalCache({ ttlMs, maxEntries, now: () => now });
  return { cache, advance: (ms: number) => void (now += ms), at: () => now };
}

describe('principal cache', () => {
  it('keeps a principal for the time-to-live, then forgets it', () => {
    const { cache, advance } = clocked(5000);
    cache.set('a', user('u1', 's1'), cache.ticket());
    advance(4999);
    expect(cache.get('a')?.id).toBe('u1');
    advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never keeps a principal past its session's expiry", () => {
    const { cache, advance, at } = clocked(5000);
    cache.set('a', user('u1', 's1'), cache.ticket(), at() + 1000);
    advance(999);
    expect(cache.get('a')).toBeDefined();
    advance(1);
    expect(cache.get('a')).toBeUndefined();
    // A session already over is not cached at all.
    cache.set('b', user('u2', 's2'), cache.ticket(), at());
    expect(cache.get('b')).toBeUndefined();
  });

  it('with a time-to-live of 0 (or not a number) keeps nothing', () => {
    for (const ttl of [0, Number.NaN]) {
      const { cache } = clocked(ttl);
      cache.set('a', user('u1', 's1'), cache.ticket());
      expect(cache.get('a')).toBeUndefined();
    }
  });

  it('is bounded: the least recently used principal goes first', () => {
    const { cache } = clocked(5000, 3);
    for (const k of ['a', 'b', 'c']) cache.set(k, user(k, k), cache.ticket());
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('d', user('d', 'd'), cache.ticket());
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k)?.id)).toEqual(['a', 'c', 'd']);
  });

  it('forgets by session, by user, by token, within a tenant', () => {
    const { cache } = clocked();
    const t = () => cache.ticket();
    cache.set('s1', user('u1', 's1'), t());
    cache.set('s2', user('u1', 's2'), t());
    cache.set('s3', user('u2', 's3'), t());
    cache.set('x1', user('u1', 's9', 't2'), t());
    cache.set('k1', token('u1'), t()); // a token whose id equals a user id is not that user
    expect(cache.forget({ sessionId: 's2' })).toBe(1);
    expect(cache.get('s2')).toBeUndefined();
    expect(cache.forget({ tenantId: 't1', userId: 'u1' })).toBe(1);
    expect(cache.get('s1')).toBeUndefined();
    expect(cache.get('x1')).toBeDefined();
    expect(cache.get('k1')).toBeDefined();
    expect(cache.forget({ tokenId: 'u1' })).toBe(1);
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('s3')?.id).toBe('u2');
  });

  it('does not store a look-up that a forget overtook (the row read may predate the change)', () => {
    const { cache } = clocked();
    const ticket = cache.ticket();
    // ... the SELECT is in flight when the user is deactivated ...
    cache.forget({ userId: 'u1' });
    cache.set('a', user('u1', 's1'), ticket);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', user('u1', 's1'), cache.ticket());
    expect(cache.get('a')).toBeDefined();
  });
});

describe('principal revocation over the bus', () => {
  it('another node forgets what a revoke names; a user change announced on the tenant topic forgets that user', async () => {
    const bus = new InProcessBus();
    const here = new PrincipalRevocation(clocked().cache, bus);
    const { cache: there } = clocked();
    new PrincipalRevocation(there, bus);
    there.set('s1', user('u1', 's1'), there.ticket());
    there.set('s2', user('u2', 's2'), there.ticket());
    there.set('k1', token('k1'), there.ticket());
    await here.revoke({ tenantId: 't1', sessionId: 's1' });
    expect(there.get('s1')).toBeUndefined();
    await here.revoke({ tenantId: 't1', tokenId: 'k1' });
    expect(there.get('k1')).toBeUndefined();
    await bus.publish(envelope('t1', 'tenant', 'user.changed', { id: 'u2', action: 'update' }));
    expect(there.get('s2')).toBeUndefined();
  });

  it('a malformed notice forgets nothing (an empty match would mean everyone)', () => {
    const { cache } = clocked();
    const revocation = new PrincipalRevocation(cache, new InProcessBus());
    cache.set('s1', user('u1', 's1'), cache.ticket());
    for (const data of [null, {}, { tenantId: 't1' }, { userId: 42 }]) revocation.hear(envelope('', 'auth', 'auth.revoked', data));
    // A notice on another topic or from a tenant is not a node-to-node notice.
    revocation.hear(envelope('t1', 'auth', 'auth.revoked', { userId: 'u1' }));
    expect(cache.get('s1')).toBeDefined();
  });

  it('localFirst applies an event to this node before the bus delivers it', async () => {
    const delayed: (() => void)[] = [];
    const slowBus = new InProcessBus();
    const realPublish = slowBus.publish.bind(slowBus);
    slowBus.publish = (e) => new Promise((resolve) => delayed.push(() => void realPublish(e).then(resolve)));
    const { cache } = clocked();
    const revocation = new PrincipalRevocation(cache, slowBus);
    cache.set('s1', user('u1', 's1'), cache.ticket());
    void revocation.localFirst(slowBus).publish(envelope('t1', 'tenant', 'user.changed', { id: 'u1', action: 'update' }));
    expect(delayed).toHaveLength(1); // not delivered yet, as on PostgreSQL
    expect(cache.get('s1')).toBeUndefined();
    delayed[0]!();
  });
});

describe('API token last use', () => {
  it('is written at most once a minute per token', () => {
    const use = new TokenUseThrottle(60_000);
    expect(use.due('a', 0)).toBe(true);
    expect(use.due('a', 59_999)).toBe(false);
    expect(use.due('b', 59_999)).toBe(true);
    expect(use.due('a', 60_000)).toBe(true);
  });
});
