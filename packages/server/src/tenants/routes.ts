import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import type { AppContext } from '../http/context.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { requireReference } from '../http/crud.ts';
import { clients, hotlines } from './schema.ts';
import { clientCreate, clientOut, clientPatch, hotlineCreate, hotlineOut, hotlinePatch } from './contracts.ts';

type Channel = z.infer<typeof hotlineOut>['channels'][number];

/**
 * A foreign key is checked by PostgreSQL without row security, so a client id of another
 * tenant would pass it: look the client up through the tenant's own view first.
 */
export async function requireClient(tx: Tx, clientId: string, field = 'body.clientId') {
  await requireReference(tx, clients, clientId, field, 'client');
}

/** Clients (заказчики) and their hotlines (горячие линии). A client viewer sees only its client's. */
export function tenantRoutes(app: FastifyInstance, ctx: AppContext) {
  entityRoutes(app, ctx, {
    path: '/api/v1/clients',
    entity: 'client',
    title: 'Client',
    table: clients,
    view: 'clients.view',
    edit: 'clients.edit',
    out: clientOut,
    toOut: (c) => ({ id: c.id, name: c.name, legalName: c.legalName, active: c.active, createdAt: c.createdAt.toISOString() }),
    create: clientCreate,
    patch: clientPatch,
    listQuery: z.object({ active: z.enum(['true', 'false']).optional() }),
    listFilters: (q) => [q.active ? eq(clients.active, q.active === 'true') : undefined],
  });

  entityRoutes(app, ctx, {
    path: '/api/v1/hotlines',
    entity: 'hotline',
    title: 'Hotline',
    table: hotlines,
    view: 'hotlines.view',
    edit: 'hotlines.edit',
    out: hotlineOut,
    toOut: (h) => ({
      id: h.id,
      clientId: h.clientId,
      name: h.name,
      code: h.code,
      timeZone: h.timeZone,
      channels: h.channels as Channel[],
      topics: h.topics,
      customFields: h.customFields,
      active: h.active,
      createdAt: h.createdAt.toISOString(),
    }),
    create: hotlineCreate,
    patch: hotlinePatch,
    listQuery: z.object({ clientId: z.uuid().optional() }),
    listFilters: (q) => [q.clientId ? eq(hotlines.clientId, q.clientId) : undefined],
    prepareCreate: async (tx, body) => {
      await requireClient(tx, body.clientId);
      return body;
    },
    preparePatch: async (tx, body) => {
      if (body.clientId) await requireClient(tx, body.clientId);
      return body;
    },
  });
}
