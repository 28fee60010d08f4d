/**
 * When to write an API token's `last_used_at`. The column answers "is this integration still
 * in use?", which minute-level precision answers as well as a write per request — and a busy
 * integration would otherwise pay an UPDATE on every call. Per node: with several nodes each
 * writes at most once a minute, which is still negligible.
 */
export class TokenUseThrottle {
  private readonly lastWritten = new Map<string, number>();

  constructor(
    private readonly everyMs = 60_000,
    private readonly maxTokens = 10_000,
  ) {}

  /** Whether the use at `now` (ms) should be written; if so it counts as written. */
  due(tokenId: string, now: number): boolean {
    const last = this.lastWritten.get(tokenId);
    if (last !== undefined && now - last < this.everyMs) return false;
    this.lastWritten.delete(tokenId);
    this.lastWritten.set(tokenId, now);
    // Forgetting a token early only costs one more write for it.
    if (this.lastWritten.size > this.maxTokens) this.lastWritten.delete(this.lastWritten.keys().next().value!);
    return true;
  }
}
