import { and, eq } from 'drizzle-orm';
import { covers, subscribed, WEBHOOK_EVENTS } from '@linia/engine';
import type { FastifyBaseLogger } from 'fastify';
import { withTenant, type Database, type Tx } from '../db/index.ts';
import type { EventBus } from '../realtime/bus.ts';
import type { EventEnvelope } from '../realtime/envelope.ts';
import { WebhookInterest } from './interest.ts';
import { webhookDeliveries, webhookSubscriptions } from './schema.ts';

/** What a receiver gets as the body: the event, named and timed, with its data. */
export function webhookPayload(event: Pick<EventEnvelope, 'id' | 'type' | 'at' | 'data'>) {
  return { id: event.id, type: event.type, occurredAt: event.at, data: event.data as Record<string, unknown> };
}

/** Writes one pending delivery per active subscription that wants the event (a repeat is ignored). */
export async function enqueueEvent(tx: Tx, event: Pick<EventEnvelope, 'id' | 'type' | 'at' | 'data'>, onlySubscription?: string) {
  const subs = await tx
    .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.active, true), onlySubscription ? eq(webhookSubscriptions.id, onlySubscription) : undefined));
  const wanted = subs.filter((s) => subscribed(s.events, event.type));
  if (wanted.length === 0) return 0;
  const payload = webhookPayload(event);
  await tx
    .insert(webhookDeliveries)
    .values(wanted.map((s) => ({ subscriptionId: s.id, eventId: event.id, eventType: event.type, payload })))
    .onConflictDoNothing();
  return wanted.length;
}

/**
 * Events the bus hands to webhooks: the journal's, as published on the `contacts` topic. Case
 * steps are queued by the cases service itself inside its transaction (`recordEvent`); the bus
 * also carries per-user copies of messages (`user:<id>` topics), which must not turn into one
 * delivery per recipient.
 */
const BUS_TOPICS = new Set(['contacts']);
const interesting = (event: EventEnvelope) =>
  BUS_TOPICS.has(event.topic) && WEBHOOK_EVENTS.some((p) => !p.endsWith('.*') && covers(p, event.type));

/**
 * Turns the journal's bus events into pending deliveries. Events are published after their change commits,
 * so what a receiver is told about is in the database. The window between that commit and
 * this insert is the one place an event can be missed (a crash in between); the delivery itself
 * is then durable and retried — see docs/WEBHOOKS.md. An event no active subscription of its tenant
 * wants costs no transaction (`interest`, kept current by the same bus handler, in event order).
 */
export function installEnqueuer(db: Database, bus: EventBus, log: FastifyBaseLogger, interest = new WebhookInterest(db)): () => void {
  return bus.subscribe((event) => {
    interest.hear(event);
    if (!interesting(event)) return;
    const scope = { tenantId: event.tenantId, clientId: null, actor: { kind: 'system' as const, id: null, name: 'webhooks' } };
    interest
      .wants(event.tenantId, event.type)
      .then((wanted) => (wanted ? withTenant(db, scope, (tx) => enqueueEvent(tx, event)) : 0))
      .catch((err: unknown) => log.error({ err, eventId: event.id, type: event.type }, 'webhook enqueue failed'));
  });
}
