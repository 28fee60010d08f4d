// Checks of configuration coming from the server (which validates its API input with Zod too;
// the engine still refuses what would break its invariants). Returns a message or null.

import { MAX_PROFICIENCY, MIN_PROFICIENCY, STRATEGIES, type AgentConfig, type QueueConfig } from './types.ts';

const finite = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n);
const proficiency = (n: unknown): boolean => finite(n) && (n as number) >= MIN_PROFICIENCY && (n as number) <= MAX_PROFICIENCY;

export function validateQueue(q: QueueConfig): string | null {
  if (typeof q.id !== 'string' || q.id === '') return 'queue id is required';
  if (typeof q.channel !== 'string' || q.channel === '') return `queue ${q.id}: channel is required`;
  if (!STRATEGIES.includes(q.strategy)) return `queue ${q.id}: unknown strategy ${String(q.strategy)}`;
  if (q.fallbackStrategy !== undefined && (!STRATEGIES.includes(q.fallbackStrategy) || q.fallbackStrategy === ('stickyLastAgent' as string))) {
    return `queue ${q.id}: fallback strategy must be one of the non-sticky strategies`;
  }
  if (!finite(q.priority) || !finite(q.agingPerMinute) || q.agingPerMinute < 0) return `queue ${q.id}: priority and aging must be numbers, aging ≥ 0`;
  if (!q.autoAccept && !(finite(q.offerTimeoutSeconds) && q.offerTimeoutSeconds > 0)) return `queue ${q.id}: offer timeout must be > 0`;
  if (!(finite(q.wrapUpSeconds) && q.wrapUpSeconds >= 0)) return `queue ${q.id}: wrap-up must be ≥ 0`;
  if (q.stickySeconds !== undefined && !(finite(q.stickySeconds) && q.stickySeconds >= 0)) return `queue ${q.id}: sticky time must be ≥ 0`;
  for (const r of q.skills) if (!proficiency(r.min)) return `queue ${q.id}: skill ${r.skill} minimum must be ${MIN_PROFICIENCY}…${MAX_PROFICIENCY}`;
  for (const rule of q.overflow) {
    if (!(finite(rule.afterSeconds) && rule.afterSeconds >= 0)) return `queue ${q.id}: overflow time must be ≥ 0`;
    if (rule.action.kind === 'lowerMinimum' && !proficiency(rule.action.to)) return `queue ${q.id}: overflow minimum must be ${MIN_PROFICIENCY}…${MAX_PROFICIENCY}`;
    if (rule.action.kind === 'moveToQueue' && rule.action.queueId === q.id) return `queue ${q.id}: overflow cannot move to the same queue`;
  }
  return null;
}

export function validateAgent(a: AgentConfig): string | null {
  if (typeof a.id !== 'string' || a.id === '') return 'agent id is required';
  for (const [skill, p] of Object.entries(a.skills)) if (!proficiency(p)) return `agent ${a.id}: proficiency of ${skill} must be ${MIN_PROFICIENCY}…${MAX_PROFICIENCY}`;
  for (const [ch, n] of Object.entries(a.capacity ?? {})) if (!(Number.isInteger(n) && n >= 0)) return `agent ${a.id}: capacity on ${ch} must be a whole number ≥ 0`;
  return null;
}
