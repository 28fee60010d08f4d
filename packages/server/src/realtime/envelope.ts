import { randomUUID } from 'node:crypto';

/**
 * What every real-time event looks like, on the bus and on the WebSocket.
 * `topic` says who may receive it (see topics.ts); `type` says what happened.
 */
export interface EventEnvelope<D = unknown> {
  id: string;
  tenantId: string;
  topic: string;
  type: string;
  at: string;
  data: D;
}

export function envelope<D>(tenantId: string, topic: string, type: string, data: D, now = new Date()): EventEnvelope<D> {
  return { id: randomUUID(), tenantId, topic, type, at: now.toISOString(), data };
}
