import type { FastifyInstance } from 'fastify';
import { eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import type { AppContext } from '../http/context.ts';
import { requireReference } from '../http/crud.ts';
import { conflict } from '../http/problem.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { users } from '../people/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import { agentCreate, agentOut, agentPatch, queueCreate, queueOut, queuePatch, reasonCreate, reasonOut, reasonPatch, skillCreate, skillOut, skillPatch } from './contracts.ts';
import { acdAgents, acdNotReadyReasons, acdQueues, acdSkills } from './schema.ts';

type QueueBody = Partial<z.infer<typeof queueCreate>>;

/** Every skill id a queue names (requirements, widened skills) and every queue its overflow moves to. */
async function checkQueueReferences(tx: Tx, body: QueueBody): Promise<void> {
  for (const [i, r] of (body.skills ?? []).entries()) await requireReference(tx, acdSkills, r.skillId, `body.skills.${i}.skillId`, 'skill');
  for (const [i, rule] of (body.overflow ?? []).entries()) {
    const a = rule.action;
    if (a.kind === 'moveToQueue') await requireReference(tx, acdQueues, a.queueId, `body.overflow.${i}.action.queueId`, 'queue');
    if (a.kind === 'widenSkills') for (const [j, s] of (a.skills ?? []).entries()) await requireReference(tx, acdSkills, s, `body.overflow.${i}.action.skills.${j}`, 'skill');
  }
}

async function checkAgentReferences(tx: Tx, body: { skills?: Record<string, number>; queueIds?: string[] }): Promise<void> {
  for (const s of Object.keys(body.skills ?? {})) await requireReference(tx, acdSkills, s, `body.skills.${s}`, 'skill');
  for (const [i, q] of (body.queueIds ?? []).entries()) await requireReference(tx, acdQueues, q, `body.queueIds.${i}`, 'queue');
}

const iso = (d: Date) => d.toISOString();

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Skill and queue ids live inside JSON (requirements, overflow rules, agents' skill maps), where
 * foreign keys do not reach: deleting one still in use would leave the engine a rule naming
 * nothing. Refused, naming who still uses it, so the administrator can change them first.
 */
async function refuseIfUsed(tx: Tx, what: string, usages: { kind: string; where: SQL; table: typeof acdQueues | typeof acdAgents }[]) {
  const found: string[] = [];
  for (const u of usages) {
    const rows = u.table === acdQueues
      ? await tx.select({ label: acdQueues.name }).from(acdQueues).where(u.where).limit(10)
      : await tx.select({ label: users.login }).from(acdAgents).innerJoin(users, eq(users.id, acdAgents.userId)).where(u.where).limit(10);
    if (rows.length > 0) found.push(`${u.kind}: ${rows.map((r) => r.label).join(', ')}`);
  }
  if (found.length > 0) throw conflict('params.id', `the ${what} is still in use — ${found.join('; ')}`);
}

const skillInUse = (tx: Tx, skillId: string) =>
  refuseIfUsed(tx, 'skill', [
    { kind: 'queues requiring it', table: acdQueues, where: sql`${acdQueues.skills} @> ${jsonb([{ skillId }])}` },
    { kind: 'queues widening to it on overflow', table: acdQueues, where: sql`${acdQueues.overflow} @> ${jsonb([{ action: { skills: [skillId] } }])}` },
    { kind: 'agents having it', table: acdAgents, where: sql`jsonb_exists(${acdAgents.skills}, ${skillId})` },
  ]);

const queueInUse = (tx: Tx, queueId: string) =>
  refuseIfUsed(tx, 'queue', [
    { kind: 'queues overflowing to it', table: acdQueues, where: sql`${acdQueues.overflow} @> ${jsonb([{ action: { queueId } }])}` },
    { kind: 'agents serving it', table: acdAgents, where: sql`${queueId}::uuid = any(${acdAgents.queueIds})` },
  ]);

/**
 * ACD configuration (R1–R3): skills, not-ready reason codes, queues, and agents (a user's skills
 * with proficiency, queues and capacity). Queues, skills and reasons are set up by whoever runs
 * the hotlines (`acd.configure`); agents' skills and queues are changed live on the floor
 * (`floor.control`). The routing node hears the `*.changed` events and updates its engine.
 */
export function acdConfigRoutes(app: FastifyInstance, ctx: AppContext) {
  entityRoutes(app, ctx, {
    path: '/api/v1/acd/skills',
    entity: 'acdSkill',
    title: 'Skill',
    table: acdSkills,
    view: 'hotlines.view',
    edit: 'acd.configure',
    out: skillOut,
    toOut: (s) => ({ id: s.id, code: s.code, name: s.name, createdAt: iso(s.createdAt) }),
    create: skillCreate,
    patch: skillPatch,
    listQuery: z.object({}),
    listFilters: () => [],
    prepareDelete: (tx, skill) => skillInUse(tx, skill.id),
  });

  entityRoutes(app, ctx, {
    path: '/api/v1/acd/reasons',
    entity: 'acdReason',
    title: 'Reason',
    table: acdNotReadyReasons,
    view: 'hotlines.view',
    edit: 'acd.configure',
    out: reasonOut,
    toOut: (r) => ({ id: r.id, code: r.code, name: r.name, active: r.active, createdAt: iso(r.createdAt) }),
    create: reasonCreate,
    patch: reasonPatch,
    listQuery: z.object({}),
    listFilters: () => [],
  });

  entityRoutes(app, ctx, {
    path: '/api/v1/acd/queues',
    entity: 'acdQueue',
    title: 'Queue',
    table: acdQueues,
    view: 'hotlines.view',
    edit: 'acd.configure',
    out: queueOut,
    toOut: (q) => ({
      id: q.id,
      hotlineId: q.hotlineId,
      clientId: q.clientId,
      name: q.name,
      channel: q.channel,
      priority: q.priority,
      skills: q.skills,
      strategy: q.strategy,
      stickySeconds: q.stickySeconds,
      agingPerMinute: q.agingPerMinute,
      overflow: q.overflow,
      offerTimeoutSeconds: q.offerTimeoutSeconds,
      wrapUpSeconds: q.wrapUpSeconds,
      autoAccept: q.autoAccept,
      serviceLevelSeconds: q.serviceLevelSeconds,
      shortAbandonSeconds: q.shortAbandonSeconds,
      expectedHandleSeconds: q.expectedHandleSeconds,
      active: q.active,
      createdAt: iso(q.createdAt),
    }),
    create: queueCreate,
    patch: queuePatch,
    listQuery: z.object({ hotlineId: z.uuid().optional() }),
    listFilters: (q) => [q.hotlineId ? eq(acdQueues.hotlineId, q.hotlineId) : undefined],
    prepareCreate: async (tx, body) => {
      const hotline = await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
      await checkQueueReferences(tx, body);
      return { ...body, clientId: hotline.clientId, stickySeconds: body.stickySeconds ?? null };
    },
    preparePatch: async (tx, body) => {
      const values: Partial<typeof acdQueues.$inferInsert> = { ...body, stickySeconds: body.stickySeconds };
      if (body.stickySeconds === undefined) delete values.stickySeconds;
      if (body.hotlineId) values.clientId = (await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline')).clientId;
      await checkQueueReferences(tx, body);
      return values;
    },
    prepareDelete: (tx, queue) => queueInUse(tx, queue.id),
  });

  entityRoutes(app, ctx, {
    path: '/api/v1/acd/agents',
    entity: 'acdAgent',
    title: 'Agent',
    table: acdAgents,
    view: 'wallboard.view',
    edit: 'floor.control',
    out: agentOut,
    toOut: (a) => ({ id: a.id, userId: a.userId, skills: a.skills, queueIds: a.queueIds, capacity: a.capacity, createdAt: iso(a.createdAt) }),
    create: agentCreate,
    patch: agentPatch,
    listQuery: z.object({ userId: z.uuid().optional() }),
    listFilters: (q) => [q.userId ? eq(acdAgents.userId, q.userId) : undefined],
    prepareCreate: async (tx, body) => {
      await requireReference(tx, users, body.userId, 'body.userId', 'user');
      await checkAgentReferences(tx, body);
      return body;
    },
    preparePatch: async (tx, body) => {
      await checkAgentReferences(tx, body);
      return body;
    },
  });
}
