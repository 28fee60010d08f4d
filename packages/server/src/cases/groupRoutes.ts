import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { findOr404, idParams, requireReference } from '../http/crud.ts';
import { badField } from '../http/problem.ts';
import type { Tx } from '../db/index.ts';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { businessCalendars } from '../calendars/schema.ts';
import { groupCreate, groupOut, groupPatch, membersBody, membersOut, slaCreate, slaOut, slaPatch } from './contracts.ts';
import { resolverGroupMembers, resolverGroups, slaPolicies } from './schema.ts';

const iso = (d: Date) => d.toISOString();

async function checkGroupRefs(tx: Tx, body: { escalateToId?: string | null; hotlineId?: string | null }, self?: string) {
  if (body.escalateToId) {
    if (body.escalateToId === self) throw badField('body.escalateToId', 'a group does not escalate to itself');
    await requireReference(tx, resolverGroups, body.escalateToId, 'body.escalateToId', 'resolver group');
  }
  if (body.hotlineId) await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
}

async function checkPolicyRefs(tx: Tx, body: { calendarId?: string | null; hotlineId?: string | null }) {
  if (body.calendarId) await requireReference(tx, businessCalendars, body.calendarId, 'body.calendarId', 'calendar');
  if (body.hotlineId) await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
}

/** Resolver groups with their members, and SLA policies: what a manager sets up for cases. */
export function groupRoutes(root: FastifyInstance, ctx: AppContext) {
  entityRoutes(root, ctx, {
    path: '/api/v1/resolver-groups',
    entity: 'resolver_group',
    title: 'Resolver group',
    table: resolverGroups,
    view: 'cases.view',
    edit: 'cases.manage',
    out: groupOut,
    toOut: (g) => ({ ...g, createdAt: iso(g.createdAt) }),
    create: groupCreate,
    patch: groupPatch,
    listQuery: z.object({}),
    listFilters: () => [],
    prepareCreate: async (tx, body) => {
      await checkGroupRefs(tx, body);
      return body;
    },
    preparePatch: async (tx, body, current) => {
      await checkGroupRefs(tx, body, current.id);
      return body;
    },
  });

  entityRoutes(root, ctx, {
    path: '/api/v1/sla-policies',
    entity: 'sla_policy',
    title: 'SLA policy',
    table: slaPolicies,
    view: 'cases.view',
    edit: 'cases.manage',
    out: slaOut,
    toOut: (p) => ({ ...p, createdAt: iso(p.createdAt) }),
    create: slaCreate,
    patch: slaPatch,
    listQuery: z.object({ hotlineId: z.uuid().optional() }),
    listFilters: (q) => [q.hotlineId ? eq(slaPolicies.hotlineId, q.hotlineId) : undefined],
    prepareCreate: async (tx, body) => {
      await checkPolicyRefs(tx, body);
      return body;
    },
    preparePatch: async (tx, body) => {
      await checkPolicyRefs(tx, body);
      return body;
    },
  });

  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['resolver-groups'];
  const membersOf = async (tx: Tx, groupId: string) => ({
    items: await tx
      .select({ userId: users.id, name: users.name, role: users.role })
      .from(resolverGroupMembers)
      .innerJoin(users, eq(users.id, resolverGroupMembers.userId))
      .where(eq(resolverGroupMembers.groupId, groupId))
      .orderBy(asc(users.name)),
  });

  app.get('/api/v1/resolver-groups/:id/members', {
    config: { permission: 'cases.view' },
    schema: { tags, params: idParams, response: { 200: membersOut } },
  }, (req) => inTenant(ctx, req, async (tx) => {
    await findOr404(tx, resolverGroups, req.params.id, 'Resolver group');
    return membersOf(tx, req.params.id);
  }));

  /** Replaces the member list (the screen edits it as a whole). */
  app.put('/api/v1/resolver-groups/:id/members', {
    config: { permission: 'cases.manage' },
    schema: { tags, params: idParams, body: membersBody, response: { 200: membersOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await findOr404(tx, resolverGroups, req.params.id, 'Resolver group');
      const ids = [...new Set(req.body.userIds)];
      for (const [i, id] of ids.entries()) await requireReference(tx, users, id, `body.userIds.${i}`, 'user');
      await tx.delete(resolverGroupMembers).where(eq(resolverGroupMembers.groupId, req.params.id));
      if (ids.length) await tx.insert(resolverGroupMembers).values(ids.map((userId) => ({ groupId: req.params.id, userId })));
      return membersOf(tx, req.params.id);
    });
    await announceChange(ctx, req, 'resolver_group', req.params.id, 'update');
    return out;
  });
}
