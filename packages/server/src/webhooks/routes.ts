import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { WEBHOOK_PING } from '@linia/engine';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { findOr404, idParams } from '../http/crud.ts';
import { principalOf } from '../http/guard.ts';
import { conflict, notFound } from '../http/problem.ts';
import { afterCursor, page, pageQuery, toPage } from '../http/pagination.ts';
import { deliveriesQuery, deliveryOut, deliveryParams, webhookCreate, webhookOut, webhookPatch, webhookWithSecret } from './contracts.ts';
import { enqueueEvent } from './enqueue.ts';
import { webhookDeliveries, webhookSubscriptions } from './schema.ts';
import { newSigningSecret } from './signature.ts';

const tags = ['webhooks'];
const base = '/api/v1/webhooks';
const permission = 'webhooks.manage' as const;

type Subscription = typeof webhookSubscriptions.$inferSelect;
type Delivery = typeof webhookDeliveries.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function countsOf(tx: Tx, filter?: SQL) {
  const rows = await tx
    .select({
      id: webhookDeliveries.subscriptionId,
      pending: sql<number>`count(*) FILTER (WHERE ${webhookDeliveries.status} = 'pending')::int`,
      failed: sql<number>`count(*) FILTER (WHERE ${webhookDeliveries.status} = 'failed')::int`,
    })
    .from(webhookDeliveries)
    .where(filter)
    .groupBy(webhookDeliveries.subscriptionId);
  return new Map(rows.map((r) => [r.id, r]));
}

function toOut(s: Subscription, counts?: { pending: number; failed: number }) {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    events: s.events,
    active: s.active,
    createdAt: s.createdAt.toISOString(),
    pending: counts?.pending ?? 0,
    failed: counts?.failed ?? 0,
  };
}

function toDelivery(d: Delivery) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    payload: d.payload,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    lastAttemptAt: iso(d.lastAttemptAt),
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
  };
}

async function subscriptionOut(tx: Tx, id: string) {
  const s = await findOr404(tx, webhookSubscriptions, id, 'Webhook');
  return toOut(s, (await countsOf(tx, eq(webhookDeliveries.subscriptionId, id))).get(id));
}

/** Webhook subscriptions (P3): where integrations are told about contacts and cases, and the delivery log. */
export function webhookRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(base, {
    config: { permission },
    schema: { tags, response: { 200: z.object({ items: z.array(webhookOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const rows = await tx.select().from(webhookSubscriptions).orderBy(desc(webhookSubscriptions.createdAt));
    const counts = await countsOf(tx);
    return { items: rows.map((s) => toOut(s, counts.get(s.id))) };
  }));

  app.post(base, {
    config: { permission, idempotent: true },
    schema: { tags, body: webhookCreate, response: { 201: webhookWithSecret } },
  }, async (req, reply) => {
    const principal = principalOf(req);
    const row = await inTenant(ctx, req, async (tx) => {
      const [s] = await tx
        .insert(webhookSubscriptions)
        .values({ ...req.body, signingSecret: newSigningSecret(), createdBy: principal.kind === 'user' ? principal.id : null })
        .returning();
      return s!;
    });
    await announceChange(ctx, req, 'webhook', row.id, 'create');
    return reply.code(201).send({ ...toOut(row), signingSecret: row.signingSecret });
  });

  app.get(`${base}/:id`, {
    config: { permission },
    schema: { tags, params: idParams, response: { 200: webhookOut } },
  }, (req) => inTenant(ctx, req, (tx) => subscriptionOut(tx, req.params.id)));

  app.patch(`${base}/:id`, {
    config: { permission },
    schema: { tags, params: idParams, body: webhookPatch, response: { 200: webhookOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await findOr404(tx, webhookSubscriptions, req.params.id, 'Webhook');
      if (Object.keys(req.body).length > 0) {
        await tx.update(webhookSubscriptions).set(req.body).where(eq(webhookSubscriptions.id, req.params.id));
      }
      return subscriptionOut(tx, req.params.id);
    });
    await announceChange(ctx, req, 'webhook', out.id, 'update');
    return out;
  });

  app.delete(`${base}/:id`, {
    config: { permission },
    schema: { tags, params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await inTenant(ctx, req, async (tx) => {
      await findOr404(tx, webhookSubscriptions, req.params.id, 'Webhook');
      await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, req.params.id));
    });
    await announceChange(ctx, req, 'webhook', req.params.id, 'delete');
    return reply.code(204).send(null);
  });

  // A leaked secret is replaced at once; the receiver must switch to the new one.
  app.post(`${base}/:id/rotate-secret`, {
    config: { permission },
    schema: { tags, params: idParams, response: { 200: webhookWithSecret } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await findOr404(tx, webhookSubscriptions, req.params.id, 'Webhook');
    const signingSecret = newSigningSecret();
    await tx.update(webhookSubscriptions).set({ signingSecret }).where(eq(webhookSubscriptions.id, req.params.id));
    return { ...(await subscriptionOut(tx, req.params.id)), signingSecret };
  }));

  // "Test delivery": a ping event through the same queue, signing and log as real events.
  app.post(`${base}/:id/ping`, {
    config: { permission },
    schema: { tags, params: idParams, response: { 202: z.object({ eventId: z.uuid() }) } },
  }, async (req, reply) => {
    const eventId = randomUUID();
    await inTenant(ctx, req, async (tx) => {
      const s = await findOr404(tx, webhookSubscriptions, req.params.id, 'Webhook');
      // A paused subscription sends nothing, a ping included: testing it would tell nothing.
      if (!s.active) throw conflict('active', 'the webhook is paused; activate it to test the delivery');
      await enqueueEvent(tx, { id: eventId, type: WEBHOOK_PING, at: new Date().toISOString(), data: { subscriptionId: s.id } }, s.id);
    });
    return reply.code(202).send({ eventId });
  });

  app.get(`${base}/:id/deliveries`, {
    config: { permission },
    schema: { tags, params: idParams, querystring: pageQuery.extend(deliveriesQuery.shape), response: { 200: page(deliveryOut) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await findOr404(tx, webhookSubscriptions, req.params.id, 'Webhook');
    const rows = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(
        eq(webhookDeliveries.subscriptionId, req.params.id),
        req.query.status ? eq(webhookDeliveries.status, req.query.status) : undefined,
        afterCursor([webhookDeliveries.createdAt, webhookDeliveries.id], req.query.cursor),
      ))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(req.query.limit + 1);
    return toPage(rows, req.query.limit, (r) => [r.createdAt.toISOString(), r.id], toDelivery);
  }));

  // One more attempt now, for a delivery given up or waiting for its back-off.
  app.post(`${base}/:id/deliveries/:deliveryId/retry`, {
    config: { permission },
    schema: { tags, params: deliveryParams, response: { 200: deliveryOut } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const [d] = await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: new Date() })
      .where(and(eq(webhookDeliveries.id, req.params.deliveryId), eq(webhookDeliveries.subscriptionId, req.params.id)))
      .returning();
    if (!d) throw notFound('Delivery');
    return toDelivery(d);
  }));
}
