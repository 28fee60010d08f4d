import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import type { AppContext } from '../http/context.ts';
import { requireReference } from '../http/crud.ts';
import { badField } from '../http/problem.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { acdQueues } from '../acd/schema.ts';
import { businessCalendars } from '../calendars/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import { widgetCreate, widgetOut, widgetPatch, widgetQuery } from './contracts.ts';
import { chatWidgets } from './schema.ts';

/** A widget's public key: random, so keys cannot be guessed one from another. */
export const newWidgetKey = () => `wk_${randomBytes(16).toString('base64url')}`;

/** The queue must be a chat queue of the widget's hotline; the calendar one of the tenant's. */
async function checkWidget(tx: Tx, w: { hotlineId: string; queueId: string; calendarId: string | null }) {
  const hotline = await requireReference(tx, hotlines, w.hotlineId, 'body.hotlineId', 'hotline');
  const queue = await requireReference(tx, acdQueues, w.queueId, 'body.queueId', 'queue');
  if (queue.hotlineId !== hotline.id) throw badField('body.queueId', 'the queue belongs to another hotline');
  if (queue.channel !== 'chat') throw badField('body.queueId', 'a chat widget needs a queue of channel chat');
  if (w.calendarId) await requireReference(tx, businessCalendars, w.calendarId, 'body.calendarId', 'calendar');
  return hotline;
}

/** Web-chat widgets per hotline, kept by whoever sets up the ACD (`acd.configure`). */
export function chatWidgetRoutes(app: FastifyInstance, ctx: AppContext) {
  entityRoutes(app, ctx, {
    path: '/api/v1/chat-widgets',
    entity: 'chatWidget',
    title: 'Chat widget',
    table: chatWidgets,
    view: 'acd.configure',
    edit: 'acd.configure',
    out: widgetOut,
    toOut: (w) => ({ ...w, createdAt: w.createdAt.toISOString() }),
    create: widgetCreate,
    patch: widgetPatch,
    listQuery: widgetQuery,
    listFilters: (q) => [q.hotlineId ? eq(chatWidgets.hotlineId, q.hotlineId) : undefined],
    prepareCreate: async (tx, body) => {
      const hotline = await checkWidget(tx, body);
      return { ...body, clientId: hotline.clientId, publicKey: newWidgetKey() };
    },
    preparePatch: async (tx, body, current) => {
      const next = { ...current, ...body };
      const hotline = await checkWidget(tx, next);
      return { ...body, clientId: hotline.clientId };
    },
  });
}
