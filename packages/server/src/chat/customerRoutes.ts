import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { flattenTopics, isWorkingTime, normaliseEmail, normalisePhone, topicIdPath } from '@linia/engine';
import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { withTenant, type Tx } from '../db/index.ts';
import type { AppContext } from '../http/context.ts';
import { badField, conflict } from '../http/problem.ts';
import { envelope } from '../realtime/envelope.ts';
import { arrive } from '../acd/arrive.ts';
import { calendarById, resolveCalendar } from '../calendars/service.ts';
import { openCase, type Outbox } from '../cases/service.ts';
import { sendAttachment } from '../contacts/attachmentFile.ts';
import { contacts } from '../contacts/schema.ts';
import { createContact } from '../contacts/service.ts';
import { hotlines } from '../tenants/schema.ts';
import {
  afterQuery, attachmentParams, chatMessage, chatStart, chatStarted, customerSession, customerState, fileQuery, MAX_MESSAGE_CHARS, messageSend,
  offHoursCreated, offHoursRequest, publicWidget, readSend, typingSend, widgetKeyParams,
} from './contracts.ts';
import { fileOf, fileRoutes, storeAttachment } from './files.ts';
import { appendMessage, checkFlood, listMessages, messageByClientId, type Sent } from './messages.ts';
import { appendAfterJoin } from './systemLines.ts';
import { chatSessions, chatWidgets } from './schema.ts';
import type { ChatService } from './service.ts';
import { hashToken, inChatOf, newToken, scopeFor, sessionOfContact, statusOf, widgetByKey, type SessionRow, type SessionWithContact, type WidgetRow } from './sessions.ts';

const tags = ['chat (customer)'];
export const CHAT_TOKEN_HEADER = 'x-chat-token';
const tokenOf = (req: FastifyRequest) => {
  const t = req.headers[CHAT_TOKEN_HEADER];
  return typeof t === 'string' ? t : undefined;
};

/** Who registers what a customer sends through a widget: the widget itself, as an integration would. */
function widgetPrincipal(w: WidgetRow): Principal {
  return { kind: 'token', id: w.id, name: 'web chat', login: null, role: 'operator', tenantId: w.tenantId, tenantName: '', clientId: null, sessionId: null };
}

/** A phone number or an e-mail address, typed in one field, as a customer identifier. */
function identifierOf(raw: string, field: string) {
  if (raw.includes('@')) {
    const email = normaliseEmail(raw);
    if (!email) throw badField(field, 'not an e-mail address');
    return { kind: 'email' as const, value: email };
  }
  const phone = normalisePhone(raw);
  if (!phone) throw badField(field, 'a phone number (e.g. +7 912 345-67-89) or an e-mail address');
  return { kind: 'phone' as const, value: phone };
}

/** Within the chat's hours: the widget's own calendar, else the hotline's (round the clock without one). */
async function isOpen(tx: Tx, w: WidgetRow, now: Date): Promise<boolean> {
  const calendar = w.calendarId
    ? await calendarById(tx, w.calendarId, (await resolveCalendar(tx, null, w.hotlineId)).calendar.timeZone)
    : (await resolveCalendar(tx, null, w.hotlineId)).calendar;
  return isWorkingTime(now.getTime(), calendar);
}

/**
 * The customer's side of the web chat: public routes, no sign-in. A widget is named by its
 * public key (inactive or unknown → 404); a chat by the random token returned when it starts
 * (header `x-chat-token`), which reaches that chat only. Out of hours a chat does not start and
 * nothing queues; the widget offers a request form that opens a case instead.
 */
