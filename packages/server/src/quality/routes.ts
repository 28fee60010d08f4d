import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomInt } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { findOr404, idParams, requireReference } from '../http/crud.ts';
import { principalOf } from '../http/guard.ts';
import { users } from '../people/schema.ts';
import {
  groupCreate, groupOut, groupPatch, planCreate, planOut, planPatch, planRun, planRunOut, scorecardContent, scorecardCreate, scorecardDetail, scorecardOut,
} from './contracts.ts';
import { checkPlanRefs, runPlan, toPlanOut } from './plans.ts';
import { createScorecard, editScorecard, publishScorecard, scorecardDetailOf, toScorecardOut } from './scorecards.ts';
import { qualityGroups, qualityPlans, qualityScorecards } from './schema.ts';
import { evaluationRoutes } from './evaluationRoutes.ts';
import { reportRoutes } from './reportRoutes.ts';
import { calibrationRoutes } from './calibrationRoutes.ts';

const tags = ['quality'];
export const QUALITY_BASE = '/api/v1/quality';

/** Quality control (Q1–Q5): groups, scorecards with versions, sampling plans; evaluations, reports and calibration in their own files. */
export function qualityRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const base = QUALITY_BASE;

  entityRoutes(root, ctx, {
    path: `${base}/groups`, entity: 'quality_group', title: 'Group', table: qualityGroups, view: 'quality.use', edit: 'quality.manage',
    out: groupOut, toOut: (g) => ({ id: g.id, name: g.name, leadId: g.leadId, memberIds: g.memberIds, createdAt: g.createdAt.toISOString() }),
    create: groupCreate, patch: groupPatch, listQuery: z.object({}), listFilters: () => [],
    prepareCreate: async (tx, body) => {
      await checkPeople(tx, body);
      return { name: body.name, leadId: body.leadId ?? null, memberIds: body.memberIds };
    },
    preparePatch: async (tx, body) => {
      await checkPeople(tx, body);
      return body;
    },
  });

  entityRoutes(root, ctx, {
    path: `${base}/plans`, entity: 'quality_plan', title: 'Plan', table: qualityPlans, view: 'quality.use', edit: 'quality.manage',
    out: planOut, toOut: toPlanOut, create: planCreate, patch: planPatch, listQuery: z.object({}), listFilters: () => [],
    prepareCreate: async (tx, body) => {
      await checkPlanRefs(tx, body);
      // A seed drawn once and stored: every re-run of the plan over the same period draws the same sample.
      return { ...body, hotlineId: body.hotlineId ?? null, groupId: body.groupId ?? null, seed: body.seed ?? randomInt(2_147_483_647) };
    },
    preparePatch: async (tx, body) => {
      await checkPlanRefs(tx, body);
      return body;
    },
  });

  app.post(`${base}/plans/:id/run`, {
    config: { permission: 'quality.manage' },
    schema: { tags, params: idParams, body: planRun, response: { 200: planRunOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => runPlan(tx, await findOr404(tx, qualityPlans, req.params.id, 'Plan'), req.body, new Date()));
    await announceChange(ctx, req, 'quality_evaluation', req.params.id, 'create');
    return out;
  });

  app.get(`${base}/scorecards`, {
    config: { permission: 'quality.use' },
    schema: { tags, response: { 200: z.object({ items: z.array(scorecardOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => ({ items: (await tx.select().from(qualityScorecards).orderBy(asc(qualityScorecards.title))).map(toScorecardOut) })));

  app.post(`${base}/scorecards`, {
    config: { permission: 'quality.manage', idempotent: true },
    schema: { tags, body: scorecardCreate, response: { 201: scorecardDetail } },
  }, async (req, reply) => {
    const out = await inTenant(ctx, req, (tx) => createScorecard(tx, principalOf(req).id, req.body));
    await announceChange(ctx, req, 'quality_scorecard', out.id, 'create');
    return reply.code(201).send(out);
  });

  app.get(`${base}/scorecards/:id`, {
    config: { permission: 'quality.use' },
    schema: { tags, params: idParams, response: { 200: scorecardDetail } },
  }, (req) => inTenant(ctx, req, (tx) => scorecardDetailOf(tx, req.params.id)));

  app.patch(`${base}/scorecards/:id`, {
    config: { permission: 'quality.manage' },
    schema: { tags, params: idParams, body: scorecardContent, response: { 200: scorecardDetail } },
  }, async (req) => {
    const out = await inTenant(ctx, req, (tx) => editScorecard(tx, principalOf(req).id, req.params.id, req.body));
    await announceChange(ctx, req, 'quality_scorecard', out.id, 'update');
    return out;
  });

  app.post(`${base}/scorecards/:id/publish`, {
    config: { permission: 'quality.manage' },
    schema: { tags, params: idParams, response: { 200: scorecardDetail } },
  }, async (req) => {
    const out = await inTenant(ctx, req, (tx) => publishScorecard(tx, req.params.id));
    await announceChange(ctx, req, 'quality_scorecard', out.id, 'update');
    return out;
  });

  evaluationRoutes(root, ctx);
  reportRoutes(root, ctx);
  calibrationRoutes(root, ctx);
}

async function checkPeople(tx: Parameters<typeof requireReference>[0], body: { leadId?: string | null; memberIds?: string[] }) {
  if (body.leadId) await requireReference(tx, users, body.leadId, 'body.leadId', 'user');
  for (const [i, id] of (body.memberIds ?? []).entries()) await requireReference(tx, users, id, `body.memberIds.${i}`, 'user');
}
