// Simulated time on the wall clock: work scheduled at a simulated instant runs at
// start + instant / speed. Every timer is kept so a stopped run leaves nothing behind.

export class SimScheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    /** performance.now() of simulated time 0. */
    readonly t0: number,
    readonly speed: number,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Simulated ms now. */
  now(): number {
    return (performance.now() - this.t0) * this.speed;
  }

  /** Runs `work` at simulated instant `simMs` (at once if that has passed). */
  at(simMs: number, work: () => unknown): void {
    this.after(simMs - this.now(), work);
  }

  /** Runs `work` after `simMs` of simulated time. */
  after(simMs: number, work: () => unknown): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (this.stopped) return;
      try {
        const r = work();
        if (r instanceof Promise) r.catch(this.onError);
      } catch (e) {
        this.onError(e);
      }
    }, Math.max(0, simMs / this.speed));
    this.timers.add(t);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
