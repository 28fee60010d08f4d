import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactOut } from '../contacts/contracts.ts';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { idParams } from '../http/crud.ts';
import { principalOf } from '../http/guard.ts';
import { page, pageQuery } from '../http/pagination.ts';
import { attemptCreate, attemptOut, callbackCreate, callbackOut, callbackPatch, callbackQuery } from './contracts.ts';
import { attemptsOf, createCallback, listCallbacks, missedContacts, patchCallback, readCallback, recordAttempt } from './service.ts';

const tags = ['callbacks'];
const base = '/api/v1/callbacks';

/** Missed contacts and callback tasks (A10). */
export function callbackRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(base, {
    config: { permission: 'contacts.view' },
    schema: { tags, querystring: pageQuery.extend(callbackQuery.shape), response: { 200: page(callbackOut) } },
  }, (req) => inTenant(ctx, req, (tx) => listCallbacks(tx, principalOf(req), req.query)));

  app.get(`${base}/missed`, {
    config: { permission: 'contacts.view' },
    schema: { tags, querystring: pageQuery.extend({ hotlineId: z.uuid().optional() }), response: { 200: page(contactOut) } },
  }, (req) => inTenant(ctx, req, (tx) => missedContacts(tx, req.query)));

  app.post(base, {
    config: { permission: 'contacts.edit', idempotent: true },
    schema: { tags, body: callbackCreate, response: { 201: callbackOut } },
  }, async (req, reply) => {
    const out = await inTenant(ctx, req, async (tx) => readCallback(tx, await createCallback(tx, principalOf(req), req.body)));
    await announceChange(ctx, req, 'callback', out.id, 'create');
    return reply.code(201).send(out);
  });

  app.get(`${base}/:id`, {
    config: { permission: 'contacts.view' },
    schema: { tags, params: idParams, response: { 200: callbackOut.extend({ attemptLog: z.array(attemptOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => ({ ...(await readCallback(tx, req.params.id)), attemptLog: await attemptsOf(tx, req.params.id) })));

  app.patch(`${base}/:id`, {
    config: { permission: 'contacts.edit' },
    schema: { tags, params: idParams, body: callbackPatch, response: { 200: callbackOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await patchCallback(tx, req.params.id, req.body);
      return readCallback(tx, req.params.id);
    });
    await announceChange(ctx, req, 'callback', out.id, 'update');
    return out;
  });

  app.post(`${base}/:id/attempts`, {
    config: { permission: 'contacts.edit' },
    schema: { tags, params: idParams, body: attemptCreate, response: { 201: callbackOut } },
  }, async (req, reply) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await recordAttempt(tx, principalOf(req), req.params.id, req.body);
      return readCallback(tx, req.params.id);
    });
    await announceChange(ctx, req, 'callback', out.id, 'update');
    return reply.code(201).send(out);
  });
}
