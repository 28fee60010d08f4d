// Deadlines the engine keeps: offer timeouts, overflow steps, the end of a sticky reservation
// and the wrap-up maximum. One binary min-heap over parallel arrays (times and tie-breaks in
// typed arrays, no object per entry: every offer and every waiting contact schedules one).
// Entries are checked against the contact when they fall due, so a superseded deadline needs
// no removal (lazy deletion). The order of equal times is fixed (kind, then contact arrival),
// so a restored engine fires them in the same order.

export type TimerKind = 'offer' | 'wrapUp' | 'sticky' | 'overflow';
const KINDS: readonly TimerKind[] = ['offer', 'wrapUp', 'sticky', 'overflow'];
const KIND_ORDER: Record<TimerKind, number> = { offer: 0, wrapUp: 1, sticky: 2, overflow: 3 };
/** tieBreak = kind · 2^48 + contact seq (seq < 2^48), one number to compare. */
const KIND_STEP = 2 ** 48;

export class TimerQueue {
  private at = new Float64Array(1024);
  private tie = new Float64Array(1024);
  private ids: string[] = [];
  private n = 0;

  get size(): number {
    return this.n;
  }

  schedule(at: number, kind: TimerKind, contactId: string, contactSeq: number): void {
    if (this.n === this.at.length) this.grow();
    this.n++;
    this.up(this.n - 1, at, KIND_ORDER[kind] * KIND_STEP + contactSeq, contactId);
  }

  /** Time of the earliest entry (possibly stale), Infinity when none. */
  peekAt(): number {
    return this.n > 0 ? (this.at[0] as number) : Infinity;
  }

  /** Kind of the earliest entry (only when size > 0). */
  peekKind(): TimerKind {
    return KINDS[Math.floor((this.tie[0] as number) / KIND_STEP)] as TimerKind;
  }

  /** Contact of the earliest entry (only when size > 0). */
  peekContactId(): string {
    return this.ids[0] as string;
  }

  /** Drop the earliest entry. */
  pop(): void {
    const n = --this.n;
    if (n < 0) {
      this.n = 0;
      return;
    }
    const at = this.at[n] as number;
    const tie = this.tie[n] as number;
    const id = this.ids[n] as string;
    this.ids.length = n;
    if (n > 0) this.down(at, tie, id);
  }

  clear(): void {
    this.n = 0;
    this.ids.length = 0;
  }

  private grow(): void {
    const at = new Float64Array(this.at.length * 2);
    const tie = new Float64Array(this.tie.length * 2);
    at.set(this.at);
    tie.set(this.tie);
    this.at = at;
    this.tie = tie;
  }

  private put(i: number, at: number, tie: number, id: string): void {
    this.at[i] = at;
    this.tie[i] = tie;
    this.ids[i] = id;
  }


  /** Place (at, tie, id) at slot i or above it. */
  private up(i: number, at: number, tie: number, id: string): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!earlier(at, tie, this.at[p] as number, this.tie[p] as number)) break;
      this.put(i, this.at[p] as number, this.tie[p] as number, this.ids[p] as string);
      i = p;
    }
    this.put(i, at, tie, id);
  }

  /** Place (at, tie, id) at the root or below it. */
  private down(at: number, tie: number, id: string): void {
    const n = this.n;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && earlier(this.at[r] as number, this.tie[r] as number, this.at[l] as number, this.tie[l] as number) ? r : l;
      if (!earlier(this.at[c] as number, this.tie[c] as number, at, tie)) break;
      this.put(i, this.at[c] as number, this.tie[c] as number, this.ids[c] as string);
      i = c;
    }
    this.put(i, at, tie, id);
  }
}

/** Whether entry (at1, tie1) falls due before (at2, tie2). */
function earlier(at1: number, tie1: number, at2: number, tie2: number): boolean {
  return at1 < at2 || (at1 === at2 && tie1 < tie2);
}
