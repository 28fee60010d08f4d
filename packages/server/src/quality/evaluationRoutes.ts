import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { idParams, requireReference } from '../http/crud.ts';
import { page, pageQuery } from '../http/pagination.ts';
import { principalOf } from '../http/guard.ts';
import { contacts } from '../contacts/schema.ts';
import { disputeCreate, disputeOut, disputeResolve, evaluationOut, evaluationQuery, evaluationSave, feedbackBody, workspaceOut } from './contracts.ts';
import { acknowledge, giveFeedback, listDisputes, listEvaluations, openDispute, resolveDispute, saveDraft, submit, workspace } from './evaluations.ts';
import { groupOfAgents } from './groups.ts';
import { publishedVersion } from './scorecards.ts';
import { qualityEvaluations } from './schema.ts';

const tags = ['quality'];
const base = '/api/v1/quality';
const ok = z.object({ ok: z.literal(true) });

/**
 * Evaluations: the specialist's list and workspace, draft and submit, feedback; the agent's own
 * evaluations (signed in, filtered to the caller: operators have no quality permission), their
 * acknowledgement and disputes; the lead's dispute resolution.
 */
export function evaluationRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const changed = (req: Parameters<typeof principalOf>[0], id: string) => announceChange(ctx, req, 'quality_evaluation', id, 'update');

  app.get(`${base}/evaluations`, {
    config: { permission: 'quality.use' },
    schema: { tags, querystring: pageQuery.extend(evaluationQuery.shape), response: { 200: page(evaluationOut) } },
  }, (req) => inTenant(ctx, req, (tx) => listEvaluations(tx, principalOf(req), req.query)));

  app.get(`${base}/my-evaluations`, {
    config: { signedIn: true },
    schema: { tags, querystring: pageQuery, response: { 200: page(evaluationOut) } },
  }, (req) => inTenant(ctx, req, (tx) => listEvaluations(tx, principalOf(req), req.query, principalOf(req).id)));

  app.post(`${base}/evaluations`, {
    config: { permission: 'quality.evaluate', idempotent: true },
    schema: { tags, body: z.object({ contactId: z.uuid(), scorecardId: z.uuid() }), response: { 201: z.object({ id: z.uuid() }) } },
  }, async (req, reply) => {
    const me = principalOf(req);
    const id = await inTenant(ctx, req, async (tx) => {
      const c = await requireReference(tx, contacts, req.body.contactId, 'body.contactId', 'contact');
      const version = await publishedVersion(tx, req.body.scorecardId, 'body.scorecardId');
      const groups = await groupOfAgents(tx);
      const [e] = await tx.insert(qualityEvaluations).values({
        contactId: c.id, versionId: version.id, hotlineId: c.hotlineId, agentId: c.agentId, groupId: c.agentId ? (groups.get(c.agentId) ?? null) : null,
        evaluatorId: me.id, status: 'assigned', contactAt: c.endedAt ?? c.createdAt,
      }).returning();
      return e!.id;
    });
    await announceChange(ctx, req, 'quality_evaluation', id, 'create');
    return reply.code(201).send({ id });
  });

  app.get(`${base}/evaluations/:id`, {
    config: { signedIn: true },
    schema: { tags, params: idParams, response: { 200: workspaceOut } },
  }, (req) => inTenant(ctx, req, (tx) => workspace(tx, principalOf(req), req.params.id)));

  app.patch(`${base}/evaluations/:id`, {
    config: { permission: 'quality.evaluate' },
    schema: { tags, params: idParams, body: evaluationSave, response: { 200: workspaceOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await saveDraft(tx, principalOf(req), req.params.id, req.body);
      return workspace(tx, principalOf(req), req.params.id);
    });
    await changed(req, req.params.id);
    return out;
  });

  app.post(`${base}/evaluations/:id/submit`, {
    config: { permission: 'quality.evaluate' },
    schema: { tags, params: idParams, body: evaluationSave, response: { 200: workspaceOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await submit(tx, principalOf(req), req.params.id, req.body);
      return workspace(tx, principalOf(req), req.params.id);
    });
    await changed(req, req.params.id);
    return out;
  });

  app.post(`${base}/evaluations/:id/feedback`, {
    config: { permission: 'quality.evaluate' },
    schema: { tags, params: idParams, body: feedbackBody, response: { 200: ok } },
  }, async (req) => {
    await inTenant(ctx, req, (tx) => giveFeedback(tx, principalOf(req), req.params.id, req.body.feedback));
    await changed(req, req.params.id);
    return { ok: true as const };
  });

  app.post(`${base}/evaluations/:id/acknowledge`, {
    config: { signedIn: true },
    schema: { tags, params: idParams, response: { 200: ok } },
  }, async (req) => {
    await inTenant(ctx, req, (tx) => acknowledge(tx, principalOf(req), req.params.id));
    await changed(req, req.params.id);
    return { ok: true as const };
  });

  app.post(`${base}/evaluations/:id/disputes`, {
    config: { signedIn: true },
    schema: { tags, params: idParams, body: disputeCreate, response: { 201: disputeOut } },
  }, async (req, reply) => {
    const out = await inTenant(ctx, req, (tx) => openDispute(tx, principalOf(req), req.params.id, req.body));
    await changed(req, req.params.id);
    return reply.code(201).send(out);
  });

  app.get(`${base}/disputes`, {
    config: { permission: 'quality.resolve' },
    schema: {
      tags,
      querystring: z.object({ status: z.enum(['open', 'accepted', 'rejected']).optional() }),
      response: { 200: z.object({ items: z.array(disputeOut.extend({ agentName: z.string().nullable(), score: z.number().nullable() })) }) },
    },
  }, (req) => inTenant(ctx, req, async (tx) => ({ items: await listDisputes(tx, principalOf(req), req.query.status) })));

  app.post(`${base}/disputes/:id/resolve`, {
    config: { permission: 'quality.resolve' },
    schema: { tags, params: idParams, body: disputeResolve, response: { 200: workspaceOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, (tx) => resolveDispute(tx, principalOf(req), req.params.id, req.body));
    await changed(req, out.evaluation.id);
    return out;
  });
}
