// Deadlines the engine keeps: offer timeouts, overflow steps, the end of a sticky reservation
// and the wrap-up maximum. One min-heap; entries are checked against the contact when they fall
// due, so a superseded deadline needs no removal (lazy deletion). The order of equal times is
// fixed (kind, then contact arrival), so a restored engine fires them in the same order.

import { IndexedHeap } from './heap.ts';

export type TimerKind = 'offer' | 'wrapUp' | 'sticky' | 'overflow';
const KIND_ORDER: Record<TimerKind, number> = { offer: 0, wrapUp: 1, sticky: 2, overflow: 3 };

export interface Timer {
  at: number;
  kind: TimerKind;
  contactId: string;
  contactSeq: number;
  /** Order among equal times: kind, then contact arrival, as one number (seq < 2^48). */
  tieBreak: number;
  heapIndex: number;
}

export class TimerQueue {
  private readonly heap = new IndexedHeap<Timer>((a, b) => a.at < b.at || (a.at === b.at && a.tieBreak < b.tieBreak));

  schedule(at: number, kind: TimerKind, contactId: string, contactSeq: number): void {
    this.heap.push({ at, kind, contactId, contactSeq, tieBreak: KIND_ORDER[kind] * 2 ** 48 + contactSeq, heapIndex: -1 });
  }

  /** The earliest entry (possibly stale). */
  peek(): Timer | undefined {
    return this.heap.peek();
  }

  pop(): Timer | undefined {
    return this.heap.pop();
  }

  get size(): number {
    return this.heap.size;
  }

  clear(): void {
    while (this.heap.pop());
  }
}
