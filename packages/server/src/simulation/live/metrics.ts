// What the live run measured, in the simulator's own terms: per-interval offered / answered /
// abandoned / service level / ASA / AHT / occupancy (the engine's IntervalTally, so the figures
// mean exactly what `linia simulate` prints), from what the server did as seen by its clients —
// arrival acknowledged, offer and connection and release on the agents' WebSockets, abandon
// accepted. Real time is mapped to simulated time by the run's speed. Also the offer latency:
// arrival request sent → offer frame on the agent's WebSocket, in real milliseconds.
import { IntervalTally, type ArrivalStream, type Scenario, type SimulationResult } from '@linia/engine';

interface Tracked {
  sentAt: number;
  stream: ArrivalStream;
  offered: boolean;
  answered: boolean;
  done: boolean;
}

export interface LatencyFigures {
  count: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

export interface LiveResult extends SimulationResult {
  live: {
    speed: number;
    offerLatency: LatencyFigures;
    /** Requests the server refused (e.g. an abandon that lost the race with an accept). */
    refused: number;
    realSeconds: number;
  };
}

export function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export class LiveMetrics {
  readonly t0 = performance.now();
  private readonly intervalMs: number;
  private readonly tallies: IntervalTally[];
  private readonly contacts = new Map<string, Tracked>();
  private readonly earlyOffers = new Map<string, number>();
  private readonly waiters = new Map<string, Array<(s: ArrivalStream) => void>>();
  private readonly latencies: number[] = [];
  private readonly states = new Map<string, { state: string; since: number }>();
  events = 0;
  refused = 0;

  constructor(
    private readonly scenario: Scenario,
    readonly speed: number,
  ) {
    this.intervalMs = scenario.intervalSeconds * 1000;
    this.tallies = Array.from({ length: scenario.intervals }, () => new IntervalTally());
  }

  /** Simulated ms since the start for a real `performance.now()` instant. */
  sim(real = performance.now()): number {
    return (real - this.t0) * this.speed;
  }

  private tally(simMs: number): IntervalTally {
    return this.tallies[Math.max(0, Math.min(this.tallies.length - 1, Math.floor(simMs / this.intervalMs)))]!;
  }

  /** The server acknowledged an arrival whose request left at `sentAt`. */
  arrived(contactId: string, sentAt: number, stream: ArrivalStream): void {
    const early = this.earlyOffers.get(contactId);
    this.contacts.set(contactId, { sentAt, stream, offered: early !== undefined, answered: false, done: false });
    this.tally(this.sim(sentAt)).offered++;
    if (early !== undefined) {
      this.earlyOffers.delete(contactId);
      this.latencies.push(early - sentAt);
    }
    for (const w of this.waiters.get(contactId) ?? []) w(stream);
    this.waiters.delete(contactId);
  }

  /** The stream a contact came from (its handle time's distribution); waits for the acknowledgement if the offer beat it. */
  streamOf(contactId: string): Promise<ArrivalStream> {
    const c = this.contacts.get(contactId);
    if (c) return Promise.resolve(c.stream);
    return new Promise((resolve) => this.waiters.set(contactId, [...(this.waiters.get(contactId) ?? []), resolve]));
  }

  /** An offer frame reached an agent; the first offer of a contact is its latency. */
  offered(contactId: string, at = performance.now()): void {
    const c = this.contacts.get(contactId);
    if (!c) {
      if (!this.earlyOffers.has(contactId)) this.earlyOffers.set(contactId, at);
      return;
    }
    if (!c.offered) {
      c.offered = true;
      this.latencies.push(at - c.sentAt);
    }
  }

  connected(contactId: string, at = performance.now()): void {
    const c = this.contacts.get(contactId);
    if (!c || c.answered) return;
    c.answered = true;
    const wait = (at - c.sentAt) * this.speed;
    const t = this.tally(this.sim(c.sentAt));
    t.answered++;
    t.waitSum += wait;
    if (wait <= this.scenario.serviceLevelSeconds * 1000) t.withinThreshold++;
  }

  abandoned(contactId: string): void {
    const c = this.contacts.get(contactId);
    if (!c || c.done) return;
    c.done = true;
    this.tally(this.sim(c.sentAt)).abandoned++;
  }

  released(contactId: string, handleMs: number, at = performance.now()): void {
    const c = this.contacts.get(contactId);
    if (c) c.done = true;
    const t = this.tally(this.sim(at));
    t.handled++;
    t.handleSum += handleMs * this.speed;
  }

  isOpen(contactId: string): boolean {
    const c = this.contacts.get(contactId);
    return c !== undefined && !c.done;
  }

  /** Contacts acknowledged and neither answered nor finished: the customers still waiting. */
  waiting(): string[] {
    return [...this.contacts].filter(([, c]) => !c.done && !c.answered).map(([id]) => id);
  }

  isAnswered(contactId: string): boolean {
    return this.contacts.get(contactId)?.answered === true;
  }

  open(): number {
    let n = 0;
    for (const c of this.contacts.values()) if (!c.done) n++;
    return n;
  }

  /** An agent's state changed (ready / notReady / onContact / wrapUp / offline): its time goes to busy or ready. */
  agentState(agentId: string, to: string, at = performance.now()): void {
    this.account(agentId, at);
    this.states.set(agentId, { state: to, since: at });
  }

  private account(agentId: string, until: number): void {
    const st = this.states.get(agentId);
    if (!st) return;
    const busy = st.state === 'onContact' || st.state === 'wrapUp';
    if (!busy && st.state !== 'ready') return;
    let t = this.sim(st.since);
    const end = this.sim(until);
    while (t < end) {
      const k = Math.floor(t / this.intervalMs);
      if (k >= this.tallies.length) break;
      const stop = Math.min(end, (k + 1) * this.intervalMs);
      const tally = this.tallies[k]!;
      if (busy) tally.busyMs += stop - t;
      else tally.readyMs += stop - t;
      t = stop;
    }
  }

  result(): LiveResult {
    const now = performance.now();
    for (const id of this.states.keys()) {
      this.account(id, now);
      this.states.set(id, { state: this.states.get(id)!.state, since: now });
    }
    const warm = this.scenario.warmupIntervals ?? 0;
    const summary = new IntervalTally();
    this.tallies.forEach((t, i) => i >= warm && summary.add(t));
    return {
      intervals: this.tallies.map((t, i) => t.result(i, i * this.scenario.intervalSeconds)),
      summary: summary.result(-1, warm * this.scenario.intervalSeconds),
      events: this.events,
      unfinished: this.open(),
      live: {
        speed: this.speed,
        offerLatency: { count: this.latencies.length, p50Ms: round(quantile(this.latencies, 0.5)), p99Ms: round(quantile(this.latencies, 0.99)) },
        refused: this.refused,
        realSeconds: Math.round(now - this.t0) / 1000,
      },
    };
  }
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
