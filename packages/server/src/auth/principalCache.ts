import type { Principal } from './principal.ts';

export interface PrincipalCacheOptions {
  /** How long a principal is trusted without asking the database again (ms); 0 disables the cache. */
  ttlMs: number;
  /** Most principals kept; the least recently used goes first. */
  maxEntries?: number;
  /** Wall clock (ms), for tests. */
  now?: () => number;
}

/** Which principals a change concerns: every field given must match. */
export interface PrincipalMatch {
  tenantId?: string;
  userId?: string;
  sessionId?: string;
  tokenId?: string;
}

interface Entry {
  principal: Principal;
  until: number;
}

/**
 * Who a session cookie or an API token stands for, remembered for a few seconds so that a busy
 * desk's requests do not each ask the database. Keyed by the hash of the credential (the secret
 * itself is never kept). An entry lives at most `ttlMs` and never past its session's expiry; a
 * change to what it says (logout, a user deactivated, a token revoked) removes it through
 * `forget` (auth/revocation.ts calls it on every node), so the time-to-live only bounds the damage
 * of a missed notice. Failures are not cached: a guessed secret must not take a slot.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Bumped by every `forget`: a look-up that started before it must not store what it read. */
  private generation = 0;

  constructor(opts: PrincipalCacheOptions) {
    // A setting that is not a number turns the cache off rather than making entries immortal.
    this.ttlMs = Number.isFinite(opts.ttlMs) ? Math.max(0, opts.ttlMs) : 0;
    this.maxEntries = Math.max(1, opts.maxEntries ?? 10_000);
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The principal remembered under `key`, or undefined (unknown or expired). */
  get(key: string): Principal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Map order is insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.principal;
  }

  /** Taken before reading the database; `set` refuses the result if a `forget` came in between. */
  ticket(): number {
    return this.generation;
  }

  /**
   * Remembers `principal` until the time-to-live or `notAfter` (ms, the session's expiry), whichever
   * comes first — unless something was forgotten since `ticket`: the row read may predate that change
   * (a deactivation committed while the SELECT was in flight), and caching it would undo the forget.
   */
  set(key: string, principal: Principal, ticket: number, notAfter = Number.POSITIVE_INFINITY): void {
    if (this.ttlMs === 0 || ticket !== this.generation) return;
    const until = Math.min(this.now() + this.ttlMs, notAfter);
    if (until <= this.now()) return;
    this.entries.delete(key);
    this.entries.set(key, { principal, until });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops every principal matching `match`; returns how many. Rare (logouts, user changes): a scan is fine. */
  forget(match: PrincipalMatch): number {
    this.generation++;
    let dropped = 0;
    for (const [key, { principal: p }] of this.entries) {
      if (match.tenantId !== undefined && p.tenantId !== match.tenantId) continue;
      if (match.userId !== undefined && !(p.kind === 'user' && p.id === match.userId)) continue;
      if (match.sessionId !== undefined && p.sessionId !== match.sessionId) continue;
      if (match.tokenId !== undefined && !(p.kind === 'token' && p.id === match.tokenId)) continue;
      this.entries.delete(key);
      dropped++;
    }
    return dropped;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
