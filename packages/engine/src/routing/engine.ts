// The ACD routing engine (SPEC R1–R4): a deterministic state machine. `apply(event)` takes one
// event with its time and returns the decisions it caused; nothing else changes the state, and
// the same events always give the same decisions (ties are broken by id and arrival order).
//
// The matching rule that keeps it correct and fast: after every event there is no waiting
// contact and available agent that could be paired. Whenever a contact starts waiting (or its
// requirements widen) it looks for an agent among its queue's available members ("push"); whenever
// an agent gains a free slot it looks for the best contact at the top of its queues' heaps
// ("pull"). Neither scans all agents or all contacts. Offers reserve a slot and a contact can be
// offered only from "waiting", so a contact is never offered to two agents and no agent is
// offered more than it can take.

import { NO_ANSWER, allowedTransitions, derivedState, isAllowedTransition, type AgentState, type NotReadyReason, type Presence } from './agentStates.ts';
import { addLoad, capacityOf, emptyLoad, fits } from './capacity.ts';
import type { Decision, RoutingError, RoutingResult, WithdrawReason } from './decisions.ts';
import type { ContactArrived, RoutingEvent } from './events.ts';
import { expectedWaitMs, smoothedAht } from './ewt.ts';
import { IndexedHeap } from './heap.ts';
import type { Agent, Contact, ContactGroup, Queue } from './model.ts';
import { rankKey, rankedBefore, scoreAt } from './priority.ts';
import { meetsRequirements, requirementsAt, signature } from './requirements.ts';
import { createQueue, setQueueConfig } from './queueState.ts';
import { strategyComparer } from './strategies.ts';
import { TimerQueue, type Timer } from './timers.ts';
import { DEFAULT_OPTIONS, type AgentConfig, type QueueConfig, type RoutingOptions } from './types.ts';
import { validateAgent, validateQueue } from './validate.ts';
import { restoreInto, takeSnapshot, type RoutingSnapshot } from './snapshot.ts';
import { agentView, contactView, queueView, waitingInfo, type AgentView, type ContactView, type QueueView, type WaitingInfo } from './views.ts';

/** Refused event: thrown inside a handler before it changes anything, returned as a RoutingError. */
class Refusal extends Error {
  constructor(readonly error: RoutingError) {
    super(error.message);
  }
}

function refuse(code: Exclude<RoutingError['code'], 'illegalTransition'>, message: string): never {
  throw new Refusal({ code, message });
}

/** At most this many overflow steps per contact per event (guards A→B→A rules with 0 s). */
const MAX_OVERFLOW_STEPS = 16;

export class RoutingEngine {
  readonly options: RoutingOptions;
  /** @internal state shared with snapshot.ts */
  readonly queues = new Map<string, Queue>();
  /** @internal */
  readonly agents = new Map<string, Agent>();
  /** @internal */
  readonly contacts = new Map<string, Contact>();
  /** @internal */
  seq = 0;
  /** Time of the last event (or fired timer). */
  now = -Infinity;
  /** @internal set by restore: the next event first pairs whatever can be paired. */
  unsettled = false;
  private readonly timers = new TimerQueue();
  private readonly exclusive: Set<string>;
  private out: Decision[] = [];

  constructor(options: Partial<RoutingOptions> = {}) {
    this.options = {
      defaultCapacity: { ...(options.defaultCapacity ?? DEFAULT_OPTIONS.defaultCapacity) },
      exclusiveChannels: [...(options.exclusiveChannels ?? DEFAULT_OPTIONS.exclusiveChannels)],
    };
    this.exclusive = new Set(this.options.exclusiveChannels);
  }

  // ───────────────────────────── public entry point ─────────────────────────────

  /** Apply one event. Due timers fire first (their decisions are returned even if the event is refused). */
  apply(event: RoutingEvent): RoutingResult {
    this.out = [];
    if (event.now < this.now) {
      return { ok: false, error: { code: 'timeWentBack', message: `event at ${event.now} is before ${this.now}` }, decisions: [] };
    }
    if (this.unsettled) {
      // Pair at the snapshot's own time, before later timers fire.
      this.unsettled = false;
      if (!Number.isFinite(this.now)) this.now = event.now;
      this.settle();
    }
    this.fireTimers(event.now);
    this.now = event.now;
    try {
      this.handle(event);
      return { ok: true, decisions: this.out };
    } catch (e) {
      if (e instanceof Refusal) return { ok: false, error: e.error, decisions: this.out };
      throw e;
    }
  }

