// Per-interval results of a simulation, with the usual contact-center formulas:
//   service level = answered within T / offered          (the simple form; abandoned count as missed)
//   ASA           = Σ wait of answered / answered
//   AHT           = Σ (talk + wrap-up) / handled          (handled = released in the interval)
//   occupancy     = time on contact or in wrap-up / (that + time ready)   (not-ready time excluded)
// Contacts are counted in the interval they arrived in; handle and state time where they fall.

export interface IntervalResult {
  index: number;
  startSeconds: number;
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithinThreshold: number;
  /** null when nothing was offered. */
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  occupancy: number | null;
}

export interface SimulationResult {
  intervals: IntervalResult[];
  /** All intervals after the warm-up together. */
  summary: IntervalResult;
  /** Engine events applied. */
  events: number;
  /** Contacts still waiting or connected when the run ended. */
  unfinished: number;
}

/** Running sums of one interval. */
export class IntervalTally {
  offered = 0;
  answered = 0;
  abandoned = 0;
  withinThreshold = 0;
  waitSum = 0;
  handled = 0;
  handleSum = 0;
  busyMs = 0;
  readyMs = 0;

  add(o: IntervalTally): void {
    this.offered += o.offered;
    this.answered += o.answered;
    this.abandoned += o.abandoned;
    this.withinThreshold += o.withinThreshold;
    this.waitSum += o.waitSum;
    this.handled += o.handled;
    this.handleSum += o.handleSum;
    this.busyMs += o.busyMs;
    this.readyMs += o.readyMs;
  }

  result(index: number, startSeconds: number): IntervalResult {
    const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
    return {
      index,
      startSeconds,
      offered: this.offered,
      answered: this.answered,
      abandoned: this.abandoned,
      answeredWithinThreshold: this.withinThreshold,
      serviceLevel: ratio(this.withinThreshold, this.offered),
      asaSeconds: this.answered > 0 ? this.waitSum / this.answered / 1000 : null,
      ahtSeconds: this.handled > 0 ? this.handleSum / this.handled / 1000 : null,
      occupancy: ratio(this.busyMs, this.busyMs + this.readyMs),
    };
  }
}
