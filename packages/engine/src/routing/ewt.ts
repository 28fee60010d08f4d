// Expected wait time (R4).
//
// A waiting contact at position k (1 = next) is served after k more departures from the queue's
// busy agents. With S busy slots and exponential handle times of mean AHT, departures form a
// Poisson stream of rate S / AHT, so the expected time to the k-th is
//
//   EWT(k) = k · AHT / S                         (M/M/S with all servers busy; Kleinrock, vol. 1, §3.5)
//
// S is the queue's staffed capacity: the sum, over members with presence "ready", of their
// capacity on the queue's channel. AHT is an exponentially weighted moving average of the
// queue's measured handle times (connect → wrap-up end), seeded with the configured
// expectedHandleSeconds. Known limits, stated in docs/ROUTING.md: an agent shared by several
// queues is counted in each (EWT optimistic), and overflow/aging can reorder contacts later.

/** Weight of the newest handle time in the AHT average (≈ the last 20 contacts). */
export const AHT_SMOOTHING = 0.05;

export function expectedWaitMs(position: number, ahtMs: number, staffedSlots: number): number | null {
  if (staffedSlots <= 0) return null;
  return Math.round((position * ahtMs) / staffedSlots);
}

export function smoothedAht(previousMs: number, sampleMs: number): number {
  return previousMs + AHT_SMOOTHING * (sampleMs - previousMs);
}