  /** When the engine next needs a `tick` (the earliest pending deadline), or null. */
  nextDeadline(): number | null {
    for (;;) {
      const t = this.timers.peek();
      if (t === undefined) return null;
      if (this.timerValid(t)) return t.at;
      this.timers.pop();
    }
  }

  /** The whole state as plain JSON (persist it; `RoutingEngine.restore` rebuilds the engine). */
  snapshot(): RoutingSnapshot {
    return takeSnapshot(this);
  }

  /**
   * An engine in the state of the snapshot. If the snapshot was assembled from the database and
   * leaves pairs unmatched, the next event (a `tick` will do) makes those offers first.
   */
  static restore(snapshot: RoutingSnapshot): RoutingEngine {
    const engine = new RoutingEngine(snapshot.options);
    restoreInto(engine, snapshot);
    return engine;
  }

  agentView(agentId: string): AgentView | null {
    return agentView(this, agentId);
  }

  contactView(contactId: string): ContactView | null {
    return contactView(this, contactId);
  }

  /** Position and EWT for the customer's widget. */
  waitingInfo(contactId: string, now: number): WaitingInfo | null {
    return waitingInfo(this, contactId, now);
  }

  queueView(queueId: string, now: number): QueueView | null {
    return queueView(this, queueId, now);
  }

  /** What the agent may ask for now (the server's 409 lists these). */
  allowedTransitions(agentId: string): readonly Presence[] | null {
    const a = this.agents.get(agentId);
    return a === undefined ? null : allowedTransitions(a.state);
  }

  // ───────────────────────────── events ─────────────────────────────

  private handle(e: RoutingEvent): void {
    switch (e.type) {
      case 'contactArrived':
        return this.contactArrived(e);
      case 'agentStateRequested':
        return this.agentStateRequested(e.agentId, e.to, e.reason, e.force === true);
      case 'offerAccepted': {
        const c = this.offeredTo(e.contactId, e.agentId);
        c.status = 'connected';
        c.connectedAt = this.now;
        c.offerDeadline = null;
        this.emit({ type: 'contactConnected', contactId: c.id, agentId: e.agentId, queueId: c.queueId });
        return;
      }
      case 'offerDeclined':
        return this.withdrawOffer(this.offeredTo(e.contactId, e.agentId), 'declined');
      case 'offerTimedOut':
        return this.withdrawOffer(this.offeredTo(e.contactId, e.agentId), 'timeout');
      case 'contactEnded': {
        const c = this.contact(e.contactId);
        if (c.status === 'waiting' || c.status === 'offered') return this.abandon(c);
        if (c.status === 'wrapUp') refuse('notConnected', `contact ${c.id} has already ended`);
        return this.endConnected(c);
      }
      case 'contactAbandoned': {
        const c = this.contact(e.contactId);
        if (c.status !== 'waiting' && c.status !== 'offered') refuse('alreadyConnected', `contact ${c.id} is ${c.status}`);
        return this.abandon(c);
      }
      case 'wrapUpEnded': {
        const c = this.contact(e.contactId);
        if (c.status !== 'wrapUp') refuse('notInWrapUp', `contact ${c.id} is ${c.status}`);
        return this.release(c, false);
      }
      case 'tick':
        return;
      case 'queueConfigured':
        return this.configureQueue(e.queue);
      case 'queueRemoved':
        return this.removeQueue(e.queueId);
      case 'agentConfigured':
        return this.configureAgent(e.agent);
      case 'agentSkillsChanged': {
        const a = this.agent(e.agentId);
        return this.configureAgent({ ...a.config, skills: { ...e.skills } });
      }
      case 'agentQueuesChanged': {
        const a = this.agent(e.agentId);
        return this.configureAgent({ ...a.config, queues: [...e.queueIds] });
      }
      case 'agentRemoved':
        return this.removeAgent(e.agentId);
    }
  }

