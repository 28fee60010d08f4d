// Discrete-event simulation against the routing engine alone (SPEC R6, "fast" mode of issue 4).
// The simulator owns a clock and an event list (a heap ordered by time, then by insertion);
// it feeds the engine the same events the server would (arrivals, accepts, ends, wrap-up ends,
// agent state requests, ticks at the engine's own deadlines) and plays the customers and the
// virtual agents in response to the engine's decisions. Same scenario and seed → same result.
//
// Arrivals: a Poisson process per stream, piecewise constant per interval — exponential gaps,
// restarted at each interval boundary with that interval's rate (exact, by memorylessness).

import { IndexedHeap, RoutingEngine, type Decision, type RoutingEvent } from '../routing/index.ts';
import { exponential, logNormal, mulberry32, type Random } from './prng.ts';
import { IntervalTally, type SimulationResult } from './results.ts';
import { scenarioProblems, type AgentGroup, type ArrivalStream, type Distribution, type Scenario } from './scenario.ts';

type SimAction =
  | { kind: 'arrival'; stream: number }
  | { kind: 'engine'; event: RoutingEvent }
  | { kind: 'abandon'; contactId: string }
  | { kind: 'tick' }
  | { kind: 'shiftStart' | 'shiftEnd'; agentId: string }
  | { kind: 'breakStart' | 'breakEnd'; agentId: string; reason: string };

interface SimEvent {
  at: number;
  seq: number;
  heapIndex: number;
  action: SimAction;
}

interface ContactInfo {
  arrivedAt: number;
  stream: ArrivalStream;
  waiting: boolean;
}

export function sample(r: Random, d: Distribution): number {
  switch (d.kind) {
    case 'exponential':
      return exponential(r, d.meanSeconds);
    case 'logNormal':
      return logNormal(r, d.meanSeconds, d.sdSeconds);
    case 'fixed':
      return d.seconds;
  }
}

export function runSimulation(scenario: Scenario): SimulationResult {
  const problems = scenarioProblems(scenario);
  if (problems.length > 0) throw new Error(`invalid scenario: ${problems.join('; ')}`);
  return new Simulation(scenario).run();
}

class Simulation {
  private readonly engine: RoutingEngine;
  private readonly r: Random;
  private readonly heap = new IndexedHeap<SimEvent>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private seq = 0;
  private now = 0;
  private readonly intervalMs: number;
  private readonly horizonMs: number;
  private readonly tallies: IntervalTally[];
  private readonly contacts = new Map<string, ContactInfo>();
  private readonly agentState = new Map<string, { state: string; since: number }>();
  private readonly answerDelayMs = new Map<string, number>();
  private readonly shiftEnding = new Set<string>();
  private tickAt: number | null = null;
  private events = 0;
  private contactSeq = 0;

  constructor(private readonly s: Scenario) {
    this.engine = new RoutingEngine(s.options);
    this.r = mulberry32(s.seed);
    this.intervalMs = s.intervalSeconds * 1000;
    this.horizonMs = s.intervals * this.intervalMs;
    this.tallies = Array.from({ length: s.intervals }, () => new IntervalTally());
  }

  run(): SimulationResult {
    for (const q of this.s.queues) this.apply({ type: 'queueConfigured', queue: q, now: 0 });
    for (const g of this.s.agents) this.addAgents(g);
    this.s.arrivals.forEach((a, i) => this.scheduleArrival(i, 0));
    for (let e = this.heap.pop(); e !== undefined; e = this.heap.pop()) {
      this.now = e.at;
      this.perform(e.action);
    }
    this.accountStates(this.now);
    const warm = this.s.warmupIntervals ?? 0;
    const summary = new IntervalTally();
    this.tallies.forEach((t, i) => i >= warm && summary.add(t));
    return {
      intervals: this.tallies.map((t, i) => t.result(i, i * this.s.intervalSeconds)),
      summary: summary.result(-1, warm * this.s.intervalSeconds),
      events: this.events,
      unfinished: [...this.contacts.values()].length,
    };
  }

  private at(ms: number, action: SimAction): void {
    this.heap.push({ at: ms, seq: this.seq++, heapIndex: -1, action });
  }