export function chatCustomerRoutes(root: FastifyInstance, ctx: AppContext, chat: ChatService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const inChat = <T>(req: FastifyRequest, work: (tx: Tx, sc: SessionWithContact, s: SessionRow) => Promise<T>) =>
    inChatOf(ctx.db, tokenOf(req), async (tx, s) => work(tx, (await sessionOfContact(tx, s.contactId))!, s));

  app.get('/api/v1/chat/widgets/:key', {
    config: { public: true },
    schema: { tags, params: widgetKeyParams, response: { 200: publicWidget } },
  }, async (req) => {
    const w = await widgetByKey(ctx.db, req.params.key);
    return withTenant(ctx.db, scopeFor(w.tenantId), async (tx) => {
      const [h] = await tx.select().from(hotlines).where(eq(hotlines.id, w.hotlineId));
      return {
        name: w.name,
        hotlineName: h!.name,
        greeting: w.greeting,
        open: await isOpen(tx, w, new Date()),
        topics: flattenTopics(h!.topics),
        limits: { messageChars: MAX_MESSAGE_CHARS, attachmentBytes: ctx.config.attachmentMaxBytes, messagesPerMinute: w.messagesPerMinute },
      };
    });
  });

  // Routed: the arrival goes through the ACD, so on a node that does not route it is forwarded there.
  app.post('/api/v1/chat/widgets/:key/chats', {
    config: { public: true, routed: true },
    schema: { tags, params: widgetKeyParams, body: chatStart, response: { 201: chatStarted } },
  }, async (req, reply) => {
    const w = await widgetByKey(ctx.db, req.params.key);
    const body = req.body;
    const identifier = identifierOf(body.contact, 'body.contact');
    const scope = scopeFor(w.tenantId);
    const open = await withTenant(ctx.db, scope, (tx) => isOpen(tx, w, new Date()));
    if (!open) throw conflict('params.key', 'the chat is closed now (out of working hours): leave a request instead');
    const token = newToken();
    const router = await chat.acd.router(w.tenantId);
    let first: Sent | null = null;
    const arrived = await arrive(ctx, router, scope, widgetPrincipal(w), {
      queueId: w.queueId,
      channel: 'chat',
      subject: body.message ? body.message.slice(0, 200) : null,
      customer: { name: body.name, identifiers: [identifier] },
    }, async (tx, contactId) => {
      if (body.topicId) {
        const [h] = await tx.select({ topics: hotlines.topics }).from(hotlines).where(eq(hotlines.id, w.hotlineId));
        if (!topicIdPath(h!.topics, body.topicId)) throw badField('body.topicId', 'no such topic of this hotline');
        await tx.update(contacts).set({ topicId: body.topicId }).where(eq(contacts.id, contactId));
      }
      await tx.insert(chatSessions).values({ clientId: w.clientId, contactId, widgetId: w.id, tokenHash: hashToken(token), customerName: body.name, topicId: body.topicId ?? null });
      if (body.message) first = await appendMessage(tx, contactId, { author: 'customer', authorName: body.name, body: body.message });
    });
    const info = { position: arrived.position, ewtSeconds: arrived.ewtSeconds };
    chat.rememberQueue(arrived.contactId, info);
    await ctx.bus.publish(envelope(w.tenantId, `chat:${arrived.contactId}`, 'chat.queue', { contactId: arrived.contactId, ...info }));
    const state = await withTenant(ctx.db, scope, async (tx) => {
      const sc = (await sessionOfContact(tx, arrived.contactId))!;
      if (first) await chat.messageSent(w.tenantId, sc, first);
      return chat.customerState(tx, sc);
    });
    return reply.code(201).send({ token, state });
  });

  app.post('/api/v1/chat/widgets/:key/requests', {
    config: { public: true },
    schema: { tags, params: widgetKeyParams, body: offHoursRequest, response: { 201: offHoursCreated } },
  }, async (req, reply) => {
    const w = await widgetByKey(ctx.db, req.params.key);
    const identifier = identifierOf(req.body.contact, 'body.contact');
    const outbox: Outbox = [];
    const now = new Date();
    const principal = widgetPrincipal(w);
    const out = await withTenant(ctx.db, scopeFor(w.tenantId), async (tx) => {
      const contactId = await createContact(tx, principal, {
        hotlineId: w.hotlineId,
        channel: 'webform',
        status: 'open',
        customer: { name: req.body.name, identifiers: [identifier] },
        subject: 'Заявка из чата вне рабочего времени',
        messages: [{ author: 'customer', body: req.body.message }],
        agentId: null,
      });
      const { row } = await openCase(tx, { id: null, name: 'web chat', tenantId: w.tenantId }, {
        type: 'support',
        hotlineId: w.hotlineId,
        contactIds: [contactId],
        subject: `Заявка из чата: ${req.body.name}`,
        description: `${req.body.message}\n\n${req.body.name}, ${identifier.value}`,
        impact: 'medium',
        urgency: 'medium',
      }, now, outbox);
      return { caseNumber: row.number, contactId };
    });
    await ctx.bus.publish(envelope(w.tenantId, 'contacts', 'contact.created', { id: out.contactId }));
    for (const e of outbox) await ctx.bus.publish(e);
    return reply.code(201).send(out);
  });

  app.get('/api/v1/chat/session', {
    config: { public: true },
    schema: { tags, querystring: afterQuery, response: { 200: customerSession } },
  }, (req) => inChat(req, async (tx, sc) => ({ state: await chat.customerState(tx, sc), messages: await listMessages(tx, sc.c.id, req.query.after) })));

  /** A customer message: refused after the end (a resend of one already stored excepted) and over the flood limit. */
  const send = async (tx: Tx, sc: SessionWithContact, clientId: string | undefined, write: () => Promise<{ body: string; attachmentId?: string }>): Promise<Sent> => {
    const earlier = clientId ? await messageByClientId(tx, sc.c.id, clientId) : null;
    if (earlier) return { message: earlier, duplicate: true, before: [] };
    if (statusOf(sc.s, sc.c) === 'ended') throw conflict('body', 'the chat has ended');
    const [w] = await tx.select().from(chatWidgets).where(eq(chatWidgets.id, sc.s.widgetId));
    await checkFlood(tx, sc.c.id, w?.messagesPerMinute ?? 30, new Date());
    const m = await write();
    return appendAfterJoin(tx, sc.c.id, { author: 'customer', authorName: sc.s.customerName, body: m.body, clientId, attachmentId: m.attachmentId ?? null });
  };

  app.post('/api/v1/chat/session/messages', {
    config: { public: true },
    schema: { tags, body: messageSend, response: { 200: chatMessage, 201: chatMessage } },
  }, async (req, reply) => {
    const { sc, sent } = await inChat(req, async (tx, sc) => ({ sc, sent: await send(tx, sc, req.body.clientId, async () => ({ body: req.body.body })) }));
    await chat.messageSent(sc.s.tenantId, sc, sent);
    return reply.code(sent.duplicate ? 200 : 201).send(sent.message);
  });

  fileRoutes(root, ctx.config.attachmentMaxBytes, (scope) => {
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/chat/session/attachments', {
      config: { public: true },
      bodyLimit: ctx.config.attachmentMaxBytes,
      schema: { tags, querystring: fileQuery, response: { 200: chatMessage, 201: chatMessage } },
    }, async (req, reply) => {
      const data = fileOf(req.body);
      const { sc, sent } = await inChat(req, async (tx, sc) => ({
        sc,
        sent: await send(tx, sc, req.query.clientId, async () => ({
          body: req.query.fileName,
          attachmentId: await storeAttachment(tx, sc.c.id, req.query.fileName, req.headers['content-type'], data),
        })),
      }));
      await chat.messageSent(sc.s.tenantId, sc, sent);
      return reply.code(sent.duplicate ? 200 : 201).send(sent.message);
    });
  });

  app.get('/api/v1/chat/session/attachments/:attachmentId', {
    config: { public: true },
    schema: { tags, params: attachmentParams, produces: ['application/octet-stream'] },
  }, (req, reply) => inChat(req, (tx, sc) => sendAttachment(tx, reply, sc.c.id, req.params.attachmentId)));

  app.post('/api/v1/chat/session/typing', {
    config: { public: true },
    schema: { tags, body: typingSend, response: { 204: z.null() } },
  }, async (req, reply) => {
    const sc = await inChat(req, async (_tx, sc) => sc);
    await chat.setTyping(sc.s.tenantId, sc, 'customer', req.body.typing);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/chat/session/read', {
    config: { public: true },
    schema: { tags, body: readSend, response: { 204: z.null() } },
  }, async (req, reply) => {
    const sc = await inChat(req, async (_tx, sc) => sc);
    await chat.markRead(sc.s.tenantId, sc.c.id, 'customer', req.body.seq);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/chat/session/end', {
    config: { public: true, routed: true },
    schema: { tags, response: { 200: customerState } },
  }, async (req) => {
    const sc = await inChat(req, async (_tx, sc) => sc);
    if (statusOf(sc.s, sc.c) !== 'ended') await chat.endByCustomer(sc.s.tenantId, sc.c.id);
    return inChat(req, (tx, fresh) => chat.customerState(tx, fresh));
  });

}