  private contactArrived(e: ContactArrived): void {
    const q = this.queue(e.queueId);
    if (this.contacts.has(e.contactId)) refuse('duplicateContact', `contact ${e.contactId} is already routed`);
    for (const r of e.skills ?? []) if (!(r.min >= 1 && r.min <= 5)) refuse('invalid', `skill ${r.skill}: minimum must be 1…5`);
    const c: Contact = {
      id: e.contactId,
      queueId: q.config.id,
      channel: q.config.channel,
      priority: e.priority ?? 0,
      extraSkills: (e.skills ?? []).map((r) => ({ ...r })),
      arrivedAt: this.now,
      queueEnteredAt: this.now,
      overflowStage: 0,
      seq: ++this.seq,
      status: 'waiting',
      agentId: null,
      offerDeadline: null,
      connectedAt: null,
      wrapUpDeadline: null,
      nextOverflowAt: null,
      declinedBy: [],
      lastAgentId: e.lastAgentId ?? null,
      stickyUntil: null,
      requirements: [],
      signature: '',
      rankKey: 0,
      group: null,
      heapIndex: -1,
    };
    this.contacts.set(c.id, c);
    this.derive(c, q);
    this.scheduleOverflow(c);
    const last = c.lastAgentId === null ? undefined : this.agents.get(c.lastAgentId);
    const stickyMs = (q.config.stickySeconds ?? 0) * 1000;
    if (q.config.strategy === 'stickyLastAgent' && last !== undefined && stickyMs > 0 && this.couldServe(last, q, c) && last.presence !== 'offline') {
      if (q.available.has(last)) return this.offer(c, last);
      c.stickyUntil = this.now + stickyMs;
      q.waiting.add(c);
      last.sticky.push(c);
      this.timers.schedule(c.stickyUntil, 'sticky', c.id, c.seq);
      this.emitQueued(c, q);
      return;
    }
    this.enqueue(c, q);
    if (c.nextOverflowAt !== null && c.nextOverflowAt <= this.now) return this.overflow(c);
    this.route(c, true);
  }

  private agentStateRequested(agentId: string, to: Presence, reason: NotReadyReason | undefined, force: boolean): void {
    const a = this.agent(agentId);
    if (!isAllowedTransition(a.state, to, force) || (to === 'notReady' && a.state === 'notReady' && reason === a.reason)) {
      const allowed = allowedTransitions(a.state);
      throw new Refusal({
        code: 'illegalTransition',
        agentId,
        from: a.state,
        to,
        allowed,
        message: `agent ${agentId} is ${a.state}; allowed: ${allowed.join(', ')}`,
      });
    }
    if (to === 'notReady' && (reason === undefined || reason === '')) refuse('invalid', 'not ready needs a reason code');
    if (to === 'offline') {
      // Leave first, so withdrawn offers are not offered straight back.
      this.setPresence(a, 'offline', null);
      this.refreshAvailability(a);
    }
    // Ending wrap-up early, or leaving by force: finish what blocks the new state.
    for (const id of [...a.contacts]) {
      const c = this.contacts.get(id) as Contact;
      if (c.status === 'wrapUp' && (a.state === 'wrapUp' || to === 'offline')) this.release(c, false, false);
      else if (c.status === 'offered' && to === 'offline') this.withdrawOffer(c, 'agentOffline', false);
    }
    this.setPresence(a, to, to === 'notReady' ? (reason as string) : null);
    if (to === 'offline') this.releaseSticky(a);
    this.afterAgentChange(a);
  }

  // ───────────────────────────── matching ─────────────────────────────

  /** Push: offer a waiting contact to the best available agent of its queue, if any. */
  private route(c: Contact, announce: boolean): boolean {
    const q = this.queues.get(c.queueId) as Queue;
    let best: Agent | undefined;
    if (q.available.size > 0) {
      const better = strategyComparer(q.config.strategy, q, c, this.options);
      for (const a of q.available) {
        if (!meetsRequirements(a.config.skills, c.requirements) || c.declinedBy.includes(a.config.id)) continue;
        if (best === undefined) best = a;
        else {
          const d = better(a, best);
          if (d < 0 || (d === 0 && a.config.id < best.config.id)) best = a;
        }
      }
    }
    if (best !== undefined) {
      this.offer(c, best);
      return true;
    }
    if (announce) this.emitQueued(c, q);
    return false;
  }

