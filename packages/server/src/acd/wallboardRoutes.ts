import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, type AppContext } from '../http/context.ts';
import { principalOf } from '../http/guard.ts';
import { users } from '../people/schema.ts';
import { todayByQueue } from '../kpi/service.ts';
import { pickFigures } from '../kpi/routes.ts';
import { agentStateOut } from './contracts.ts';
import { agentStateOf } from './liveRoutes.ts';
import { acdQueues } from './schema.ts';
import type { AcdService } from './service.ts';

const wallboardOut = z.object({
  now: z.string(),
  queues: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      hotlineId: z.string(),
      channel: z.string(),
      serviceLevelSeconds: z.number(),
      waiting: z.number(),
      longestWaitSeconds: z.number(),
      availableAgents: z.number(),
      members: z.number(),
      today: z.record(z.string(), z.number().nullable()).nullable(),
    }),
  ),
  agents: z.array(agentStateOut.extend({ name: z.string(), timeInStateSeconds: z.number() })),
});

/**
 * The wallboard (M1): per queue what waits now (from the engine) and today's figures (from the
 * KPI interval table); every agent with state and time in it. Browsers re-read it when the
 * router announces `acd.changed` on the `wallboard` topic (at most four times a second).
 */
export function acdWallboardRoutes(root: FastifyInstance, ctx: AppContext, acd: AcdService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/acd/wallboard', {
    config: { permission: 'wallboard.view', routed: true },
    schema: { tags: ['acd'], response: { 200: wallboardOut } },
  }, async (req) => {
    const router = await acd.router(principalOf(req).tenantId);
    const now = Date.now();
    const agentIds = router.agentIds();
    const { queueRows, today, names } = await inTenant(ctx, req, async (tx) => ({
      queueRows: await tx.select().from(acdQueues).orderBy(acdQueues.name),
      today: await todayByQueue(tx, now),
      names: agentIds.length === 0 ? [] : await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, agentIds)),
    }));
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return {
      now: new Date(now).toISOString(),
      queues: queueRows.map((q) => {
        const v = router.engine.queueView(q.id, Math.max(now, router.engine.now));
        const f = today.get(q.id);
        return {
          id: q.id,
          name: q.name,
          hotlineId: q.hotlineId,
          channel: q.channel,
          serviceLevelSeconds: q.serviceLevelSeconds,
          waiting: v?.waiting ?? 0,
          longestWaitSeconds: Math.round((v?.longestWaitMs ?? 0) / 1000),
          availableAgents: v?.availableAgents ?? 0,
          members: v?.members ?? 0,
          today: f ? pickFigures(f) : null,
        };
      }),
      agents: agentIds
        .filter((id) => nameOf.has(id))
        .map((id) => {
          const s = agentStateOf(router, id)!;
          return { ...s, name: nameOf.get(id)!, timeInStateSeconds: Math.max(0, Math.round((now - Date.parse(s.since)) / 1000)) };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}
