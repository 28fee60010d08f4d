// The wallboard's live figures at `now`: who waits, for how long, and what agents are doing.
// Computed from current state only (no history), so it is cheap to recompute on every change;
// "today" figures (offered, SL, ASA, AHT …) come from kpisFrom over today's cells instead.

import { AGENT_STATES, type AgentState } from '../routing/agentStates.ts';
import { KPI_UNSPECIFIED_REASON } from './agentStates.ts';

export interface KpiWaitingContact {
  contactId: string;
  queueId: string;
  /** When it entered the queue (ms). */
  since: number;
}

export interface KpiAgentNow {
  agentId: string;
  state: AgentState;
  reason?: string | null;
  /** When the current state began (ms). */
  since: number;
}

export interface KpiLiveQueue {
  waiting: number;
  /** Seconds; null with nobody waiting. */
  longestWaitSeconds: number | null;
}

export interface KpiLiveView {
  now: number;
  waiting: number;
  longestWaitSeconds: number | null;
  queues: Record<string, KpiLiveQueue>;
  agentsByState: Record<AgentState, number>;
  notReadyByReason: Record<string, number>;
  /** Every agent with its time in state, longest first within each state (a supervisor looks for long breaks). */
  agents: { agentId: string; state: AgentState; reason: string | null; timeInStateSeconds: number }[];
}

// A timestamp slightly in the future (clocks of two nodes) reads as 0 s, not a negative time.
const since = (now: number, t: number): number => Math.max(0, (now - t) / 1000);

export function kpiLiveView(now: number, waiting: Iterable<KpiWaitingContact>, agents: Iterable<KpiAgentNow>): KpiLiveView {
  const queues: Record<string, KpiLiveQueue> = {};
  let count = 0;
  let longest: number | null = null;
  for (const w of waiting) {
    const s = since(now, w.since);
    const q = (queues[w.queueId] ??= { waiting: 0, longestWaitSeconds: null });
    q.waiting++;
    q.longestWaitSeconds = Math.max(q.longestWaitSeconds ?? 0, s);
    count++;
    longest = Math.max(longest ?? 0, s);
  }
  const byState = Object.fromEntries(AGENT_STATES.map((s) => [s, 0])) as Record<AgentState, number>;
  const byReason: Record<string, number> = {};
  const list: KpiLiveView['agents'] = [];
  for (const a of agents) {
    byState[a.state]++;
    const reason = a.state === 'notReady' ? (a.reason ?? KPI_UNSPECIFIED_REASON) : null;
    if (reason !== null) byReason[reason] = (byReason[reason] ?? 0) + 1;
    list.push({ agentId: a.agentId, state: a.state, reason, timeInStateSeconds: since(now, a.since) });
  }
  const order = (s: AgentState): number => AGENT_STATES.indexOf(s);
  list.sort((x, y) => order(x.state) - order(y.state) || y.timeInStateSeconds - x.timeInStateSeconds || (x.agentId < y.agentId ? -1 : x.agentId > y.agentId ? 1 : 0));
  return { now, waiting: count, longestWaitSeconds: longest, queues, agentsByState: byState, notReadyByReason: byReason, agents: list };
}