  /** Pull: while the agent has a free slot, take the highest-scoring contact it can serve. */
  private pull(a: Agent): void {
    while (a.presence === 'ready') {
      let best: Contact | undefined;
      let bestScore = -Infinity;
      for (const c of a.sticky) {
        const q = this.queues.get(c.queueId) as Queue;
        if (!q.available.has(a)) continue;
        const s = scoreAt(c.rankKey, q.ratePerMs, this.now);
        if (best === undefined || s > bestScore || (s === bestScore && c.seq < best.seq)) {
          best = c;
          bestScore = s;
        }
      }
      for (const q of a.memberOf) {
        if (q.waiting.size === 0 || !q.available.has(a)) continue;
        for (const g of q.groups.values()) {
          if (g.heap.size === 0 || !meetsRequirements(a.config.skills, g.requirements)) continue;
          const c = this.topFor(g, a);
          if (c === undefined) continue;
          const s = scoreAt(c.rankKey, q.ratePerMs, this.now);
          if (best === undefined || s > bestScore || (s === bestScore && c.seq < best.seq)) {
            best = c;
            bestScore = s;
          }
        }
      }
      if (best === undefined) return;
      this.offer(best, a);
    }
  }

  /** The group's best contact that the agent has not declined (declines are rare: scan only then). */
  private topFor(g: ContactGroup, a: Agent): Contact | undefined {
    const top = g.heap.peek() as Contact;
    if (top.declinedBy.length === 0 || !top.declinedBy.includes(a.config.id)) return top;
    let best: Contact | undefined;
    for (const c of g.heap.values()) {
      if (c.declinedBy.includes(a.config.id)) continue;
      if (best === undefined || rankedBefore(c, best)) best = c;
    }
    return best;
  }

  private offer(c: Contact, a: Agent): void {
    const q = this.queues.get(c.queueId) as Queue;
    this.dequeue(c, q);
    c.status = 'offered';
    c.agentId = a.config.id;
    addLoad(a.load, c.channel, this.exclusive.has(c.channel), 1);
    a.engaged++;
    a.contacts.add(c.id);
    a.lastActivityAt = this.now;
    a.lastTurn.set(q.config.id, ++q.turn);
    const auto = q.config.autoAccept === true;
    c.offerDeadline = auto ? null : this.now + q.config.offerTimeoutSeconds * 1000;
    this.emit({ type: 'offer', contactId: c.id, agentId: a.config.id, queueId: q.config.id, deadline: c.offerDeadline, autoAccept: auto, waitedMs: this.now - c.arrivedAt });
    if (auto) {
      c.status = 'connected';
      c.connectedAt = this.now;
      this.emit({ type: 'contactConnected', contactId: c.id, agentId: a.config.id, queueId: q.config.id });
    } else {
      this.timers.schedule(c.offerDeadline as number, 'offer', c.id, c.seq);
    }
    this.refreshAvailability(a);
    this.syncState(a);
  }

  private withdrawOffer(c: Contact, reason: WithdrawReason, rematch = true): void {
    const a = this.agents.get(c.agentId as string) as Agent;
    this.emit({ type: 'offerWithdrawn', contactId: c.id, agentId: a.config.id, reason });
    this.unhold(c, a);
    c.status = 'waiting';
    c.agentId = null;
    c.offerDeadline = null;
    if (reason === 'declined') c.declinedBy.push(a.config.id);
    if (reason === 'timeout' && a.presence === 'ready') this.setPresence(a, 'notReady', NO_ANSWER);
    const q = this.queues.get(c.queueId) as Queue;
    this.enqueue(c, q);
    this.refreshAvailability(a);
    this.syncState(a);
    if (c.nextOverflowAt !== null && c.nextOverflowAt <= this.now) this.overflow(c);
    else this.route(c, true);
    if (rematch) this.pull(a);
  }

  private abandon(c: Contact): void {
    const q = this.queues.get(c.queueId) as Queue;
    if (c.status === 'offered') {
      const a = this.agents.get(c.agentId as string) as Agent;
      this.emit({ type: 'offerWithdrawn', contactId: c.id, agentId: a.config.id, reason: 'abandoned' });
      this.unhold(c, a);
      this.contacts.delete(c.id);
      this.emit({ type: 'contactAbandoned', contactId: c.id, queueId: q.config.id, waitedMs: this.now - c.arrivedAt });
      this.afterAgentChange(a);
      return;
    }
    this.dequeue(c, q);
    this.contacts.delete(c.id);
    this.emit({ type: 'contactAbandoned', contactId: c.id, queueId: q.config.id, waitedMs: this.now - c.arrivedAt });
  }

