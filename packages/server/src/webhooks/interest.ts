import { eq } from 'drizzle-orm';
import { subscribed } from '@linia/engine';
import { withTenant, type Database } from '../db/index.ts';
import type { EventEnvelope } from '../realtime/envelope.ts';
import { webhookSubscriptions } from './schema.ts';

export interface InterestOptions {
  /**
   * Longest a tenant's list is trusted without a `webhook.changed` notice (ms): a safety net only,
   * for a notice lost while a node's LISTEN connection was reconnecting.
   */
  maxAgeMs?: number;
  now?: () => number;
}

interface Known {
  /** The `events` arrays of the tenant's active subscriptions. */
  patterns: Promise<string[][]>;
  loadedAt: number;
}

/**
 * Which events each tenant's active webhook subscriptions want, known per node, so that an event
 * nobody subscribed to costs no transaction. Loaded on a tenant's first event; forgotten when the
 * webhook routes announce `webhook.changed` (create, update, delete), which every node hears on
 * the bus. That notice is published after the change commits and, on PostgreSQL, travels the same
 * LISTEN/NOTIFY channel as the events themselves, in commit order: an event published after a
 * subscription was created reaches each node after the notice, so the node reloads and sees it.
 */
export class WebhookInterest {
  private readonly known = new Map<string, Known>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  /** Loads so far (for tests: each is one transaction). */
  loads = 0;

  constructor(
    private readonly db: Database,
    opts: InterestOptions = {},
  ) {
    this.maxAgeMs = opts.maxAgeMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  /** Whether any active subscription of the tenant wants events of `type`. */
  async wants(tenantId: string, type: string): Promise<boolean> {
    let entry = this.known.get(tenantId);
    if (!entry || this.now() - entry.loadedAt >= this.maxAgeMs) {
      entry = { patterns: this.load(tenantId), loadedAt: this.now() };
      this.known.set(tenantId, entry);
      // A failed load is not remembered: the next event tries again.
      entry.patterns.catch(() => {
        if (this.known.get(tenantId) === entry) this.known.delete(tenantId);
      });
    }
    return (await entry.patterns).some((events) => subscribed(events, type));
  }

  /** Applies a bus event: a change to a tenant's subscriptions makes its list be read again. */
  hear(event: EventEnvelope): void {
    if (event.topic === 'tenant' && event.type === 'webhook.changed') this.known.delete(event.tenantId);
  }

  private async load(tenantId: string): Promise<string[][]> {
    this.loads++;
    const scope = { tenantId, clientId: null, actor: { kind: 'system' as const, id: null, name: 'webhooks' } };
    const rows = await withTenant(this.db, scope, (tx) =>
      tx.select({ events: webhookSubscriptions.events }).from(webhookSubscriptions).where(eq(webhookSubscriptions.active, true)),
    );
    return rows.map((r) => r.events);
  }
}
