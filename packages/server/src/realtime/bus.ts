import type { EventEnvelope } from './envelope.ts';

export type EventHandler = (event: EventEnvelope) => void;

/**
 * Delivers events to every subscriber on every node. Publish after the change is committed:
 * a subscriber that reacts by reading the database must find the change there.
 */
export interface EventBus {
  publish(event: EventEnvelope): Promise<void>;
  /** Several events in order, in one go (one round trip to PostgreSQL instead of one each). */
  publishAll(events: readonly EventEnvelope[]): Promise<void>;
  subscribe(handler: EventHandler): () => void;
  /**
   * Called when events may have been missed (PostgreSQL: the LISTEN connection dropped and came
   * back). Caches kept true by events (who a session is) start afresh.
   */
  onGap?(handler: () => void): () => void;
  close(): Promise<void>;
}

/** One process: the embedded database, or a single node. */
export class InProcessBus implements EventBus {
  private handlers = new Set<EventHandler>();

  async publish(event: EventEnvelope): Promise<void> {
    for (const handler of this.handlers) handler(event);
  }

  async publishAll(events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) await this.publish(event);
  }

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
