import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { allowedOrderStatuses, orderTotal } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { findOr404, idParams, requireReference } from '../http/crud.ts';
import { afterCursor, page, pageQuery, toPage } from '../http/pagination.ts';
import { HttpProblem, badField } from '../http/problem.ts';
import { principalOf } from '../http/guard.ts';
import { hotlines } from '../tenants/schema.ts';
import { customers } from '../customers/schema.ts';
import { notifierOf } from '../notify/notifier.ts';
import { notifyCustomers } from '../notify/service.ts';
import { actorOf } from '../cases/service.ts';
import { catalogCreate, catalogOut, catalogPatch, orderCreate, orderEventOut, orderOut, orderQuery, orderStatusBody } from './contracts.ts';
import { catalogItems, orderEvents, orders } from './schema.ts';

type OrderRow = typeof orders.$inferSelect;
const toOrder = (o: OrderRow) => ({
  id: o.id, number: o.number, hotlineId: o.hotlineId, customerId: o.customerId, status: o.status, lines: o.lines, total: o.total,
  address: o.address, comment: o.comment, createdById: o.createdById, createdAt: o.createdAt.toISOString(),
  allowedStatuses: allowedOrderStatuses(o.status),
});

/** Rubles for a message to a customer: 5389.80 → "5 389,80 ₽". */
const rubles = (kopecks: number) => `${new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2 }).format(kopecks / 100)} ₽`;
const STATUS_RU: Record<string, string> = { new: 'принят', confirmed: 'подтверждён', in_fulfilment: 'выполняется', completed: 'выполнен', cancelled: 'отменён' };

/** Tells the customer the order's status through the notifier; the notice lands on their timeline. */
async function notifyStatus(tx: Tx, tenantId: string, ctx: AppContext, o: OrderRow) {
  await notifyCustomers(tx, notifierOf(ctx.db), tenantId, [o.customerId], {
    kind: 'order_status', sourceId: o.id,
    subject: `Заказ № ${o.number} ${STATUS_RU[o.status]}`,
    body: `Ваш заказ № ${o.number} на сумму ${rubles(o.total)} ${STATUS_RU[o.status]}.`,
  });
}

/** The catalog of products and services per hotline, and orders taken in the desk (A6). */
export function orderRoutes(root: FastifyInstance, ctx: AppContext) {
  entityRoutes(root, ctx, {
    path: '/api/v1/catalog',
    entity: 'catalog_item',
    title: 'Catalog item',
    table: catalogItems,
    view: 'cases.view',
    edit: 'cases.manage',
    out: catalogOut,
    toOut: (c) => ({ ...c, createdAt: c.createdAt.toISOString() }),
    create: catalogCreate,
    patch: catalogPatch,
    listQuery: z.object({ hotlineId: z.uuid().optional(), active: z.enum(['true', 'false']).optional() }),
    listFilters: (q) => [q.hotlineId ? eq(catalogItems.hotlineId, q.hotlineId) : undefined, q.active ? eq(catalogItems.active, q.active === 'true') : undefined],
    prepareCreate: async (tx, body) => {
      await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
      return body;
    },
  });

  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const tenantOf = (req: FastifyRequest) => principalOf(req).tenantId;

  app.get('/api/v1/orders', {
    config: { permission: 'cases.view' },
    schema: { tags, querystring: pageQuery.extend(orderQuery.shape), response: { 200: page(orderOut) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const q = req.query;
    const rows = await tx.select().from(orders)
      .where(and(
        q.customerId ? eq(orders.customerId, q.customerId) : undefined, q.hotlineId ? eq(orders.hotlineId, q.hotlineId) : undefined,
        q.status ? eq(orders.status, q.status) : undefined, afterCursor([orders.createdAt, orders.id], q.cursor),
      ))
      .orderBy(desc(orders.createdAt), desc(orders.id)).limit(q.limit + 1);
    return toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], toOrder);
  }));

  app.post('/api/v1/orders', {
    config: { permission: 'cases.edit', idempotent: true },
    schema: { tags, body: orderCreate, response: { 201: orderOut } },
  }, async (req, reply) => {
    const actor = actorOf(principalOf(req));
    const row = await inTenant(ctx, req, async (tx) => {
      const hotline = await requireReference(tx, hotlines, req.body.hotlineId, 'body.hotlineId', 'hotline');
      await requireReference(tx, customers, req.body.customerId, 'body.customerId', 'customer');
      const lines = [];
      for (const [i, l] of req.body.lines.entries()) {
        const item = await requireReference(tx, catalogItems, l.itemId, `body.lines.${i}.itemId`, 'catalog item');
        if (item.hotlineId !== hotline.id || !item.active) throw badField(`body.lines.${i}.itemId`, 'not sold on this hotline');
        lines.push({ itemId: item.id, name: item.name, quantity: l.quantity, unitPrice: item.price });
      }
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('orders:' || current_setting('linia.tenant_id')))`);
      const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${orders.number}), 0) + 1` }).from(orders)) as [{ next: number }];
      const [o] = await tx.insert(orders).values({
        clientId: hotline.clientId, hotlineId: hotline.id, number: Number(next), customerId: req.body.customerId, lines,
        total: orderTotal(lines), address: req.body.address ?? null, comment: req.body.comment ?? null, createdById: actor.id,
      }).returning();
      await tx.insert(orderEvents).values({ orderId: o!.id, from: null, to: 'new', actorId: actor.id, actorName: actor.name });
      await notifyStatus(tx, actor.tenantId, ctx, o!);
      return o!;
    });
    await announceChange(ctx, req, 'order', row.id, 'create');
    return reply.code(201).send(toOrder(row));
  });

  app.get('/api/v1/orders/:id', {
    config: { permission: 'cases.view' },
    schema: { tags, params: idParams, response: { 200: orderOut } },
  }, (req) => inTenant(ctx, req, async (tx) => toOrder(await findOr404(tx, orders, req.params.id, 'Order'))));

  app.post('/api/v1/orders/:id/status', {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: orderStatusBody, response: { 200: orderOut } },
  }, async (req) => {
    const actor = actorOf(principalOf(req));
    const row = await inTenant(ctx, req, async (tx) => {
      const o = await findOr404(tx, orders, req.params.id, 'Order');
      const allowed = allowedOrderStatuses(o.status);
      if (!allowed.includes(req.body.status)) {
        const list = allowed.join(', ') || 'none';
        throw new HttpProblem(409, `${o.status} → ${req.body.status} is not allowed; allowed: ${list}`, [{ field: 'body.status', message: `allowed: ${list}` }]);
      }
      const [saved] = await tx.update(orders).set({ status: req.body.status }).where(eq(orders.id, o.id)).returning();
      await tx.insert(orderEvents).values({ orderId: o.id, from: o.status, to: req.body.status, comment: req.body.comment ?? null, actorId: actor.id, actorName: actor.name });
      await notifyStatus(tx, tenantOf(req), ctx, saved!);
      return saved!;
    });
    await announceChange(ctx, req, 'order', row.id, 'update');
    return toOrder(row);
  });

  app.get('/api/v1/orders/:id/events', {
    config: { permission: 'cases.view' },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(orderEventOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await findOr404(tx, orders, req.params.id, 'Order');
    const rows = await tx.select().from(orderEvents).where(eq(orderEvents.orderId, req.params.id)).orderBy(asc(orderEvents.createdAt), asc(orderEvents.seq));
    return { items: rows.map((e) => ({ id: e.id, from: e.from, to: e.to, comment: e.comment, actorName: e.actorName, createdAt: e.createdAt.toISOString() })) };
  }));
}
