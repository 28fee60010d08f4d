// What the server tells the engine. Every event carries `now` (ms since the epoch, or any
// monotonic origin the caller keeps): the engine holds no clock. Events must come in
// non-decreasing `now`; timers that fall due before `now` fire first, at their own time.

import type { Presence, NotReadyReason } from './agentStates.ts';
import type { AgentConfig, Proficiency, QueueConfig, SkillRequirement } from './types.ts';

interface At {
  now: number;
}

export type RoutingEvent =
  | ContactArrived
  | (At & { type: 'agentStateRequested'; agentId: string; to: Presence; reason?: NotReadyReason; force?: boolean })
  | (At & { type: 'offerAccepted'; contactId: string; agentId: string })
  | (At & { type: 'offerDeclined'; contactId: string; agentId: string })
  /** The server saw the offer fail (e.g. the phone did not answer) before the engine's own deadline. */
  | (At & { type: 'offerTimedOut'; contactId: string; agentId: string })
  /** A connected contact ended (its agent goes to wrap-up); a waiting or offered one was abandoned. */
  | (At & { type: 'contactEnded'; contactId: string })
  /** The customer left before being connected (hung up, closed the chat). */
  | (At & { type: 'contactAbandoned'; contactId: string })
  | (At & { type: 'wrapUpEnded'; contactId: string })
  /** Nothing happened but time passed: fire due timers (offer timeouts, overflow, wrap-up, sticky). */
  | (At & { type: 'tick' })
  /** Create or change a queue. Waiting contacts are re-evaluated against the new rules. */
  | (At & { type: 'queueConfigured'; queue: QueueConfig })
  | (At & { type: 'queueRemoved'; queueId: string })
  /** Create or change an agent (skills, queues, capacity). A new agent starts offline. */
  | (At & { type: 'agentConfigured'; agent: AgentConfig })
  | (At & { type: 'agentSkillsChanged'; agentId: string; skills: Record<string, Proficiency> })
  /** Move an agent between queues (M4): the full new list of queues. */
  | (At & { type: 'agentQueuesChanged'; agentId: string; queueIds: string[] })
  | (At & { type: 'agentRemoved'; agentId: string });

export interface ContactArrived extends At {
  type: 'contactArrived';
  contactId: string;
  queueId: string;
  /** The contact's own priority (e.g. a VIP customer or a critical topic), added to the queue's. */
  priority?: number;
  /** Extra skills this contact needs on top of the queue's (language, product…). */
  skills?: SkillRequirement[];
  /** The agent who last served this customer (the server looks it up in the journal). */
  lastAgentId?: string;
}

export type RoutingEventType = RoutingEvent['type'];
