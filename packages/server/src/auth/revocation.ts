import type { EventBus } from '../realtime/bus.ts';
import { envelope, type EventEnvelope } from '../realtime/envelope.ts';
import type { PrincipalCache, PrincipalMatch } from './principalCache.ts';

/** Node-to-node notices ride the bus under a topic no WebSocket client may hear (realtime/topics.ts), for no tenant's sockets. */
const TOPIC = 'auth';
const NO_TENANT = '';
const REVOKED = 'auth.revoked';

const FIELDS = ['tenantId', 'userId', 'sessionId', 'tokenId'] as const;

/** The match carried by a notice, or null when it is malformed (and must not become "forget nothing in particular" = everything). */
function matchOf(data: unknown): PrincipalMatch | null {
  if (typeof data !== 'object' || data === null) return null;
  const match: PrincipalMatch = {};
  for (const f of FIELDS) {
    const v = (data as Record<string, unknown>)[f];
    if (typeof v === 'string') match[f] = v;
  }
  return match.userId || match.sessionId || match.tokenId ? match : null;
}

/**
 * Keeps every node's principal cache true to the database. What changes a principal:
 * - ending a session or revoking a token (auth routes) → `revoke`, which forgets here at once and
 *   tells the other nodes with an `auth.revoked` notice;
 * - changing or deleting a user (the users routes announce `user.changed` on the `tenant` topic)
 *   → heard here and forgets that user's principals.
 * On PostgreSQL even this node hears its own notices only after a round trip, so `localFirst`
 * wraps the bus route modules publish on: what this node publishes is applied to its cache before
 * it leaves, and the next request on this node already sees the change.
 */
export class PrincipalRevocation {
  private readonly unsubscribe: () => void;

  constructor(
    private readonly cache: PrincipalCache,
    private readonly bus: EventBus,
  ) {
    this.unsubscribe = bus.subscribe((event) => this.hear(event));
  }

  /** Forgets the matching principals on this node now, then on every other node. Call after the change commits. */
  async revoke(match: PrincipalMatch & { tenantId: string }): Promise<void> {
    this.cache.forget(match);
    await this.bus.publish(envelope(NO_TENANT, TOPIC, REVOKED, match));
  }

  /** Applies an event to the cache if it says a principal changed. */
  hear(event: EventEnvelope): void {
    if (event.topic === TOPIC && event.tenantId === NO_TENANT && event.type === REVOKED) {
      const match = matchOf(event.data);
      if (match) this.cache.forget(match);
    } else if (event.topic === 'tenant' && event.type === 'user.changed') {
      const id = (event.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') this.cache.forget({ tenantId: event.tenantId, userId: id });
    }
  }

  /** `bus`, except that every event published through it is first applied to this node's cache. */
  localFirst(bus: EventBus): EventBus {
    return {
      publish: (event) => {
        this.hear(event);
        return bus.publish(event);
      },
      publishAll: (events) => {
        for (const event of events) this.hear(event);
        return bus.publishAll(events);
      },
      subscribe: (handler) => bus.subscribe(handler),
      close: () => bus.close(),
    };
  }

  close(): void {
    this.unsubscribe();
  }
}
