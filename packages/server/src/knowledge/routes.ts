import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq, isNull, or } from 'drizzle-orm';
import { lineDiff } from '@linia/engine';
import { z } from 'zod';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { idParams, requireReference } from '../http/crud.ts';
import { page, pageQuery } from '../http/pagination.ts';
import { badField } from '../http/problem.ts';
import { principalOf } from '../http/guard.ts';
import { hotlines } from '../tenants/schema.ts';
import { articleCreate, articleOut, articlePatch, articleQuery, categoryCreate, categoryOut, diffOut, diffQuery, readsOut, versionOut } from './contracts.ts';
import { knowledgeArticles, knowledgeCategories } from './schema.ts';
import { confirmRead, createArticle, listArticles, patchArticle, readsOf, requireArticle, toArticleOut, unconfirmedFor, versionsOf } from './service.ts';

const tags = ['knowledge'];
const base = '/api/v1/knowledge';

/** The knowledge base (A4): categories, articles and Q&A, search, versions and diffs, read confirmations. */
export function knowledgeRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const toCategory = (c: typeof knowledgeCategories.$inferSelect) => ({ ...c, createdAt: c.createdAt.toISOString() });

  app.get(`${base}/categories`, {
    config: { permission: 'knowledge.view' },
    schema: { tags, querystring: z.object({ hotlineId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(categoryOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const rows = await tx
      .select()
      .from(knowledgeCategories)
      .where(req.query.hotlineId ? or(eq(knowledgeCategories.hotlineId, req.query.hotlineId), isNull(knowledgeCategories.hotlineId)) : undefined)
      .orderBy(asc(knowledgeCategories.name));
    return { items: rows.map(toCategory) };
  }));

  app.post(`${base}/categories`, {
    config: { permission: 'knowledge.edit', idempotent: true },
    schema: { tags, body: categoryCreate, response: { 201: categoryOut } },
  }, async (req, reply) => {
    const row = await inTenant(ctx, req, async (tx) => {
      if (req.body.hotlineId) await requireReference(tx, hotlines, req.body.hotlineId, 'body.hotlineId', 'hotline');
      const [c] = await tx.insert(knowledgeCategories).values({ name: req.body.name, hotlineId: req.body.hotlineId ?? null }).returning();
      return c!;
    });
    return reply.code(201).send(toCategory(row));
  });

  app.get(`${base}/articles`, {
    config: { permission: 'knowledge.view' },
    schema: { tags, querystring: pageQuery.extend(articleQuery.shape), response: { 200: page(articleOut) } },
  }, (req) => inTenant(ctx, req, (tx) => listArticles(tx, req.query, req.query)));

  app.get(`${base}/unconfirmed`, {
    config: { permission: 'knowledge.view' },
    schema: { tags, response: { 200: z.object({ items: z.array(articleOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => ({ items: await unconfirmedFor(tx, principalOf(req)) })));

  app.post(`${base}/articles`, {
    config: { permission: 'knowledge.edit', idempotent: true },
    schema: { tags, body: articleCreate, response: { 201: articleOut } },
  }, async (req, reply) => {
    const out = await inTenant(ctx, req, (tx) => createArticle(tx, principalOf(req), req.body));
    await announceChange(ctx, req, 'knowledge_article', out.id, 'create');
    return reply.code(201).send(out);
  });

  app.get(`${base}/articles/:id`, {
    config: { permission: 'knowledge.view' },
    schema: { tags, params: idParams, response: { 200: articleOut } },
  }, (req) => inTenant(ctx, req, async (tx) => toArticleOut(await requireArticle(tx, req.params.id))));

  app.patch(`${base}/articles/:id`, {
    config: { permission: 'knowledge.edit' },
    schema: { tags, params: idParams, body: articlePatch, response: { 200: articleOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, (tx) => patchArticle(tx, principalOf(req), req.params.id, req.body));
    await announceChange(ctx, req, 'knowledge_article', out.id, 'update');
    return out;
  });

  app.delete(`${base}/articles/:id`, {
    config: { permission: 'knowledge.edit' },
    schema: { tags, params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await inTenant(ctx, req, async (tx) => {
      await requireArticle(tx, req.params.id);
      await tx.delete(knowledgeArticles).where(eq(knowledgeArticles.id, req.params.id));
    });
    await announceChange(ctx, req, 'knowledge_article', req.params.id, 'delete');
    return reply.code(204).send(null);
  });

  app.get(`${base}/articles/:id/versions`, {
    config: { permission: 'knowledge.view' },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(versionOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => ({ items: await versionsOf(tx, req.params.id) })));

  app.get(`${base}/articles/:id/diff`, {
    config: { permission: 'knowledge.view' },
    schema: { tags, params: idParams, querystring: diffQuery, response: { 200: diffOut } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const versions = await versionsOf(tx, req.params.id);
    const from = versions.find((v) => v.version === req.query.from);
    const to = versions.find((v) => v.version === req.query.to);
    if (!from) throw badField('query.from', 'no such version');
    if (!to) throw badField('query.to', 'no such version');
    return {
      from: from.version, to: to.version,
      title: lineDiff(from.title, to.title), answer: lineDiff(from.answer, to.answer), body: lineDiff(from.body, to.body),
    };
  }));

  app.post(`${base}/articles/:id/confirm`, {
    config: { permission: 'knowledge.view' },
    schema: { tags, params: idParams, response: { 200: z.object({ version: z.number() }) } },
  }, (req) => inTenant(ctx, req, (tx) => confirmRead(tx, principalOf(req), req.params.id)));

  app.get(`${base}/articles/:id/reads`, {
    config: { permission: 'knowledge.view' },
    schema: { tags, params: idParams, response: { 200: readsOut } },
  }, (req) => inTenant(ctx, req, (tx) => readsOf(tx, req.params.id)));
}
