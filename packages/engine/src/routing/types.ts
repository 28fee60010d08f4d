// Configuration of the ACD: queues, agents and engine-wide options. Plain JSON, so the server
// stores it as it is and the snapshot carries it unchanged.

/**
 * A capacity class of contacts (R2: "1 call, or 3 chats + 5 e-mails"). Free text so a tenant can
 * add classes; the server maps journal channels onto them (voice_in → voice, messenger → chat…).
 */
export type Channel = string;

/** Skill proficiency, 1 (novice) … 5 (expert). */
export type Proficiency = number;
export const MIN_PROFICIENCY = 1;
export const MAX_PROFICIENCY = 5;

/** "Needs skill X at proficiency ≥ min." */
export interface SkillRequirement {
  skill: string;
  min: Proficiency;
}

/** How a queue chooses among several ready agents for one contact (R3). */
export type Strategy = 'longestIdle' | 'leastOccupied' | 'roundRobin' | 'bestProficiency' | 'stickyLastAgent';
export const STRATEGIES: readonly Strategy[] = ['longestIdle', 'leastOccupied', 'roundRobin', 'bestProficiency', 'stickyLastAgent'];

/** What an overflow rule does to a contact that has waited long enough in its queue. */
export type OverflowAction =
  /** Drop these skill requirements (all of them when `skills` is absent). */
  | { kind: 'widenSkills'; skills?: string[] }
  /** Lower every requirement's minimum proficiency to at most `to`. */
  | { kind: 'lowerMinimum'; to: Proficiency }
  /** Move the contact to another queue (its members, skills, priority, rules). */
  | { kind: 'moveToQueue'; queueId: string };

export interface OverflowRule {
  /** Seconds since the contact entered this queue. */
  afterSeconds: number;
  action: OverflowAction;
}

export interface QueueConfig {
  id: string;
  /** Capacity class of the contacts of this queue. */
  channel: Channel;
  /** Added to every contact's score: a higher-priority queue is served first by shared agents. */
  priority: number;
  /** Minimum skills an agent (who is a member of the queue) needs. */
  skills: SkillRequirement[];
  strategy: Strategy;
  /** stickyLastAgent: how long a contact waits for its last agent before anyone may take it. */
  stickySeconds?: number;
  /** stickyLastAgent: how agents are chosen when the last agent is not the one. Default longestIdle. */
  fallbackStrategy?: Exclude<Strategy, 'stickyLastAgent'>;
  /** Score points added per minute of waiting (aging). 0 = strict priority, FIFO within it. */
  agingPerMinute: number;
  overflow: OverflowRule[];
  /** An offer not accepted within this time is withdrawn and the agent set "not ready: no answer". */
  offerTimeoutSeconds: number;
  /** Offers are accepted at once (no ringing) — e-mail, or chat queues so configured. */
  autoAccept?: boolean;
  /** Maximum wrap-up (ACW) after a contact of this queue; 0 = none. Forced to end at this time. */
  wrapUpSeconds: number;
  /** Handle time assumed for EWT until the queue has measured its own. Default 180 s. */
  expectedHandleSeconds?: number;
}

export interface AgentConfig {
  id: string;
  /** skill → proficiency 1…5. */
  skills: Record<string, Proficiency>;
  /** Queues the agent is a member of (served in their priority order). */
  queues: string[];
  /** Per-channel capacity; missing channels take the engine default. 0 = never offered. */
  capacity?: Record<Channel, number>;
}

export interface RoutingOptions {
  /** Capacity per channel for agents that do not set their own. */
  defaultCapacity: Record<Channel, number>;
  /**
   * Channels whose contacts occupy the whole agent: an agent with one takes nothing else, and
   * gets one only when it holds nothing (a call is not taken in the middle of three chats).
   */
  exclusiveChannels: Channel[];
}

export const DEFAULT_OPTIONS: RoutingOptions = {
  defaultCapacity: { voice: 1, chat: 3, email: 5 },
  exclusiveChannels: ['voice'],
};