  private addAgents(g: AgentGroup): void {
    for (let i = 1; i <= g.count; i++) {
      const id = `${g.idPrefix}${i}`;
      this.apply({ type: 'agentConfigured', agent: { id, skills: { ...g.skills }, queues: [...g.queues], capacity: g.capacity }, now: 0 });
      this.agentState.set(id, { state: 'offline', since: 0 });
      this.answerDelayMs.set(id, (g.answerDelaySeconds ?? 0) * 1000);
      for (const sh of g.shifts) {
        this.at(sh.startSeconds * 1000, { kind: 'shiftStart', agentId: id });
        this.at(sh.endSeconds * 1000, { kind: 'shiftEnd', agentId: id });
      }
      for (const b of g.breaks ?? []) {
        this.at(b.startSeconds * 1000, { kind: 'breakStart', agentId: id, reason: b.reason });
        this.at((b.startSeconds + b.durationSeconds) * 1000, { kind: 'breakEnd', agentId: id, reason: b.reason });
      }
    }
  }

  /** Next arrival of a stream after `from` (ms), crossing interval boundaries with their rates. */
  private scheduleArrival(stream: number, from: number): void {
    const a = this.s.arrivals[stream] as ArrivalStream;
    let t = from;
    while (t < this.horizonMs) {
      const k = Math.floor(t / this.intervalMs);
      const calls = typeof a.callsPerInterval === 'number' ? a.callsPerInterval : (a.callsPerInterval[k] ?? 0);
      const end = (k + 1) * this.intervalMs;
      if (calls > 0) {
        const next = t + exponential(this.r, this.intervalMs / calls);
        if (next < end) {
          this.at(next, { kind: 'arrival', stream });
          return;
        }
      }
      t = end;
    }
  }

  private perform(action: SimAction): void {
    switch (action.kind) {
      case 'arrival': {
        const stream = this.s.arrivals[action.stream] as ArrivalStream;
        const id = `c${++this.contactSeq}`;
        this.contacts.set(id, { arrivedAt: this.now, stream, waiting: true });
        const k = Math.floor(this.now / this.intervalMs);
        (this.tallies[k] as IntervalTally).offered++;
        if (stream.patience !== undefined) this.at(this.now + sample(this.r, stream.patience) * 1000, { kind: 'abandon', contactId: id });
        this.apply({ type: 'contactArrived', contactId: id, queueId: stream.queueId, priority: stream.priority, skills: stream.skills, now: this.now });
        this.scheduleArrival(action.stream, this.now);
        return;
      }
      case 'engine':
        this.apply({ ...action.event, now: this.now } as RoutingEvent, true);
        return;
      case 'abandon':
        if (this.contacts.get(action.contactId)?.waiting === true) this.apply({ type: 'contactAbandoned', contactId: action.contactId, now: this.now }, true);
        return;
      case 'tick':
        if (this.tickAt === this.now) this.tickAt = null;
        this.apply({ type: 'tick', now: this.now });
        return;
      case 'shiftStart':
        this.shiftEnding.delete(action.agentId);
        this.apply({ type: 'agentStateRequested', agentId: action.agentId, to: 'ready', now: this.now }, true);
        return;
      case 'shiftEnd':
        this.shiftEnding.add(action.agentId);
        if (!this.apply({ type: 'agentStateRequested', agentId: action.agentId, to: 'offline', now: this.now }, true)) {
          this.apply({ type: 'agentStateRequested', agentId: action.agentId, to: 'notReady', reason: 'endOfShift', now: this.now }, true);
        }
        return;
      case 'breakStart':
        if (!this.shiftEnding.has(action.agentId) && this.agentState.get(action.agentId)?.state !== 'offline') {
          this.apply({ type: 'agentStateRequested', agentId: action.agentId, to: 'notReady', reason: action.reason, now: this.now }, true);
        }
        return;
      case 'breakEnd': {
        const v = this.engine.agentView(action.agentId);
        if (v !== null && v.presence === 'notReady' && v.reason === action.reason) this.apply({ type: 'agentStateRequested', agentId: action.agentId, to: 'ready', now: this.now }, true);
        return;
      }
    }
  }

