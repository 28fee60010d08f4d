// Staffing of channels that are not plain voice queues.
import { erlangBLines } from './erlangB.ts';
import { offeredLoad } from './erlang.ts';
import { requiredAgentsC, type StaffingTarget } from './staffing.ts';
import { scheduledHeads, type Shrinkage } from './shrinkage.ts';

/**
 * Chat with concurrency k: each agent is k chat slots. The slots are an M/M/s queue (Erlang C) whose
 * holding time is the duration of one chat as handled concurrently; agents = ⌈slots / k⌉.
 * (The usual "virtual server" approximation; exact when chats do not slow each other down.)
 */
export function chatAgents(input: {
  chatsPerInterval: number;
  intervalSeconds: number;
  /** Mean duration of one chat while the agent runs k at once, seconds. */
  chatDurationSeconds: number;
  concurrency: number;
  thresholdSeconds: number;
  target: StaffingTarget;
  maxOccupancy?: number;
  shrinkage?: Shrinkage;
}): { agents: number; slots: number; scheduledAgents: number } {
  const k = input.concurrency;
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError('concurrency must be a whole number ≥ 1');
  const a = offeredLoad(input.chatsPerInterval, input.intervalSeconds, input.chatDurationSeconds);
  const slots = requiredAgentsC(a, input.chatDurationSeconds, input.thresholdSeconds, input.target, input.maxOccupancy ?? 1);
  const agents = Math.ceil(slots / k);
  return { agents, slots, scheduledAgents: scheduledHeads(agents, input.shrinkage) };
}

/**
 * E-mail (deferred work) by backlog and due time, as a fluid model: with c agents working at
 * occupancy o, the work done by time t is c·o·t. Every message must be answered within `dueSeconds`
 * of its arrival (arrivals counted at the start of their interval; the backlog is due `dueSeconds` from now),
 * so c = max over deadlines d of (work due by d) / (o·d).
 */
export function emailAgents(input: {
  backlog: number;
  /** Messages arriving in each following interval. */
  arrivalsPerInterval?: number[];
  intervalSeconds: number;
  ahtSeconds: number;
  dueSeconds: number;
  maxOccupancy?: number;
  shrinkage?: Shrinkage;
}): { agents: number; scheduledAgents: number; workloadHours: number } {
  const { backlog, intervalSeconds, ahtSeconds, dueSeconds } = input;
  const occ = input.maxOccupancy ?? 1;
  if (!(dueSeconds > 0) || !(ahtSeconds > 0) || !(intervalSeconds > 0) || !(backlog >= 0)) throw new RangeError('due time, AHT and interval must be > 0, backlog ≥ 0');
  let work = backlog * ahtSeconds;
  let need = work / (occ * dueSeconds);
  (input.arrivalsPerInterval ?? []).forEach((count, i) => {
    work += count * ahtSeconds;
    need = Math.max(need, work / (occ * (i * intervalSeconds + dueSeconds)));
  });
  const agents = Math.ceil(need - 1e-9);
  return { agents, scheduledAgents: scheduledHeads(agents, input.shrinkage), workloadHours: work / 3600 };
}

/** Lines (trunks, IVR ports) for a blocking target by Erlang B. */
export function linesFor(input: { callsPerInterval: number; intervalSeconds: number; holdSeconds: number; maxBlocking: number }): { lines: number; blocking: number } {
  return erlangBLines(offeredLoad(input.callsPerInterval, input.intervalSeconds, input.holdSeconds), input.maxBlocking);
}
