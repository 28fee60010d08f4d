// What the engine tells the server. The server persists each decision (it is the routing
// journal) and acts on it: push an offer to the agent's desk, tell the widget its position…

import type { AgentState, NotReadyReason, Presence } from './agentStates.ts';
import type { OverflowAction, SkillRequirement } from './types.ts';

interface At {
  at: number;
}

export type WithdrawReason = 'timeout' | 'declined' | 'abandoned' | 'agentOffline';

export type Decision =
  /** Offer the contact to the agent; withdrawn if not accepted by `deadline`. autoAccept: already connected. */
  | (At & { type: 'offer'; contactId: string; agentId: string; queueId: string; deadline: number | null; autoAccept: boolean; waitedMs: number })
  | (At & { type: 'offerWithdrawn'; contactId: string; agentId: string; reason: WithdrawReason })
  | (At & { type: 'contactConnected'; contactId: string; agentId: string; queueId: string })
  /** The contact waits (on arrival, or again after a withdrawn offer or an overflow). */
  | (At & { type: 'contactQueued'; contactId: string; queueId: string; position: number; ewtMs: number | null })
  | (At & { type: 'overflowApplied'; contactId: string; fromQueueId: string; toQueueId: string; action: OverflowAction; requirements: SkillRequirement[] })
  | (At & { type: 'contactAbandoned'; contactId: string; queueId: string; waitedMs: number })
  | (At & { type: 'wrapUpStarted'; contactId: string; agentId: string; deadline: number })
  | (At & { type: 'wrapUpEnded'; contactId: string; agentId: string; forced: boolean })
  /** The contact is finished with (ended, and wrap-up over): the engine forgets it. */
  | (At & { type: 'contactReleased'; contactId: string; agentId: string; queueId: string; handleMs: number })
  /** Every change of an agent's visible state, so the server stores each state's start and end. */
  | (At & { type: 'agentStateChanged'; agentId: string; from: AgentState; to: AgentState; reason: NotReadyReason | null });

export type DecisionType = Decision['type'];

/** Why an event was refused. Nothing changed; the server answers 404/409 accordingly. */
export type RoutingError =
  | { code: 'illegalTransition'; agentId: string; from: AgentState; to: Presence; allowed: readonly Presence[]; message: string }
  | { code: 'unknownAgent' | 'unknownQueue' | 'unknownContact' | 'duplicateContact' | 'notOffered' | 'notConnected' | 'notInWrapUp' | 'alreadyConnected' | 'queueInUse' | 'agentBusy' | 'invalid' | 'timeWentBack'; message: string };

export type RoutingResult = { ok: true; decisions: Decision[] } | { ok: false; error: RoutingError; decisions: Decision[] };
