// The ACD routing engine (SPEC R1–R4): a deterministic state machine. `apply(event)` takes one
// event with its time and returns the decisions it caused; nothing else changes the state, and
// the same events always give the same decisions (ties are broken by id and arrival order).
//
// This class is the public face; the work is done by modules named after what they handle:
//   contactEvents.ts  arrival, accept, withdraw, abandon, end, wrap-up, release
//   agentEvents.ts    presence requests (ready / not ready / offline, force)
//   configEvents.ts   queues and agents created, changed, removed
//   dueTimers.ts      offer timeouts, forced wrap-up end, sticky end, overflow — at their time
//   matching.ts       push (a contact looks for an agent) and pull (an agent looks for a contact)
//   overflow.ts, waitingList.ts, availability.ts   the bookkeeping those share
//   rebuild.ts        indexes and pairing after a restore;  state.ts  the shared state
// See docs/ROUTING.md for the model and the invariant that keeps matching correct and fast.

import { allowedTransitions, type Presence } from './agentStates.ts';
import { agentStateRequested } from './agentEvents.ts';
import { configureAgent, configureQueue, removeAgent, removeQueue } from './configEvents.ts';
import { acceptOffer, contactAbandoned, contactArrived, contactEnded, withdrawOffer, wrapUpEnded } from './contactEvents.ts';
import type { RoutingResult } from './decisions.ts';
import { fireTimers, nextDeadline } from './dueTimers.ts';
import type { RoutingEvent } from './events.ts';
import type { Agent, Contact, Queue } from './model.ts';
import { restoreIndexes, settle } from './rebuild.ts';
import { agentSnapshotOf, contactSnapshotOf, restoreInto, takeSnapshot, type AgentSnapshot, type ContactSnapshot, type RoutingSnapshot } from './snapshot.ts';
import { Refusal, RoutingState } from './state.ts';
import type { RoutingOptions } from './types.ts';
import { agentView, contactView, queueView, waitingInfo, type AgentView, type ContactView, type QueueView, type WaitingInfo } from './views.ts';
import { positionOf } from './waitingList.ts';

export class RoutingEngine {
  private readonly s: RoutingState;

  constructor(options: Partial<RoutingOptions> = {}) {
    this.s = new RoutingState(options);
  }

  get options(): RoutingOptions {
    return this.s.options;
  }

  /** @internal */
  get queues(): Map<string, Queue> {
    return this.s.queues;
  }

  /** @internal */
  get agents(): Map<string, Agent> {
    return this.s.agents;
  }

  /** @internal */
  get contacts(): Map<string, Contact> {
    return this.s.contacts;
  }

  /** @internal */
  get seq(): number {
    return this.s.seq;
  }

  set seq(n: number) {
    this.s.seq = n;
  }

  /** Time of the last event (or fired timer). */
  get now(): number {
    return this.s.now;
  }

  set now(t: number) {
    this.s.now = t;
  }

  /** @internal set by restore: the next event first pairs whatever can be paired. */
  get unsettled(): boolean {
    return this.s.unsettled;
  }

  set unsettled(b: boolean) {
    this.s.unsettled = b;
  }

  /** Apply one event. Due timers fire first (their decisions are returned even if the event is refused). */
  apply(event: RoutingEvent): RoutingResult {
    const s = this.s;
    s.out = [];
    if (event.now < s.now) {
      return { ok: false, error: { code: 'timeWentBack', message: `event at ${event.now} is before ${s.now}` }, decisions: [] };
    }
    if (s.unsettled) {
      // Pair at the snapshot's own time, before later timers fire.
      s.unsettled = false;
      if (!Number.isFinite(s.now)) s.now = event.now;
      settle(s);
    }
    fireTimers(s, event.now);
    s.now = event.now;
    try {
      handle(s, event);
      return { ok: true, decisions: s.out };
    } catch (e) {
      if (e instanceof Refusal) return { ok: false, error: e.error, decisions: s.out };
      throw e;
    }
  }

  /** When the engine next needs a `tick` (the earliest pending deadline), or null. */
  nextDeadline(): number | null {
    return nextDeadline(this.s);
  }

  /** The whole state as plain JSON (persist it; `RoutingEngine.restore` rebuilds the engine). */
  snapshot(): RoutingSnapshot {
    return takeSnapshot(this.s);
  }

  /** One agent's part of `snapshot()`. */
  agentSnapshot(agentId: string): AgentSnapshot | null {
    const a = this.s.agents.get(agentId);
    return a === undefined ? null : agentSnapshotOf(a);
  }

  /** One contact's part of `snapshot()` (null once released): what the server stores per contact. */
  contactSnapshot(contactId: string): ContactSnapshot | null {
    const c = this.s.contacts.get(contactId);
    return c === undefined ? null : contactSnapshotOf(c);
  }

  /**
   * An engine in the state of the snapshot. If the snapshot was assembled from the database and
   * leaves pairs unmatched, the next event (a `tick` will do) makes those offers first.
   */
  static restore(snapshot: RoutingSnapshot): RoutingEngine {
    const engine = new RoutingEngine(snapshot.options);
    restoreInto(engine.s, snapshot);
    return engine;
  }

  agentView(agentId: string): AgentView | null {
    return agentView(this.s, agentId);
  }

  contactView(contactId: string): ContactView | null {
    return contactView(this.s, contactId);
  }

  /** Position and EWT for the customer's widget. */
  waitingInfo(contactId: string, now: number): WaitingInfo | null {
    return waitingInfo(this.s, contactId, now);
  }

  queueView(queueId: string, now: number): QueueView | null {
    return queueView(this.s, queueId, now);
  }

  /** What the agent may ask for now (the server's 409 lists these). */
  allowedTransitions(agentId: string): readonly Presence[] | null {
    const a = this.s.agents.get(agentId);
    return a === undefined ? null : allowedTransitions(a.state);
  }

  /** 1 + contacts of the same queue ahead (same aging rate, so the order is fixed). O(log n). */
  positionOf(c: Contact, q: Queue): number {
    return positionOf(c, q);
  }

  /** @internal rebuild indexes of restored objects. */
  restoreIndexes(): void {
    restoreIndexes(this.s);
  }
}

/** One event to the module that handles it. */
function handle(s: RoutingState, e: RoutingEvent): void {
  switch (e.type) {
    case 'contactArrived':
      return contactArrived(s, e);
    case 'agentStateRequested':
      return agentStateRequested(s, e.agentId, e.to, e.reason, e.force === true);
    case 'offerAccepted':
      return acceptOffer(s, e.contactId, e.agentId);
    case 'offerDeclined':
      return withdrawOffer(s, s.offeredTo(e.contactId, e.agentId), 'declined');
    case 'offerTimedOut':
      return withdrawOffer(s, s.offeredTo(e.contactId, e.agentId), 'timeout');
    case 'contactEnded':
      return contactEnded(s, e.contactId);
    case 'contactAbandoned':
      return contactAbandoned(s, e.contactId);
    case 'wrapUpEnded':
      return wrapUpEnded(s, e.contactId);
    case 'tick':
      return;
    case 'queueConfigured':
      return configureQueue(s, e.queue);
    case 'queueRemoved':
      return removeQueue(s, e.queueId);
    case 'agentConfigured':
      return configureAgent(s, e.agent);
    case 'agentSkillsChanged':
      return configureAgent(s, { ...s.agent(e.agentId).config, skills: { ...e.skills } });
    case 'agentQueuesChanged':
      return configureAgent(s, { ...s.agent(e.agentId).config, queues: [...e.queueIds] });
    case 'agentRemoved':
      return removeAgent(s, e.agentId);
  }
}
