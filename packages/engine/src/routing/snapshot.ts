// The whole routing state as plain JSON, and back (so the server can persist it, or build it
// from its own tables after a restart). Only facts are stored — configuration, presence, the
// contacts and their status and deadlines; heaps, groups, availability sets, loads and timers
// are indexes and are rebuilt on restore. A restored engine decides exactly as the original.

import type { AgentState, NotReadyReason, Presence } from './agentStates.ts';
import { emptyLoad } from './capacity.ts';
import { notYetFiled, type Agent, type Contact, type ContactStatus } from './model.ts';
import { createQueue } from './queueState.ts';
import { restoreIndexes } from './rebuild.ts';
import { proficiencyVector } from './requirements.ts';
import type { RoutingState } from './state.ts';
import type { AgentConfig, Channel, QueueConfig, RoutingOptions, SkillRequirement } from './types.ts';

export const SNAPSHOT_VERSION = 1;

export interface RoutingSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Time of the last event applied; null before the first. */
  now: number | null;
  /** Arrival counter (tie-break of equal scores). */
  seq: number;
  options: RoutingOptions;
  queues: QueueSnapshot[];
  agents: AgentSnapshot[];
  contacts: ContactSnapshot[];
}

export interface QueueSnapshot {
  config: QueueConfig;
  /** Measured average handle time (EWT). */
  ahtMs: number;
  /** Round-robin turn counter. */
  turn: number;
}

export interface AgentSnapshot {
  config: AgentConfig;
  presence: Presence;
  reason: NotReadyReason | null;
  state: AgentState;
  stateSince: number;
  lastActivityAt: number;
  /** queue id → round-robin turn of the agent's last offer from it. */
  lastTurn: Record<string, number>;
}

export interface ContactSnapshot {
  id: string;
  queueId: string;
  channel: Channel;
  priority: number;
  skills: SkillRequirement[];
  arrivedAt: number;
  queueEnteredAt: number;
  overflowStage: number;
  seq: number;
  status: ContactStatus;
  agentId: string | null;
  offerDeadline: number | null;
  connectedAt: number | null;
  wrapUpDeadline: number | null;
  declinedBy: string[];
  lastAgentId: string | null;
  stickyUntil: number | null;
}

export function takeSnapshot(engine: RoutingState): RoutingSnapshot {
  const clone = <T>(x: T): T => structuredClone(x);
  return {
    version: SNAPSHOT_VERSION,
    now: Number.isFinite(engine.now) ? engine.now : null,
    seq: engine.seq,
    options: clone(engine.options),
    queues: [...engine.queues.values()].map((q) => ({ config: clone(q.config), ahtMs: q.ahtMs, turn: q.turn })),
    agents: [...engine.agents.values()].map(agentSnapshotOf),
    contacts: [...engine.contacts.values()].map(contactSnapshotOf),
  };
}

/** One agent's snapshot entry (configuration, presence and state with its start). */
export function agentSnapshotOf(a: Agent): AgentSnapshot {
  return {
    config: structuredClone(a.config),
    presence: a.presence,
    reason: a.reason,
    state: a.state,
    stateSince: a.stateSince,
    lastActivityAt: a.lastActivityAt,
    lastTurn: Object.fromEntries(a.lastTurn),
  };
}

/**
 * One contact's snapshot entry: the server stores it with the contact after every decision that
 * names it, so a restart rebuilds the engine from the journal's rows (ROUTING.md § server).
 */
export function contactSnapshotOf(c: Contact): ContactSnapshot {
  return {
    id: c.id,
    queueId: c.queueId,
    channel: c.channel,
    priority: c.priority,
    skills: structuredClone(c.extraSkills),
    arrivedAt: c.arrivedAt,
    queueEnteredAt: c.queueEnteredAt,
    overflowStage: c.overflowStage,
    seq: c.seq,
    status: c.status,
    agentId: c.agentId,
    offerDeadline: c.offerDeadline,
    connectedAt: c.connectedAt,
    wrapUpDeadline: c.wrapUpDeadline,
    declinedBy: [...c.declinedBy],
    lastAgentId: c.lastAgentId,
    stickyUntil: c.stickyUntil,
  };
}

/** Checks that a snapshot (perhaps built by the server from its tables) is consistent. */
export function snapshotProblem(s: RoutingSnapshot): string | null {
  if (s.version !== SNAPSHOT_VERSION) return `snapshot version ${String(s.version)} is not ${SNAPSHOT_VERSION}`;
  const queues = new Set(s.queues.map((q) => q.config.id));
  const agents = new Set(s.agents.map((a) => a.config.id));
  const ids = new Set<string>();
  for (const c of s.contacts) {
    if (ids.has(c.id)) return `contact ${c.id} appears twice`;
    ids.add(c.id);
    if (!queues.has(c.queueId)) return `contact ${c.id}: no queue ${c.queueId}`;
    if (c.status === 'waiting' && c.agentId !== null) return `contact ${c.id} waits but names an agent`;
    if (c.status !== 'waiting' && (c.agentId === null || !agents.has(c.agentId))) return `contact ${c.id}: unknown agent ${String(c.agentId)}`;
    if (c.status === 'wrapUp' && c.wrapUpDeadline === null) return `contact ${c.id}: wrap-up without deadline`;
    if (c.stickyUntil !== null && (c.lastAgentId === null || !agents.has(c.lastAgentId))) return `contact ${c.id}: sticky to unknown agent`;
  }
  return null;
}

/** Fill a fresh engine from a snapshot. */
export function restoreInto(engine: RoutingState, s: RoutingSnapshot): void {
  const problem = snapshotProblem(s);
  if (problem !== null) throw new Error(`invalid routing snapshot: ${problem}`);
  engine.now = s.now ?? -Infinity;
  engine.seq = s.seq;
  for (const q of s.queues) {
    const config = structuredClone(q.config);
    engine.queues.set(config.id, createQueue(config, q.ahtMs, q.turn, engine.skills));
  }
  for (const x of s.agents) {
    const config = structuredClone(x.config);
    const a: Agent = {
      config,
      prof: proficiencyVector(config.skills, engine.skills),
      presence: x.presence,
      reason: x.reason,
      state: x.state,
      shownReason: x.state === 'notReady' ? x.reason : null,
      stateSince: x.stateSince,
      lastActivityAt: x.lastActivityAt,
      load: emptyLoad(),
      engaged: 0,
      inWrapUp: 0,
      contacts: new Set(),
      lastTurn: new Map(Object.entries(x.lastTurn)),
      sticky: [],
      memberOf: [],
    availableAt: [],
    };
    engine.agents.set(config.id, a);
  }
  for (const x of s.contacts) {
    const c: Contact = {
      id: x.id,
      queueId: x.queueId,
      channel: x.channel,
      priority: x.priority,
      extraSkills: structuredClone(x.skills),
      arrivedAt: x.arrivedAt,
      queueEnteredAt: x.queueEnteredAt,
      overflowStage: x.overflowStage,
      seq: x.seq,
      status: x.status,
      agentId: x.agentId,
      offerDeadline: x.offerDeadline,
      connectedAt: x.connectedAt,
      wrapUpDeadline: x.wrapUpDeadline,
      nextOverflowAt: null,
      declinedBy: [...x.declinedBy],
      lastAgentId: x.lastAgentId,
      stickyUntil: x.status === 'waiting' ? x.stickyUntil : null,
      ...notYetFiled(),
    };
    engine.contacts.set(c.id, c);
  }
  restoreIndexes(engine);
  engine.unsettled = true;
}
