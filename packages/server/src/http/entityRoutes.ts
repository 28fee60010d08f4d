import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { Permission } from '@linia/engine';
import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { announceChange, inTenant, type AppContext } from './context.ts';
import { findOr404, idParams, listPage } from './crud.ts';
import { page, pageQuery } from './pagination.ts';

/** Widens a schema so the generic handlers are not tied to one entity's inferred reply type. */
const loose = (schema: FastifySchema): FastifySchema => schema;

type Entity = PgTable & { id: PgColumn; createdAt: PgColumn };

/**
 * The five routes of an entity an administrator keeps (list, create, read, change, delete),
 * built one way for all of them: tenant-scoped transaction, 404 across tenants, audit by the
 * trigger, a `<entity>.changed` event after commit, Idempotency-Key on create.
 * Entity-specific rules (checking references, hashing a password) go in `prepareCreate` /
 * `preparePatch`, which run inside the transaction.
 */
export interface EntitySpec<T extends Entity, O extends z.ZodType, C extends z.ZodObject, P extends z.ZodObject, Q extends z.ZodObject> {
  path: string;
  entity: string;
  title: string;
  table: T;
  view: Permission;
  edit: Permission;
  out: O;
  toOut: (row: T['$inferSelect']) => z.infer<O>;
  create: C;
  patch: P;
  listQuery: Q;
  listFilters: (query: z.infer<Q>) => (SQL | undefined)[];
  prepareCreate?: (tx: Tx, body: z.infer<C>) => Promise<T['$inferInsert']>;
  preparePatch?: (tx: Tx, body: z.infer<P>, current: T['$inferSelect']) => Promise<Partial<T['$inferInsert']>>;
  /** Refuses (throws) a delete that would leave references behind that foreign keys cannot see (ids inside JSON). */
  prepareDelete?: (tx: Tx, current: T['$inferSelect']) => Promise<void>;
}

export function entityRoutes<T extends Entity, O extends z.ZodType, C extends z.ZodObject, P extends z.ZodObject, Q extends z.ZodObject>(
  root: FastifyInstance,
  ctx: AppContext,
  spec: EntitySpec<T, O, C, P, Q>,
) {
  // Generic over the entity, so the handlers see plain types; the schemas still validate and
  // serialise every request and response (the Zod compilers are installed app-wide).
  const app = root;
  const { table, title, toOut } = spec;
  const tags = [spec.path.split('/').pop()!];
  const item = `${spec.path}/:id`;
  const byId = (id: string) => eq(table.id, id);
  type Row = T['$inferSelect'];
  const idOf = (req: FastifyRequest) => (req.params as z.infer<typeof idParams>).id;

  app.get(spec.path, {
    config: { permission: spec.view },
    schema: loose({ tags, querystring: pageQuery.extend(spec.listQuery.shape), response: { 200: page(spec.out) } }),
  }, (req) => {
    const query = req.query as z.infer<typeof pageQuery> & z.infer<Q>;
    return inTenant(ctx, req, (tx) => listPage(tx, table, spec.listFilters(query), query, toOut));
  });

  app.post(spec.path, {
    config: { permission: spec.edit, idempotent: true },
    schema: loose({ tags, body: spec.create, response: { 201: spec.out } }),
  }, async (req, reply) => {
    const row = await inTenant(ctx, req, async (tx) => {
      const body = req.body as z.infer<C>;
      const values = spec.prepareCreate ? await spec.prepareCreate(tx, body) : (body as T['$inferInsert']);
      const [created] = (await tx.insert(table).values(values).returning()) as Row[];
      return created!;
    });
    await announceChange(ctx, req, spec.entity, row.id as string, 'create');
    return reply.code(201).send(toOut(row));
  });

  app.get(item, {
    config: { permission: spec.view },
    schema: loose({ tags, params: idParams, response: { 200: spec.out } }),
  }, async (req) => toOut(await inTenant(ctx, req, (tx) => findOr404(tx, table, idOf(req), title))));

  app.patch(item, {
    config: { permission: spec.edit },
    schema: loose({ tags, params: idParams, body: spec.patch, response: { 200: spec.out } }),
  }, async (req) => {
    const row = await inTenant(ctx, req, async (tx) => {
      const current = await findOr404(tx, table, idOf(req), title);
      const body = req.body as z.infer<P>;
      const values = spec.preparePatch ? await spec.preparePatch(tx, body, current) : (body as Partial<T['$inferInsert']>);
      if (Object.keys(values).length === 0) return current;
      const [updated] = (await tx.update(table).set(values).where(byId(idOf(req))).returning()) as Row[];
      return updated!;
    });
    await announceChange(ctx, req, spec.entity, idOf(req), 'update');
    return toOut(row);
  });

  app.delete(item, {
    config: { permission: spec.edit },
    schema: loose({ tags, params: idParams, response: { 204: z.null() } }),
  }, async (req, reply) => {
    await inTenant(ctx, req, async (tx) => {
      const current = await findOr404(tx, table, idOf(req), title);
      if (spec.prepareDelete) await spec.prepareDelete(tx, current);
      await tx.delete(table).where(byId(idOf(req)));
    });
    await announceChange(ctx, req, spec.entity, idOf(req), 'delete');
    return reply.code(204).send(null);
  });
}