  private endConnected(c: Contact): void {
    const q = this.queues.get(c.queueId) as Queue;
    const a = this.agents.get(c.agentId as string) as Agent;
    if (q.config.wrapUpSeconds <= 0) return this.release(c, false);
    c.status = 'wrapUp';
    c.wrapUpDeadline = this.now + q.config.wrapUpSeconds * 1000;
    a.engaged--;
    a.inWrapUp++;
    this.timers.schedule(c.wrapUpDeadline, 'wrapUp', c.id, c.seq);
    this.emit({ type: 'wrapUpStarted', contactId: c.id, agentId: a.config.id, deadline: c.wrapUpDeadline });
    this.syncState(a);
  }

  /** The contact is done with: free the agent's slot, learn its handle time, forget it. */
  private release(c: Contact, forced: boolean, rematch = true): void {
    const a = this.agents.get(c.agentId as string) as Agent;
    const q = this.queues.get(c.queueId);
    if (c.status === 'wrapUp') this.emit({ type: 'wrapUpEnded', contactId: c.id, agentId: a.config.id, forced });
    const handleMs = this.now - (c.connectedAt ?? this.now);
    if (q !== undefined) q.ahtMs = smoothedAht(q.ahtMs, handleMs);
    this.unhold(c, a);
    this.contacts.delete(c.id);
    a.lastActivityAt = this.now;
    this.emit({ type: 'contactReleased', contactId: c.id, agentId: a.config.id, queueId: c.queueId, handleMs });
    if (rematch) this.afterAgentChange(a);
  }

  /** Take a contact off its agent (load, counters); the caller decides where it goes. */
  private unhold(c: Contact, a: Agent): void {
    addLoad(a.load, c.channel, this.exclusive.has(c.channel), -1);
    if (c.status === 'wrapUp') a.inWrapUp--;
    else a.engaged--;
    a.contacts.delete(c.id);
  }

  private afterAgentChange(a: Agent): void {
    this.refreshAvailability(a);
    this.syncState(a);
    this.pull(a);
  }

  // ───────────────────────────── overflow, sticky, timers ─────────────────────────────

  private scheduleOverflow(c: Contact): void {
    const q = this.queues.get(c.queueId) as Queue;
    const rule = q.rules[c.overflowStage];
    c.nextOverflowAt = rule === undefined ? null : c.queueEnteredAt + rule.afterSeconds * 1000;
    if (c.nextOverflowAt !== null && c.nextOverflowAt > this.now) this.timers.schedule(c.nextOverflowAt, 'overflow', c.id, c.seq);
  }

  /** Apply every overflow rule that is due, then look for an agent. Waiting contacts only. */
  private overflow(c: Contact): void {
    for (let step = 0; step < MAX_OVERFLOW_STEPS && c.nextOverflowAt !== null && c.nextOverflowAt <= this.now; step++) {
      const from = this.queues.get(c.queueId) as Queue;
      const rule = from.rules[c.overflowStage];
      if (rule === undefined) break;
      if (c.stickyUntil !== null) this.unreserve(c);
      this.dequeue(c, from);
      let to = from;
      if (rule.action.kind === 'moveToQueue' && this.queues.has(rule.action.queueId)) {
        to = this.queues.get(rule.action.queueId) as Queue;
        c.queueId = to.config.id;
        c.channel = to.config.channel;
        c.queueEnteredAt = this.now;
        c.overflowStage = 0;
      } else {
        c.overflowStage++;
      }
      this.derive(c, to);
      this.enqueue(c, to);
      this.emit({ type: 'overflowApplied', contactId: c.id, fromQueueId: from.config.id, toQueueId: to.config.id, action: rule.action, requirements: c.requirements.map((r) => ({ ...r })) });
      const next = to.rules[c.overflowStage];
      c.nextOverflowAt = next === undefined ? null : c.queueEnteredAt + next.afterSeconds * 1000;
    }
    if (c.nextOverflowAt !== null && c.nextOverflowAt > this.now) this.timers.schedule(c.nextOverflowAt, 'overflow', c.id, c.seq);
    this.route(c, true);
  }

