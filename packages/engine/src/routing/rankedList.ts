// The waiting contacts of one queue in service order, as a sorted array. Within a queue all
// contacts age at the same rate, so the order by (rankKey desc, seq asc) never changes while
// they wait (see priority.ts); a contact's position is then a binary search, O(log n), which
// the customer's widget and every "queued" decision need. Insert and remove are a binary search
// plus an array shift (memmove), cheap at the hundreds to low thousands a queue holds.

import { rankedBefore } from './priority.ts';

interface Ranked {
  rankKey: number;
  seq: number;
}

export class RankedList<T extends Ranked> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.items[Symbol.iterator]();
  }

  /** In service order (first = next); read-only use. */
  values(): readonly T[] {
    return this.items;
  }

  /**
   * Index where `item` is or would be (first element not before it). The common cases are
   * checked first: a newcomer goes after the last (aging makes later arrivals rank lower) and
   * the contact leaving is the first (the one served).
   */
  private lowerBound(item: Ranked): number {
    const items = this.items;
    const n = items.length;
    if (n === 0 || rankedBefore(items[n - 1] as T, item)) return n;
    if (!rankedBefore(items[0] as T, item)) return 0;
    let lo = 1;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rankedBefore(this.items[mid] as T, item)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(item: T): void {
    const i = this.lowerBound(item);
    if (this.items[i] === item) return;
    this.items.splice(i, 0, item);
  }

  delete(item: T): boolean {
    const i = this.lowerBound(item);
    if (this.items[i] !== item) return false;
    this.items.splice(i, 1);
    return true;
  }

  has(item: T): boolean {
    return this.items[this.lowerBound(item)] === item;
  }

  /** 1-based position of `item` (or of where it would stand). */
  position(item: Ranked): number {
    return this.lowerBound(item) + 1;
  }
}
