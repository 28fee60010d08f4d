import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { findOr404, idParams, requireReference } from '../http/crud.ts';
import { page, pageQuery, afterCursor, toPage } from '../http/pagination.ts';
import { badField, conflict } from '../http/problem.ts';
import { principalOf } from '../http/guard.ts';
import { hotlines } from '../tenants/schema.ts';
import { customers } from '../customers/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { notifierOf } from '../notify/notifier.ts';
import { notifyCustomers } from '../notify/service.ts';
import { linkIncidentBody, maintenanceNoticeBody, noticeOut, problemCreate, problemNoticeBody, problemOut, problemPatch } from './contracts.ts';
import { cases, outageNotices, problems } from './schema.ts';
import { actorOf, recordEvent } from './service.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toProblem = (p: typeof problems.$inferSelect) => ({ ...p, createdAt: p.createdAt.toISOString(), resolvedAt: iso(p.resolvedAt) });
const toNotice = (n: typeof outageNotices.$inferSelect) => ({
  id: n.id, problemId: n.problemId, hotlineId: n.hotlineId, kind: n.kind, subject: n.subject, body: n.body,
  recipients: n.recipients, createdAt: n.createdAt.toISOString(),
});

/** Links an incident to a problem (only incidents have a common cause to share). */
async function linkIncident(tx: Tx, problemId: string, caseId: string, field: string, actor: ReturnType<typeof actorOf>) {
  const c = await requireReference(tx, cases, caseId, field, 'case');
  if (c.type !== 'incident') throw conflict(field, 'only an incident is linked to a problem');
  await tx.update(cases).set({ problemId }).where(eq(cases.id, caseId));
  await recordEvent(tx, caseId, 'problem_linked', actor, { problemId }, new Date());
}

/**
 * Problems (the common cause of incidents) and outage notices: from a problem to the customers of
 * its incidents, or for a planned maintenance to the customers of a hotline.
 */
export function problemRoutes(root: FastifyInstance, ctx: AppContext) {
  entityRoutes(root, ctx, {
    path: '/api/v1/problems',
    entity: 'problem',
    title: 'Problem',
    table: problems,
    view: 'cases.view',
    edit: 'cases.edit',
    out: problemOut,
    toOut: toProblem,
    create: problemCreate,
    patch: problemPatch,
    listQuery: z.object({ status: z.enum(['open', 'resolved']).optional() }),
    listFilters: (q) => [q.status ? eq(problems.status, q.status) : undefined],
    prepareCreate: async (tx, body) => {
      if (body.hotlineId) await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
      return body;
    },
    preparePatch: async (_tx, body, current) =>
      body.status && body.status !== current.status ? { ...body, resolvedAt: body.status === 'resolved' ? new Date() : null } : body,
  });

  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['problems'];

  app.post('/api/v1/problems/:id/incidents', {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: linkIncidentBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await inTenant(ctx, req, async (tx) => {
      await findOr404(tx, problems, req.params.id, 'Problem');
      await linkIncident(tx, req.params.id, req.body.caseId, 'body.caseId', actorOf(principalOf(req)));
    });
    await announceChange(ctx, req, 'case', req.body.caseId, 'update');
    return reply.code(204).send(null);
  });

  const send = async (tx: Tx, tenantId: string, createdById: string | null, n: { kind: 'suspension' | 'resumption'; subject: string; body: string; problemId: string | null; hotlineId: string | null }, customerIds: string[]) => {
    const [notice] = await tx.insert(outageNotices).values({ ...n, createdById }).returning();
    const recipients = await notifyCustomers(tx, notifierOf(ctx.db), tenantId, customerIds, {
      kind: `outage_${n.kind}`, sourceId: notice!.id, subject: n.subject, body: n.body,
    });
    const [saved] = await tx.update(outageNotices).set({ recipients }).where(eq(outageNotices.id, notice!.id)).returning();
    return toNotice(saved!);
  };

  app.post('/api/v1/problems/:id/notices', {
    config: { permission: 'cases.notify' },
    schema: { tags, params: idParams, body: problemNoticeBody, response: { 201: noticeOut } },
  }, async (req, reply) => {
    const p = principalOf(req);
    const out = await inTenant(ctx, req, async (tx) => {
      const problem = await findOr404(tx, problems, req.params.id, 'Problem');
      const affected = await tx
        .selectDistinct({ id: cases.customerId })
        .from(cases)
        .where(and(eq(cases.problemId, problem.id), isNotNull(cases.customerId)));
      return send(tx, p.tenantId, actorOf(p).id, { ...req.body, problemId: problem.id, hotlineId: problem.hotlineId }, affected.map((a) => a.id!));
    });
    await announceChange(ctx, req, 'outage_notice', out.id, 'create');
    return reply.code(201).send(out);
  });

  app.post('/api/v1/outage-notices', {
    config: { permission: 'cases.notify', idempotent: true },
    schema: { tags, body: maintenanceNoticeBody, response: { 201: noticeOut } },
  }, async (req, reply) => {
    const p = principalOf(req);
    const out = await inTenant(ctx, req, async (tx) => {
      await requireReference(tx, hotlines, req.body.hotlineId, 'body.hotlineId', 'hotline');
      let ids: string[];
      if (req.body.customerIds) {
        const found = req.body.customerIds.length
          ? await tx.select({ id: customers.id }).from(customers).where(inArray(customers.id, req.body.customerIds))
          : [];
        const missing = req.body.customerIds.findIndex((id) => !found.some((f) => f.id === id));
        if (missing >= 0) throw badField(`body.customerIds.${missing}`, 'no such customer');
        ids = found.map((f) => f.id);
      } else {
        // Everyone who has contacted the hotline is a customer of its service.
        const rows = await tx.selectDistinct({ id: contacts.customerId }).from(contacts).where(and(eq(contacts.hotlineId, req.body.hotlineId), isNotNull(contacts.customerId)));
        ids = rows.map((r) => r.id!);
      }
      const { customerIds: _omit, ...n } = req.body;
      return send(tx, p.tenantId, actorOf(p).id, { ...n, problemId: null }, ids);
    });
    await announceChange(ctx, req, 'outage_notice', out.id, 'create');
    return reply.code(201).send(out);
  });

  app.get('/api/v1/outage-notices', {
    config: { permission: 'cases.view' },
    schema: { tags, querystring: pageQuery.extend({ problemId: z.uuid().optional() }), response: { 200: page(noticeOut) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const rows = await tx
      .select()
      .from(outageNotices)
      .where(and(req.query.problemId ? eq(outageNotices.problemId, req.query.problemId) : undefined, afterCursor([outageNotices.createdAt, outageNotices.id], req.query.cursor)))
      .orderBy(desc(outageNotices.createdAt), desc(outageNotices.id))
      .limit(req.query.limit + 1);
    return toPage(rows, req.query.limit, (r) => [r.createdAt.toISOString(), r.id], toNotice);
  }));
}
