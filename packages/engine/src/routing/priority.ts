// Contact priority with aging (R3).
//
//   score(t) = queue.priority + contact.priority + agingPerMinute · (t − arrivedAt) / 60 000
//
// Linear aging is the "priority increases by k every minute" rule of common ACDs (e.g. Genesys
// and Avaya "priority aging"), made continuous. Its useful property: within one queue every
// contact ages at the same rate, so the order of two contacts never changes with time. A heap
// keyed by the time-free part
//
//   rankKey = queue.priority + contact.priority − rate · arrivedAt
//
// therefore stays valid forever, and the score at any moment is rankKey + rate · t. Contacts of
// different queues (different rates) are compared by their scores at the moment of decision.
// Waiting is counted from the first arrival, so a contact moved by overflow keeps its seniority.

export function agingRatePerMs(agingPerMinute: number): number {
  return agingPerMinute / 60_000;
}

export function rankKey(queuePriority: number, contactPriority: number, ratePerMs: number, arrivedAt: number): number {
  return queuePriority + contactPriority - ratePerMs * arrivedAt;
}

export function scoreAt(key: number, ratePerMs: number, now: number): number {
  return key + ratePerMs * now;
}

interface Ranked {
  rankKey: number;
  seq: number;
}

/** Heap order within one queue: higher key first; equal keys first come, first served. */
export function rankedBefore(a: Ranked, b: Ranked): boolean {
  return a.rankKey > b.rankKey || (a.rankKey === b.rankKey && a.seq < b.seq);
}