  private fireTimers(until: number): void {
    for (let t = this.timers.peek(); t !== undefined && t.at <= until; t = this.timers.peek()) {
      this.timers.pop();
      if (!this.timerValid(t)) continue;
      this.now = Math.max(this.now, t.at);
      const c = this.contacts.get(t.contactId) as Contact;
      switch (t.kind) {
        case 'offer':
          this.withdrawOffer(c, 'timeout');
          break;
        case 'wrapUp':
          this.release(c, true);
          break;
        case 'sticky':
          this.unreserve(c);
          this.route(c, false);
          break;
        case 'overflow':
          this.overflow(c);
          break;
      }
    }
  }

  private timerValid(t: Timer): boolean {
    const c = this.contacts.get(t.contactId);
    if (c === undefined) return false;
    switch (t.kind) {
      case 'offer':
        return c.status === 'offered' && c.offerDeadline === t.at;
      case 'wrapUp':
        return c.status === 'wrapUp' && c.wrapUpDeadline === t.at;
      case 'sticky':
        return c.status === 'waiting' && c.stickyUntil === t.at;
      case 'overflow':
        return c.status === 'waiting' && c.nextOverflowAt === t.at;
    }
  }

  /** End a sticky reservation: the contact joins its queue's heap for everybody. */
  private unreserve(c: Contact): void {
    const a = this.agents.get(c.lastAgentId as string);
    if (a !== undefined) {
      const i = a.sticky.indexOf(c);
      if (i >= 0) a.sticky.splice(i, 1);
    }
    c.stickyUntil = null;
    const q = this.queues.get(c.queueId) as Queue;
    q.waiting.delete(c);
    this.enqueue(c, q);
  }

  private releaseSticky(a: Agent): void {
    for (const c of [...a.sticky]) {
      this.unreserve(c);
      this.route(c, false);
    }
  }

  // ───────────────────────────── configuration ─────────────────────────────

  private configureQueue(config: QueueConfig): void {
    const problem = validateQueue(config);
    if (problem !== null) refuse('invalid', problem);
    const cfg = structuredClone(config);
    let q = this.queues.get(cfg.id);
    if (q === undefined) {
      q = createQueue(cfg, (cfg.expectedHandleSeconds ?? 180) * 1000, 0);
      this.queues.set(cfg.id, q);
      for (const a of this.agents.values()) if (a.config.queues.includes(cfg.id)) this.join(a, q);
      return;
    }
    // Take the waiting contacts out under the old order, then re-file them under the new rules.
    const waiting = [...q.waiting];
    for (const c of waiting) this.dequeue(c, q);
    setQueueConfig(q, cfg);
    q.staffedSlots = 0;
    for (const a of q.members) {
      if (a.presence === 'ready') q.staffedSlots += capacityOf(a.config.capacity, this.options, cfg.channel);
      this.refreshAvailability(a);
    }
    for (const c of waiting) {
      c.channel = cfg.channel;
      c.overflowStage = Math.min(c.overflowStage, cfg.overflow.length);
      this.derive(c, q);
    }
    // (A sticky reservation ends here: the queue's rules changed under it.)
    for (const c of waiting) {
      this.enqueue(c, q);
      this.scheduleOverflow(c);
    }
    waiting.sort((x, y) => (rankedBefore(x, y) ? -1 : 1));
    for (const c of waiting) {
      if (c.status !== 'waiting') continue;
      if (c.nextOverflowAt !== null && c.nextOverflowAt <= this.now) this.overflow(c);
      else this.route(c, false);
    }
  }

  private removeQueue(queueId: string): void {
    const q = this.queue(queueId);
    for (const c of this.contacts.values()) if (c.queueId === queueId) refuse('queueInUse', `queue ${queueId} still has contacts`);
    for (const a of q.members) {
      a.lastTurn.delete(queueId);
      a.memberOf.splice(a.memberOf.indexOf(q), 1);
    }
    this.queues.delete(queueId);
  }

