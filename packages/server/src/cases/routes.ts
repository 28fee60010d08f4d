import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { idParams } from '../http/crud.ts';
import { afterCursor, page, pageQuery, toPage } from '../http/pagination.ts';
import { principalOf } from '../http/guard.ts';
import {
  answerBody, assignBody, caseCreate, caseEventOut, caseOut, casePatch, caseQuery, commentBody, decisionBody, escalateBody,
  linkContactBody, statusBody,
} from './contracts.ts';
import { caseEvents, cases } from './schema.ts';
import {
  actorOf, addComment, assignCase, calendarsFor, changeStatus, escalateCase, groupsOfUser, linkContact, loadCase, openCase,
  patchCase, recordAnswer, recordDecision, toCaseOut, type Outbox,
} from './service.ts';
import { groupRoutes } from './groupRoutes.ts';
import { problemRoutes } from './problemRoutes.ts';
import { startSweeper } from './sweeper.ts';

const tags = ['cases'];
const base = '/api/v1/cases';

/** Cases (A5, A7, A8): open, list, work along the workflow, comment, assign, escalate, decide. */
export function caseRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  groupRoutes(root, ctx);
  problemRoutes(root, ctx);
  startSweeper(root, ctx);

  /** One step on a case: a transaction, then the case's change and the group messages after commit. */
  async function step(req: FastifyRequest, id: string | null, work: (tx: Tx, outbox: Outbox, now: Date) => Promise<Awaited<ReturnType<typeof loadCase>>>) {
    const outbox: Outbox = [];
    const now = new Date();
    const { row, calendar } = await inTenant(ctx, req, (tx) => work(tx, outbox, now));
    for (const e of outbox) await ctx.bus.publish(e);
    await announceChange(ctx, req, 'case', row.id, id ? 'update' : 'create');
    return toCaseOut(row, calendar, now.getTime());
  }
  const actor = (req: FastifyRequest) => actorOf(principalOf(req));

  app.get(base, {
    config: { permission: 'cases.view' },
    schema: { tags, querystring: pageQuery.extend(caseQuery.shape), response: { 200: page(caseOut) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const q = req.query;
    const me = principalOf(req).id;
    const now = new Date();
    const filters = [
      q.mine === 'true' ? eq(cases.assigneeId, me) : undefined,
      q.group === 'mine' ? inArray(cases.groupId, groupsOfUser(tx, me)) : q.group ? eq(cases.groupId, q.group) : undefined,
      q.overdue === 'true'
        ? and(eq(cases.open, true), or(lt(cases.resolutionDueAt, now), and(isNull(cases.respondedAt), lt(cases.responseDueAt, now))))
        : undefined,
      q.type ? eq(cases.type, q.type) : undefined,
      q.status ? eq(cases.status, q.status) : undefined,
      q.open ? eq(cases.open, q.open === 'true') : undefined,
      q.customerId ? eq(cases.customerId, q.customerId) : undefined,
      q.hotlineId ? eq(cases.hotlineId, q.hotlineId) : undefined,
      q.problemId ? eq(cases.problemId, q.problemId) : undefined,
    ];
    const rows = await tx
      .select()
      .from(cases)
      .where(and(...filters, afterCursor([cases.createdAt, cases.id], q.cursor)))
      .orderBy(desc(cases.createdAt), desc(cases.id))
      .limit(q.limit + 1);
    const calendarOf = await calendarsFor(tx, rows);
    return toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], (r) => toCaseOut(r, calendarOf(r), now.getTime()));
  }));

  app.post(base, {
    config: { permission: 'cases.edit', idempotent: true },
    schema: { tags, body: caseCreate, response: { 201: caseOut } },
  }, async (req, reply) => reply.code(201).send(await step(req, null, (tx, outbox, now) => openCase(tx, actor(req), req.body, now, outbox))));

  app.get(`${base}/:id`, {
    config: { permission: 'cases.view' },
    schema: { tags, params: idParams, response: { 200: caseOut } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    const { row, calendar } = await loadCase(tx, req.params.id);
    return toCaseOut(row, calendar, Date.now());
  }));

  app.patch(`${base}/:id`, {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: casePatch, response: { 200: caseOut } },
  }, (req) => step(req, req.params.id, (tx, _o, now) => patchCase(tx, actor(req), req.params.id, req.body, now)));

  app.post(`${base}/:id/status`, {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: statusBody, response: { 200: caseOut } },
  }, (req) => step(req, req.params.id, (tx, _o, now) => changeStatus(tx, actor(req), req.params.id, req.body.status, req.body.comment, now)));

  app.post(`${base}/:id/comments`, {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: commentBody, response: { 200: caseOut } },
  }, (req) => step(req, req.params.id, (tx, _o, now) => addComment(tx, actor(req), req.params.id, req.body.text, now)));

  app.post(`${base}/:id/assign`, {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: assignBody, response: { 200: caseOut } },
  }, (req) => step(req, req.params.id, (tx, outbox, now) => assignCase(tx, actor(req), req.params.id, req.body, now, outbox)));

  app.post(`${base}/:id/escalate`, {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: escalateBody, response: { 200: caseOut } },
  }, (req) => step(req, req.params.id, (tx, outbox, now) => escalateCase(tx, actor(req), req.params.id, req.body, now, outbox)));

  app.post(`${base}/:id/decision`, {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: decisionBody, response: { 200: caseOut } },
  }, (req) => step(req, req.params.id, (tx, _o, now) => recordDecision(tx, actor(req), req.params.id, req.body, now)));

  app.post(`${base}/:id/answer`, {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: answerBody, response: { 200: caseOut } },
  }, (req) => step(req, req.params.id, (tx, _o, now) => recordAnswer(tx, actor(req), req.params.id, req.body, now)));

  app.post(`${base}/:id/contacts`, {
    config: { permission: 'cases.edit' },
    schema: { tags, params: idParams, body: linkContactBody, response: { 200: caseOut } },
  }, (req) => step(req, req.params.id, (tx, _o, now) => linkContact(tx, actor(req), req.params.id, req.body.contactId, now)));

  app.get(`${base}/:id/events`, {
    config: { permission: 'cases.view' },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(caseEventOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await loadCase(tx, req.params.id);
    const rows = await tx.select().from(caseEvents).where(eq(caseEvents.caseId, req.params.id)).orderBy(asc(caseEvents.createdAt), asc(caseEvents.seq));
    return { items: rows.map(({ seq: _seq, tenantId: _t, ...e }) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
  }));
}
