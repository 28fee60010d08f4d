import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, type AppContext } from '../http/context.ts';
import { idParams } from '../http/crud.ts';
import { page, pageQuery } from '../http/pagination.ts';
import { badField } from '../http/problem.ts';
import { principalOf } from '../http/guard.ts';
import { envelope } from '../realtime/envelope.ts';
import { knowledgeArticles } from '../knowledge/schema.ts';
import { attachmentOut, attachmentQuery, contactClose, contactCreate, contactOut, contactPatch, journalQuery, messageCreate, messageOut } from './contracts.ts';
import { sendAttachment } from './attachmentFile.ts';
import { contactAttachmentData, contactAttachments, contactMessages } from './schema.ts';
import { closeContact, createContact, journalFilters, journalPage, patchContact, readContact, refreshContactSearch, requireContact, type ContactOut } from './service.ts';
import { exportJournal } from './export.ts';

const tags = ['contacts'];

/** The contact journal (A1): register, list and search, change, close, messages, attachments, CSV. */
export function contactRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const publish = (tenantId: string, type: 'contact.created' | 'contact.closed', c: ContactOut) =>
    ctx.bus.publish(envelope(tenantId, 'contacts', type, { id: c.id, hotlineId: c.hotlineId, channel: c.channel, customerId: c.customerId, agentId: c.agentId, outcome: c.outcome }));

  app.get('/api/v1/contacts', {
    config: { permission: 'contacts.view' },
    schema: { tags, querystring: pageQuery.extend(journalQuery.shape), response: { 200: page(contactOut) } },
  }, (req) => inTenant(ctx, req, (tx) => journalPage(tx, journalFilters(req.query), req.query, !!req.query.q)));

  app.get('/api/v1/contacts/export.csv', {
    config: { permission: 'contacts.view' },
    schema: { tags, querystring: journalQuery.extend({ lang: z.enum(['ru', 'en']).optional() }), produces: ['text/csv'] },
  }, (req, reply) => {
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="contacts-${day}.csv"`)
      .send(exportJournal(ctx, req, req.query));
  });

  app.post('/api/v1/contacts', {
    config: { permission: 'contacts.edit', idempotent: true },
    schema: { tags, body: contactCreate, response: { 201: contactOut } },
  }, async (req, reply) => {
    const principal = principalOf(req);
    const contact = await inTenant(ctx, req, async (tx) => readContact(tx, await createContact(tx, principal, req.body)));
    await publish(principal.tenantId, 'contact.created', contact);
    if (contact.status === 'closed') await publish(principal.tenantId, 'contact.closed', contact);
    return reply.code(201).send(contact);
  });

  app.get('/api/v1/contacts/:id', {
    config: { permission: 'contacts.view' },
    schema: { tags, params: idParams, response: { 200: contactOut } },
  }, (req) => inTenant(ctx, req, (tx) => readContact(tx, req.params.id)));

  app.patch('/api/v1/contacts/:id', {
    config: { permission: 'contacts.edit' },
    schema: { tags, params: idParams, body: contactPatch, response: { 200: contactOut } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await patchContact(tx, req.params.id, req.body);
    return readContact(tx, req.params.id);
  }));

  app.post('/api/v1/contacts/:id/close', {
    config: { permission: 'contacts.edit' },
    schema: { tags, params: idParams, body: contactClose, response: { 200: contactOut } },
  }, async (req) => {
    const principal = principalOf(req);
    const { contact, closed } = await inTenant(ctx, req, async (tx) => {
      const closed = await closeContact(tx, req.params.id, req.body);
      return { contact: await readContact(tx, req.params.id), closed };
    });
    if (closed) await publish(principal.tenantId, 'contact.closed', contact);
    return contact;
  });

  const toMessage = (m: typeof contactMessages.$inferSelect) => ({ ...m, createdAt: m.createdAt.toISOString() });

  app.get('/api/v1/contacts/:id/messages', {
    config: { permission: 'contacts.view' },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(messageOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await requireContact(tx, req.params.id);
    const rows = await tx.select().from(contactMessages).where(eq(contactMessages.contactId, req.params.id)).orderBy(asc(contactMessages.createdAt));
    return { items: rows.map(toMessage) };
  }));

  app.post('/api/v1/contacts/:id/messages', {
    config: { permission: 'contacts.edit', idempotent: true },
    schema: { tags, params: idParams, body: messageCreate, response: { 201: messageOut } },
  }, async (req, reply) => {
    const principal = principalOf(req);
    const message = await inTenant(ctx, req, async (tx) => {
      const contact = await requireContact(tx, req.params.id);
      let body: string;
      let author: 'customer' | 'agent' | 'system' = 'agent';
      if ('articleId' in req.body) {
        // "Insert the answer": the article must be the contact's hotline's or shared.
        const [article] = await tx.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, req.body.articleId));
        if (!article || (article.hotlineId && article.hotlineId !== contact.hotlineId)) throw badField('body.articleId', 'no such article for this hotline');
        body = article.answer || article.body;
      } else {
        body = req.body.body;
        author = req.body.author;
      }
      const [row] = await tx
        .insert(contactMessages)
        .values({ contactId: contact.id, author, authorName: author === 'agent' ? principal.name : null, body })
        .returning();
      await refreshContactSearch(tx, contact.id);
      return row!;
    });
    return reply.code(201).send(toMessage(message));
  });

  attachmentRoutes(root, ctx);
}

/**
 * Attachments: the raw body is the file (any content type), the name in `?fileName=`.
 * Over the limit the request is refused with 413 before the handler runs — nothing is stored;
 * within it, description and bytes are written in one transaction.
 */
function attachmentRoutes(root: FastifyInstance, ctx: AppContext) {
  const toOut = (a: typeof contactAttachments.$inferSelect) => ({ ...a, createdAt: a.createdAt.toISOString() });
  root.register(async (scope) => {
    // In this scope only: every content type arrives as bytes (a JSON file stays a file).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ctx.config.attachmentMaxBytes }, (_req, body, done) => done(null, body));
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.post('/api/v1/contacts/:id/attachments', {
      config: { permission: 'contacts.edit' },
      bodyLimit: ctx.config.attachmentMaxBytes,
      schema: { tags, params: idParams, querystring: attachmentQuery, response: { 201: attachmentOut } },
    }, async (req, reply) => {
      const data = req.body as Buffer | undefined;
      if (!Buffer.isBuffer(data) || data.length === 0) throw badField('body', 'send the file as the request body');
      const contentType = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim();
      const row = await inTenant(ctx, req, async (tx) => {
        await requireContact(tx, req.params.id);
        const [a] = await tx
          .insert(contactAttachments)
          .values({ contactId: req.params.id, fileName: req.query.fileName, contentType, size: data.length, sha256: createHash('sha256').update(data).digest('hex') })
          .returning();
        await tx.insert(contactAttachmentData).values({ attachmentId: a!.id, data });
        return a!;
      });
      return reply.code(201).send(toOut(row));
    });

    app.get('/api/v1/contacts/:id/attachments', {
      config: { permission: 'contacts.view' },
      schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(attachmentOut) }) } },
    }, (req) => inTenant(ctx, req, async (tx) => {
      await requireContact(tx, req.params.id);
      const rows = await tx.select().from(contactAttachments).where(eq(contactAttachments.contactId, req.params.id)).orderBy(asc(contactAttachments.createdAt));
      return { items: rows.map(toOut) };
    }));

    app.get('/api/v1/contacts/:id/attachments/:attachmentId', {
      config: { permission: 'contacts.view' },
      schema: { tags, params: idParams.extend({ attachmentId: z.uuid() }), produces: ['application/octet-stream'] },
    }, (req, reply) => inTenant(ctx, req, (tx) => sendAttachment(tx, reply, req.params.id, req.params.attachmentId)));
  });
}
