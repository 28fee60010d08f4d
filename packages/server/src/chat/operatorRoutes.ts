import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, inArray, isNull } from 'drizzle-orm';
import { can } from '@linia/engine';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { inTenant, type AppContext } from '../http/context.ts';
import { principalOf } from '../http/guard.ts';
import { conflict, HttpProblem } from '../http/problem.ts';
import { contacts } from '../contacts/schema.ts';
import { chatDetail, chatMessage, chatParams, chatSummary, fileQuery, messageSend, readSend, typingSend } from './contracts.ts';
import { fileOf, fileRoutes, storeAttachment } from './files.ts';
import { listMessages, messageByClientId } from './messages.ts';
import { appendAfterJoin } from './systemLines.ts';
import { chatSessions } from './schema.ts';
import { heldBy, holderOf, sessionOfContact, sessionsWhere, statusOf, summaryOf, type SessionWithContact } from './sessions.ts';
import type { ChatService } from './service.ts';

const tags = ['chat'];

/**
 * The operator's side of web chats (docs/CHAT.md): the chats the caller holds in the ACD, one
 * chat with its transcript, sending, files, typing, read marks and the end. Only the agent who
 * holds a chat (offered, connected or in wrap-up) reaches it — anyone else gets 404, not a hint
 * that it exists; a lead with `floor.control` may read any chat of the tenant (watching the floor).
 */
export function chatOperatorRoutes(root: FastifyInstance, ctx: AppContext, chat: ChatService) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  /** The chat the caller holds, read in the caller's tenant transaction; 404 otherwise. */
  const mine = async (tx: Tx, req: FastifyRequest, contactId: string, watch = false): Promise<SessionWithContact> => {
    const p = principalOf(req);
    const sc = await sessionOfContact(tx, contactId);
    if (!sc) throw new HttpProblem(404, 'Chat not found');
    if (holderOf(sc.c) === p.id) return sc;
    if (watch && can(p.role, 'floor.control')) return sc;
    throw new HttpProblem(404, 'Chat not found');
  };
  const writable = (sc: SessionWithContact) => {
    if (statusOf(sc.s, sc.c) === 'ended') throw conflict('params.contactId', 'the chat has ended');
    if (sc.c.routingStatus !== 'connected') throw conflict('params.contactId', 'accept the chat first');
  };

  app.get('/api/v1/chats/mine', {
    config: { permission: 'desk.use' },
    schema: { tags, response: { 200: z.object({ items: z.array(chatSummary) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const rows = await sessionsWhere(tx, heldBy(principalOf(req).id));
    return { items: await Promise.all(rows.map((r) => summaryOf(tx, r, chat))) };
  }));

  app.get('/api/v1/chats/live', {
    config: { permission: 'floor.control' },
    schema: { tags, response: { 200: z.object({ items: z.array(chatSummary.extend({ agentId: z.uuid() })) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const rows = await sessionsWhere(tx, and(isNull(chatSessions.endedAt), inArray(contacts.routingStatus, ['offered', 'connected'])), 500);
    const held = rows.filter((r) => holderOf(r.c) !== null);
    return { items: await Promise.all(held.map(async (r) => ({ ...(await summaryOf(tx, r, chat)), agentId: holderOf(r.c)! }))) };
  }));

  app.get('/api/v1/chats/:contactId', {
    config: { permission: 'desk.use' },
    schema: { tags, params: chatParams, response: { 200: chatDetail } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const sc = await mine(tx, req, req.params.contactId, true);
    return { ...(await summaryOf(tx, sc, chat)), messages: await listMessages(tx, sc.c.id), customerReadSeq: sc.s.customerReadSeq, agentReadSeq: sc.s.agentReadSeq };
  }));

  app.post('/api/v1/chats/:contactId/messages', {
    config: { permission: 'desk.use' },
    schema: { tags, params: chatParams, body: messageSend, response: { 200: chatMessage, 201: chatMessage } },
  }, async (req, reply) => {
    const p = principalOf(req);
    const { sc, sent } = await inTenant(ctx, req, async (tx) => {
      const sc = await mine(tx, req, req.params.contactId);
      // A resend of a message already stored is answered as before, even after the end.
      const earlier = req.body.clientId ? await messageByClientId(tx, sc.c.id, req.body.clientId) : null;
      if (earlier) return { sc, sent: { message: earlier, duplicate: true, before: [] } };
      writable(sc);
      return { sc, sent: await appendAfterJoin(tx, sc.c.id, { author: 'agent', authorName: p.name, body: req.body.body, clientId: req.body.clientId }) };
    });
    await chat.messageSent(p.tenantId, sc, sent);
    return reply.code(sent.duplicate ? 200 : 201).send(sent.message);
  });

  fileRoutes(root, ctx.config.attachmentMaxBytes, (scope) => {
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/chats/:contactId/attachments', {
      config: { permission: 'desk.use' },
      bodyLimit: ctx.config.attachmentMaxBytes,
      schema: { tags, params: chatParams, querystring: fileQuery, response: { 200: chatMessage, 201: chatMessage } },
    }, async (req, reply) => {
      const p = principalOf(req);
      const data = fileOf(req.body);
      const { sc, sent } = await inTenant(ctx, req, async (tx) => {
        const sc = await mine(tx, req, req.params.contactId);
        writable(sc);
        const attachmentId = await storeAttachment(tx, sc.c.id, req.query.fileName, req.headers['content-type'], data);
        return { sc, sent: await appendAfterJoin(tx, sc.c.id, { author: 'agent', authorName: p.name, body: req.query.fileName, clientId: req.query.clientId, attachmentId }) };
      });
      await chat.messageSent(p.tenantId, sc, sent);
      return reply.code(sent.duplicate ? 200 : 201).send(sent.message);
    });
  });

  app.post('/api/v1/chats/:contactId/typing', {
    config: { permission: 'desk.use' },
    schema: { tags, params: chatParams, body: typingSend, response: { 204: z.null() } },
  }, async (req, reply) => {
    const sc = await inTenant(ctx, req, (tx) => mine(tx, req, req.params.contactId));
    await chat.setTyping(principalOf(req).tenantId, sc, 'agent', req.body.typing);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/chats/:contactId/read', {
    config: { permission: 'desk.use' },
    schema: { tags, params: chatParams, body: readSend, response: { 204: z.null() } },
  }, async (req, reply) => {
    await inTenant(ctx, req, (tx) => mine(tx, req, req.params.contactId));
    await chat.markRead(principalOf(req).tenantId, req.params.contactId, 'agent', req.body.seq);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/chats/:contactId/end', {
    config: { permission: 'desk.use', routed: true },
    schema: { tags, params: chatParams, response: { 200: chatSummary } },
  }, async (req) => {
    const p = principalOf(req);
    const sc = await inTenant(ctx, req, (tx) => mine(tx, req, req.params.contactId));
    if (statusOf(sc.s, sc.c) !== 'ended') await chat.endByAgent(p.tenantId, sc.c.id, p.id);
    return inTenant(ctx, req, async (tx) => summaryOf(tx, (await sessionOfContact(tx, sc.c.id))!, chat));
  });
}