  private configureAgent(config: AgentConfig): void {
    const problem = validateAgent(config);
    if (problem !== null) refuse('invalid', problem);
    const cfg = structuredClone(config);
    const a = this.agents.get(cfg.id);
    if (a === undefined) {
      const fresh: Agent = {
        config: cfg,
        presence: 'offline',
        reason: null,
        state: 'offline',
        shownReason: null,
        stateSince: this.now,
        lastActivityAt: this.now,
        load: emptyLoad(),
        engaged: 0,
        inWrapUp: 0,
        contacts: new Set(),
        lastTurn: new Map(),
        sticky: [],
        memberOf: [],
      };
      this.agents.set(cfg.id, fresh);
      for (const qid of cfg.queues) {
        const q = this.queues.get(qid);
        if (q !== undefined) this.join(fresh, q);
      }
      return;
    }
    for (const q of [...a.memberOf]) this.leave(a, q);
    a.config = cfg;
    for (const qid of cfg.queues) {
      const q = this.queues.get(qid);
      if (q !== undefined) this.join(a, q);
    }
    this.afterAgentChange(a);
  }

  private removeAgent(agentId: string): void {
    const a = this.agent(agentId);
    if (a.contacts.size > 0) refuse('agentBusy', `agent ${agentId} still holds contacts`);
    for (const q of [...a.memberOf]) this.leave(a, q);
    this.releaseSticky(a);
    this.agents.delete(agentId);
  }

  // ───────────────────────────── bookkeeping ─────────────────────────────

  /** Requirements and heap key of a contact in queue q (after its overflow stage). */
  private derive(c: Contact, q: Queue): void {
    const stage = q.stageRequirements[Math.min(c.overflowStage, q.stageRequirements.length - 1)];
    if (c.extraSkills.length === 0 && stage !== undefined) {
      c.requirements = stage.requirements;
      c.signature = stage.signature;
    } else {
      c.requirements = requirementsAt(q.config, c.extraSkills, c.overflowStage);
      c.signature = signature(c.requirements);
    }
    c.rankKey = rankKey(q.config.priority, c.priority, q.ratePerMs, c.arrivedAt);
  }

  private enqueue(c: Contact, q: Queue): void {
    const sig = c.signature;
    let g = q.groups.get(sig);
    if (g === undefined) {
      g = { signature: sig, requirements: c.requirements, heap: new IndexedHeap<Contact>(rankedBefore) };
      q.groups.set(sig, g);
    }
    g.heap.push(c);
    c.group = g;
    q.waiting.add(c);
  }

  private dequeue(c: Contact, q: Queue): void {
    if (c.stickyUntil !== null) {
      const a = this.agents.get(c.lastAgentId as string);
      if (a !== undefined) a.sticky.splice(a.sticky.indexOf(c), 1);
      c.stickyUntil = null;
    }
    const g = c.group;
    if (g !== null) {
      g.heap.remove(c);
      if (g.heap.size === 0) q.groups.delete(g.signature);
      c.group = null;
    }
    q.waiting.delete(c);
  }

  private join(a: Agent, q: Queue): void {
    if (q.members.has(a)) return;
    q.members.add(a);
    a.memberOf.push(q);
    if (a.presence === 'ready') q.staffedSlots += capacityOf(a.config.capacity, this.options, q.config.channel);
  }

  private leave(a: Agent, q: Queue): void {
    if (!q.members.delete(a)) return;
    a.memberOf.splice(a.memberOf.indexOf(q), 1);
    q.available.delete(a);
    if (a.presence === 'ready') q.staffedSlots -= capacityOf(a.config.capacity, this.options, q.config.channel);
  }

  private setPresence(a: Agent, to: Presence, reason: NotReadyReason | null): void {
    if (a.presence !== to) {
      for (const q of a.memberOf) {
        const cap = capacityOf(a.config.capacity, this.options, q.config.channel);
        if (a.presence === 'ready') q.staffedSlots -= cap;
        if (to === 'ready') q.staffedSlots += cap;
      }
      if (to === 'ready' && a.load.total === 0) a.lastActivityAt = this.now;
    }
    a.presence = to;
    a.reason = reason;
  }

  /** Keep each queue's set of members with a free slot in step with the agent. */
  private refreshAvailability(a: Agent): void {
    for (const q of a.memberOf) {
      const ch = q.config.channel;
      if (a.presence === 'ready' && fits(a.load, ch, capacityOf(a.config.capacity, this.options, ch), this.exclusive.has(ch))) q.available.add(a);
      else q.available.delete(a);
    }
  }

