import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, type AppContext } from '../http/context.ts';
import { afterCursor, page, pageQuery, toPage } from '../http/pagination.ts';
import { auditLog } from './schema.ts';

const ACTIONS = ['create', 'update', 'delete', 'read', 'merge'] as const;

const entryOut = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

const auditQuery = pageQuery.extend({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  action: z.enum(ACTIONS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

type Entry = typeof auditLog.$inferSelect;
const toEntry = (e: Entry): z.infer<typeof entryOut> => ({ ...e, at: e.at.toISOString() });

/** The audit log, newest first, for administrators and the head of the center. */
export function auditRoutes(root: FastifyInstance, ctx: AppContext) {
  root.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    config: { permission: 'audit.view' },
    schema: { tags: ['audit'], querystring: auditQuery, response: { 200: page(entryOut) } },
  }, async (req) => {
    const q = req.query;
    const rows = await inTenant(ctx, req, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(
            q.entity ? eq(auditLog.entity, q.entity) : undefined,
            q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
            q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
            q.action ? eq(auditLog.action, q.action) : undefined,
            q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
            q.to ? lt(auditLog.at, new Date(q.to)) : undefined,
            afterCursor([auditLog.id], q.cursor),
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(q.limit + 1),
    );
    return toPage(rows, q.limit, (r) => [r.id], toEntry);
  });
}
