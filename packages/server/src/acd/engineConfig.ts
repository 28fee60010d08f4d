import type { AgentConfig, QueueConfig } from '@linia/engine';
import type { acdAgents, acdQueues } from './schema.ts';

type QueueRow = typeof acdQueues.$inferSelect;
type AgentRow = typeof acdAgents.$inferSelect;

/**
 * A stored queue as the routing engine's QueueConfig. Skills are known to the engine by their
 * ids, so renaming a skill changes nothing in routing.
 */
export function queueConfigOf(q: QueueRow): QueueConfig {
  return {
    id: q.id,
    channel: q.channel,
    priority: q.priority,
    skills: q.skills.map((s) => ({ skill: s.skillId, min: s.min })),
    strategy: q.strategy,
    ...(q.stickySeconds !== null ? { stickySeconds: q.stickySeconds } : {}),
    agingPerMinute: q.agingPerMinute,
    overflow: q.overflow,
    offerTimeoutSeconds: q.offerTimeoutSeconds,
    autoAccept: q.autoAccept,
    wrapUpSeconds: q.wrapUpSeconds,
    expectedHandleSeconds: q.expectedHandleSeconds,
  };
}

/** A stored agent as the engine's AgentConfig; the engine's agent id is the user id (offers go to `user:<id>`). */
export function agentConfigOf(a: AgentRow, knownQueues: ReadonlySet<string>): AgentConfig {
  return {
    id: a.userId,
    skills: { ...a.skills },
    queues: a.queueIds.filter((q) => knownQueues.has(q)),
    capacity: { ...a.capacity },
  };
}