  /** Apply an event and play the decisions; `tolerate` accepts refusals (a stale plan). */
  private apply(event: RoutingEvent, tolerate = false): boolean {
    const res = this.engine.apply(event);
    this.events++;
    for (const d of res.decisions) this.react(d);
    if (!res.ok && !tolerate) throw new Error(`simulation: engine refused ${event.type}: ${res.error.message}`);
    const next = this.engine.nextDeadline();
    if (next !== null && (this.tickAt === null || next < this.tickAt)) {
      this.tickAt = next;
      this.at(next, { kind: 'tick' });
    }
    return res.ok;
  }

  private react(d: Decision): void {
    switch (d.type) {
      case 'offer': {
        const c = this.contacts.get(d.contactId) as ContactInfo;
        c.waiting = false;
        if (d.autoAccept) this.connected(d.contactId, c);
        else this.at(d.at + (this.answerDelayMs.get(d.agentId) ?? 0), { kind: 'engine', event: { type: 'offerAccepted', contactId: d.contactId, agentId: d.agentId, now: 0 } });
        return;
      }
      case 'contactConnected': {
        const c = this.contacts.get(d.contactId) as ContactInfo;
        if (this.s.queues.find((q) => q.id === d.queueId)?.autoAccept !== true) this.connected(d.contactId, c);
        return;
      }
      case 'offerWithdrawn': {
        const c = this.contacts.get(d.contactId);
        if (c !== undefined) c.waiting = true;
        return;
      }
      case 'contactAbandoned': {
        const c = this.contacts.get(d.contactId) as ContactInfo;
        (this.tallies[Math.floor(c.arrivedAt / this.intervalMs)] as IntervalTally).abandoned++;
        this.contacts.delete(d.contactId);
        return;
      }
      case 'wrapUpStarted': {
        const c = this.contacts.get(d.contactId) as ContactInfo;
        if (c.stream.wrapUpTime !== undefined) {
          this.at(d.at + sample(this.r, c.stream.wrapUpTime) * 1000, { kind: 'engine', event: { type: 'wrapUpEnded', contactId: d.contactId, now: 0 } });
        } else this.at(d.at, { kind: 'engine', event: { type: 'wrapUpEnded', contactId: d.contactId, now: 0 } });
        return;
      }
      case 'contactReleased': {
        const k = Math.min(this.tallies.length - 1, Math.floor(d.at / this.intervalMs));
        const t = this.tallies[k] as IntervalTally;
        t.handled++;
        t.handleSum += d.handleMs;
        this.contacts.delete(d.contactId);
        return;
      }
      case 'agentStateChanged': {
        this.accountState(d.agentId, d.at);
        this.agentState.set(d.agentId, { state: d.to, since: d.at });
        if (d.to === 'notReady' && this.shiftEnding.has(d.agentId)) {
          this.at(d.at, { kind: 'engine', event: { type: 'agentStateRequested', agentId: d.agentId, to: 'offline', now: 0 } });
        }
        return;
      }
      default:
        return;
    }
  }

  /** The customer is connected: count the answer and schedule the end of the talk. */
  private connected(contactId: string, c: ContactInfo): void {
    const wait = this.now - c.arrivedAt;
    const t = this.tallies[Math.floor(c.arrivedAt / this.intervalMs)] as IntervalTally;
    t.answered++;
    t.waitSum += wait;
    if (wait <= this.s.serviceLevelSeconds * 1000) t.withinThreshold++;
    this.at(this.now + sample(this.r, c.stream.handleTime) * 1000, { kind: 'engine', event: { type: 'contactEnded', contactId, now: 0 } });
  }

  /** Add the agent's time in its current state, split over the intervals it spans. */
  private accountState(agentId: string, until: number): void {
    const st = this.agentState.get(agentId);
    if (st === undefined) return;
    const busy = st.state === 'onContact' || st.state === 'wrapUp';
    if (!busy && st.state !== 'ready') return;
    let t = st.since;
    while (t < until) {
      const k = Math.floor(t / this.intervalMs);
      if (k >= this.tallies.length) break;
      const end = Math.min(until, (k + 1) * this.intervalMs);
      const tally = this.tallies[k] as IntervalTally;
      if (busy) tally.busyMs += end - t;
      else tally.readyMs += end - t;
      t = end;
    }
  }

  private accountStates(until: number): void {
    for (const id of this.agentState.keys()) this.accountState(id, until);
  }
}
