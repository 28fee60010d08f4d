import pg from 'pg';
import type { Logger } from 'pino';
import type { EventBus, EventHandler } from './bus.ts';
import type { EventEnvelope } from './envelope.ts';

const CHANNEL = 'linia_events';
/** NOTIFY payloads are limited to 8000 bytes; larger events carry only what to re-read. */
const MAX_PAYLOAD = 7900;

function payloadOf(event: EventEnvelope): string {
  const payload = JSON.stringify(event);
  return Buffer.byteLength(payload) > MAX_PAYLOAD ? JSON.stringify({ ...event, data: { truncated: true } }) : payload;
}

/**
 * Fans events out to every node on one PostgreSQL through LISTEN/NOTIFY. A node hears its own
 * notifications too, so local subscribers are served the same way as remote ones. The
 * listening connection reconnects with backoff if it drops.
 */
export class PgNotifyBus implements EventBus {
  private handlers = new Set<EventHandler>();
  private gapHandlers = new Set<() => void>();
  private listener: pg.Client | null = null;
  private publisher: pg.Pool;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {
    this.publisher = new pg.Pool({ connectionString: url, max: 2 });
    this.publisher.on('error', () => {});
  }

  static async connect(url: string, log: Logger): Promise<PgNotifyBus> {
    const bus = new PgNotifyBus(url, log);
    await bus.listen();
    return bus;
  }

  private async listen(attempt = 0): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      let event: EventEnvelope;
      try {
        event = JSON.parse(msg.payload) as EventEnvelope;
      } catch {
        return;
      }
      for (const handler of this.handlers) handler(event);
    });
    client.on('error', (err) => {
      this.log.warn({ err }, 'event bus connection lost; reconnecting');
      client.end().catch(() => {});
      if (this.listener === client) this.listener = null;
      setTimeout(() => void this.listen(1), 500).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
      // Back after a drop: whatever was notified meanwhile never reached this node.
      if (attempt > 0) for (const handler of this.gapHandlers) handler();
    } catch (err) {
      await client.end().catch(() => {});
      if (attempt === 0) throw err;
      setTimeout(() => void this.listen(attempt + 1), Math.min(30_000, 500 * 2 ** attempt)).unref();
    }
  }

  async publish(event: EventEnvelope): Promise<void> {
    await this.publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, payloadOf(event)]);
  }

  async publishAll(events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    if (events.length === 1) return this.publish(events[0]!);
    // unnest yields the payloads in array order, and notifications of one transaction are delivered
    // in the order sent (each payload differs — its envelope id — so none is merged away).
    await this.publisher.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [CHANNEL, events.map(payloadOf)]);
  }

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  onGap(handler: () => void): () => void {
    this.gapHandlers.add(handler);
    return () => this.gapHandlers.delete(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    this.gapHandlers.clear();
    await this.listener?.end().catch(() => {});
    await this.publisher.end();
  }
}
