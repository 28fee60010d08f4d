// Staffing of the channels that are not plain voice queues (W3): the engine's chat, e-mail and lines models
// behind one request, every answer in one shape (fields that do not apply are null).
import { chatAgents, emailAgents, linesFor } from '@linia/engine';
import type { z } from 'zod';
import type { channelOut, channelRequest } from './contracts.ts';

const none = { agents: null, scheduledAgents: null, slots: null, workloadHours: null, lines: null, blocking: null };

export function channelStaffing(q: z.infer<typeof channelRequest>): z.infer<typeof channelOut> {
  if (q.kind === 'chat') {
    const r = chatAgents({
      chatsPerInterval: q.chatsPerInterval, intervalSeconds: q.intervalSeconds, chatDurationSeconds: q.chatDurationSeconds, concurrency: q.concurrency,
      thresholdSeconds: q.thresholdSeconds, target: { serviceLevel: q.serviceLevel }, shrinkage: q.shrinkage, ...(q.maxOccupancy !== undefined ? { maxOccupancy: q.maxOccupancy } : {}),
    });
    return { ...none, agents: r.agents, scheduledAgents: r.scheduledAgents, slots: r.slots };
  }
  if (q.kind === 'email') {
    const r = emailAgents({
      backlog: q.backlog, arrivalsPerInterval: q.arrivalsPerInterval, intervalSeconds: q.intervalSeconds, ahtSeconds: q.ahtSeconds, dueSeconds: q.dueSeconds,
      shrinkage: q.shrinkage, ...(q.maxOccupancy !== undefined ? { maxOccupancy: q.maxOccupancy } : {}),
    });
    return { ...none, agents: r.agents, scheduledAgents: r.scheduledAgents, workloadHours: r.workloadHours };
  }
  const r = linesFor({ callsPerInterval: q.callsPerInterval, intervalSeconds: q.intervalSeconds, holdSeconds: q.holdSeconds, maxBlocking: q.maxBlocking });
  return { ...none, lines: r.lines, blocking: r.blocking };
}
