import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { findOr404, idParams } from '../http/crud.ts';
import { principalOf } from '../http/guard.ts';
import { runOut, runPut, scriptCreate, scriptListQuery, scriptMatchQuery, scriptOut, scriptPatch } from './contracts.ts';
import { scripts } from './schema.ts';
import { createScript, patchScript, putRun, readRun, scriptFor, toScriptOut } from './service.ts';

const tags = ['scripts'];
const base = '/api/v1/scripts';

/** Conversation scripts (A3): kept by seniors, leads and managers; walked by operators on contacts. */
export function scriptRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(base, {
    config: { permission: 'scripts.view' },
    schema: { tags, querystring: scriptListQuery, response: { 200: z.object({ items: z.array(scriptOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const rows = await tx
      .select()
      .from(scripts)
      .where(req.query.hotlineId ? eq(scripts.hotlineId, req.query.hotlineId) : undefined)
      .orderBy(asc(scripts.name), desc(scripts.createdAt));
    return { items: rows.map(toScriptOut) };
  }));

  // Declared before /:id so "match" is not taken for an id.
  app.get(`${base}/match`, {
    config: { permission: 'scripts.view' },
    schema: { tags, querystring: scriptMatchQuery, response: { 200: z.object({ script: scriptOut.nullable() }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const s = await scriptFor(tx, req.query.hotlineId, req.query.topicId);
    return { script: s ? toScriptOut(s) : null };
  }));

  app.get(`${base}/:id`, {
    config: { permission: 'scripts.view' },
    schema: { tags, params: idParams, response: { 200: scriptOut } },
  }, (req) => inTenant(ctx, req, async (tx) => toScriptOut(await findOr404(tx, scripts, req.params.id, 'Script'))));

  app.post(base, {
    config: { permission: 'scripts.edit', idempotent: true },
    schema: { tags, body: scriptCreate, response: { 201: scriptOut } },
  }, async (req, reply) => {
    const row = await inTenant(ctx, req, (tx) => createScript(tx, req.body));
    await announceChange(ctx, req, 'script', row.id, 'create');
    return reply.code(201).send(toScriptOut(row));
  });

  app.patch(`${base}/:id`, {
    config: { permission: 'scripts.edit' },
    schema: { tags, params: idParams, body: scriptPatch, response: { 200: scriptOut } },
  }, async (req) => {
    const row = await inTenant(ctx, req, (tx) => patchScript(tx, req.params.id, req.body));
    await announceChange(ctx, req, 'script', row.id, 'update');
    return toScriptOut(row);
  });

  app.delete(`${base}/:id`, {
    config: { permission: 'scripts.edit' },
    schema: { tags, params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await inTenant(ctx, req, async (tx) => {
      await findOr404(tx, scripts, req.params.id, 'Script');
      await tx.delete(scripts).where(eq(scripts.id, req.params.id));
    });
    await announceChange(ctx, req, 'script', req.params.id, 'delete');
    return reply.code(204).send(null);
  });

  app.get('/api/v1/contacts/:id/script-run', {
    config: { permission: 'contacts.view' },
    schema: { tags, params: idParams, response: { 200: z.object({ run: runOut.nullable() }) } },
  }, (req) => inTenant(ctx, req, async (tx) => ({ run: await readRun(tx, req.params.id) })));

  app.put('/api/v1/contacts/:id/script-run', {
    config: { permission: 'contacts.edit' },
    schema: { tags, params: idParams, body: runPut, response: { 200: runOut } },
  }, (req) => inTenant(ctx, req, (tx) => putRun(tx, principalOf(req), req.params.id, req.body)));
}