  /** Emit agentStateChanged when the visible state (or the not-ready reason) changed. */
  private syncState(a: Agent): void {
    const next: AgentState = derivedState(a.presence, a.engaged, a.inWrapUp);
    const reason = next === 'notReady' ? a.reason : null;
    if (next === a.state && reason === a.shownReason) return;
    this.emit({ type: 'agentStateChanged', agentId: a.config.id, from: a.state, to: next, reason });
    a.state = next;
    a.stateSince = this.now;
    a.shownReason = reason;
  }

  private couldServe(a: Agent, q: Queue, c: Contact): boolean {
    return q.members.has(a) && meetsRequirements(a.config.skills, c.requirements);
  }

  /** Pair everything that can be paired (after restore from a snapshot built outside the engine). */
  private settle(): void {
    const waiting = [...this.contacts.values()].filter((c) => c.status === 'waiting' && c.stickyUntil === null).sort((x, y) => x.seq - y.seq);
    for (const c of waiting) if (c.status === 'waiting') this.route(c, false);
    const agents = [...this.agents.values()].sort((x, y) => (x.config.id < y.config.id ? -1 : 1));
    for (const a of agents) this.pull(a);
  }

  private emitQueued(c: Contact, q: Queue): void {
    const position = this.positionOf(c, q);
    this.emit({ type: 'contactQueued', contactId: c.id, queueId: q.config.id, position, ewtMs: expectedWaitMs(position, q.ahtMs, q.staffedSlots) });
  }

  /** 1 + contacts of the same queue ahead (same aging rate, so the order is fixed). O(log n). */
  positionOf(c: Contact, q: Queue): number {
    return q.waiting.position(c);
  }

  private emit(d: DistributiveOmit<Decision, 'at'>): void {
    (d as Decision).at = this.now;
    this.out.push(d as Decision);
  }

  private queue(id: string): Queue {
    return this.queues.get(id) ?? refuse('unknownQueue', `no queue ${id}`);
  }

  private agent(id: string): Agent {
    return this.agents.get(id) ?? refuse('unknownAgent', `no agent ${id}`);
  }

  private contact(id: string): Contact {
    return this.contacts.get(id) ?? refuse('unknownContact', `no contact ${id} in routing`);
  }

  private offeredTo(contactId: string, agentId: string): Contact {
    const c = this.contact(contactId);
    if (c.status !== 'offered' || c.agentId !== agentId) refuse('notOffered', `contact ${contactId} is not offered to ${agentId}`);
    return c;
  }

  /** @internal for snapshot.ts: rebuild indexes of restored objects. */
  restoreIndexes(): void {
    for (const q of this.queues.values()) {
      q.staffedSlots = 0;
      for (const a of this.agents.values()) if (a.config.queues.includes(q.config.id)) this.join(a, q);
    }
    const contacts = [...this.contacts.values()].sort((x, y) => x.seq - y.seq);
    for (const c of contacts) {
      const q = this.queues.get(c.queueId) as Queue;
      this.derive(c, q);
      const rule = q.rules[c.overflowStage];
      c.nextOverflowAt = rule === undefined ? null : c.queueEnteredAt + rule.afterSeconds * 1000;
      if (c.status === 'waiting') {
        if (c.stickyUntil !== null) {
          q.waiting.add(c);
          (this.agents.get(c.lastAgentId as string) as Agent).sticky.push(c);
          this.timers.schedule(c.stickyUntil, 'sticky', c.id, c.seq);
        } else this.enqueue(c, q);
        if (c.nextOverflowAt !== null) this.timers.schedule(c.nextOverflowAt, 'overflow', c.id, c.seq);
        continue;
      }
      const a = this.agents.get(c.agentId as string) as Agent;
      addLoad(a.load, c.channel, this.exclusive.has(c.channel), 1);
      a.contacts.add(c.id);
      if (c.status === 'wrapUp') {
        a.inWrapUp++;
        this.timers.schedule(c.wrapUpDeadline as number, 'wrapUp', c.id, c.seq);
      } else {
        a.engaged++;
        if (c.status === 'offered' && c.offerDeadline !== null) this.timers.schedule(c.offerDeadline, 'offer', c.id, c.seq);
      }
    }
    for (const a of this.agents.values()) this.refreshAvailability(a);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
