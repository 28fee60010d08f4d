// The engine's working objects: configuration plus the indexes that make each decision cheap.
// None of this leaves the engine; snapshot.ts turns it into plain JSON and back.

import type { AgentState, NotReadyReason, Presence } from './agentStates.ts';
import type { Load } from './capacity.ts';
import type { HeapItem, IndexedHeap } from './heap.ts';
import type { RankedList } from './rankedList.ts';
import { NO_NEED, type CompiledRequirements } from './requirements.ts';
import type { AgentConfig, Channel, OverflowRule, QueueConfig, SkillRequirement } from './types.ts';

export type ContactStatus = 'waiting' | 'offered' | 'connected' | 'wrapUp';

export interface Contact extends HeapItem {
  id: string;
  queueId: string;
  channel: Channel;
  priority: number;
  extraSkills: SkillRequirement[];
  arrivedAt: number;
  /** When it entered its current queue (overflow timing starts here). */
  queueEnteredAt: number;
  /** How many of the current queue's overflow rules have fired. */
  overflowStage: number;
  /** Arrival order, the tie-break of equal scores. */
  seq: number;
  status: ContactStatus;
  agentId: string | null;
  offerDeadline: number | null;
  connectedAt: number | null;
  wrapUpDeadline: number | null;
  nextOverflowAt: number | null;
  /** Agents who declined it: not offered to them again. */
  declinedBy: string[];
  lastAgentId: string | null;
  /** While set, only `lastAgentId` may take it (sticky last agent). */
  stickyUntil: number | null;
  // derived, rebuilt on restore
  requirements: SkillRequirement[];
  need: CompiledRequirements;
  signature: string;
  rankKey: number;
  group: ContactGroup | null;
}

/** A contact's derived fields before `derive` and `enqueue` (waitingList.ts) fill them. */
export function notYetFiled(): Pick<Contact, 'requirements' | 'need' | 'signature' | 'rankKey' | 'group' | 'heapIndex'> {
  return { requirements: [], need: NO_NEED, signature: '', rankKey: 0, group: null, heapIndex: -1 };
}

/** Waiting contacts of one queue with the same requirements, best first. */
export interface ContactGroup {
  signature: string;
  requirements: SkillRequirement[];
  need: CompiledRequirements;
  heap: IndexedHeap<Contact>;
}

export interface Agent {
  config: AgentConfig;
  /** Proficiency by skill id (derived from config.skills). */
  prof: Float64Array;
  presence: Presence;
  reason: NotReadyReason | null;
  state: AgentState;
  /** The not-ready reason last announced with the state. */
  shownReason: NotReadyReason | null;
  stateSince: number;
  /** Last time the agent became free or got work (longest idle). */
  lastActivityAt: number;
  load: Load;
  /** Contacts offered or connected (not wrap-up). */
  engaged: number;
  inWrapUp: number;
  /** Contacts held, by id. */
  contacts: Set<string>;
  /** queue id → round-robin turn of the agent's last offer from that queue. */
  lastTurn: Map<string, number>;
  /** Contacts waiting for this agent only (sticky). Few; scanned. */
  sticky: Contact[];
  /** The existing queues the agent is a member of. */
  memberOf: Queue[];
  /** Index of the agent in `memberOf[k].available`, or -1 (availability.ts). */
  availableAt: number[];
}

export interface Queue {
  config: QueueConfig;
  ratePerMs: number;
  groups: Map<string, ContactGroup>;
  /** The same groups as an array (iterated on every pull). */
  groupList: ContactGroup[];
  /** Every waiting contact of the queue (grouped or sticky-reserved), in service order. */
  waiting: RankedList<Contact>;
  /** Overflow rules in firing order. */
  rules: OverflowRule[];
  /** Requirements (and their signature) after 0, 1, … overflow steps, for contacts without skills of their own. */
  stageRequirements: { requirements: SkillRequirement[]; need: CompiledRequirements; signature: string }[];
  members: Set<Agent>;
  /** Members that could take one more contact of the queue's channel right now (unordered). */
  available: Agent[];
  /** Staffed capacity for EWT: Σ capacity of ready members. */
  staffedSlots: number;
  ahtMs: number;
  turn: number;
}
