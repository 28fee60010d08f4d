import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import { PERMISSIONS, ROLES, permissionsOf, type Role } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import type { AppContext } from '../http/context.ts';
import { entityRoutes } from '../http/entityRoutes.ts';
import { badField } from '../http/problem.ts';
import { hashPassword } from '../auth/passwords.ts';
import { requireClient } from '../tenants/routes.ts';
import { users } from './schema.ts';
import { role, rolesOut, userCreate, userOut, userPatch } from './contracts.ts';

/** A substring search pattern with LIKE's wildcards escaped. */
const like = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/** A client viewer belongs to exactly one client; nobody else belongs to one. */
async function checkClient(tx: Tx, userRole: Role, clientId: string | null | undefined) {
  if (userRole === 'client_viewer') {
    if (!clientId) throw badField('body.clientId', 'a client viewer needs a client');
    await requireClient(tx, clientId);
  } else if (clientId) {
    throw badField('body.clientId', 'only a client viewer belongs to a client');
  }
}

/** People who sign in (users with roles) and the role → permission matrix. */
export function peopleRoutes(root: FastifyInstance, ctx: AppContext) {
  entityRoutes(root, ctx, {
    path: '/api/v1/users',
    entity: 'user',
    title: 'User',
    table: users,
    view: 'users.view',
    edit: 'users.edit',
    out: userOut,
    toOut: (u) => ({
      id: u.id,
      login: u.login,
      name: u.name,
      email: u.email,
      role: u.role as Role,
      clientId: u.clientId,
      active: u.active,
      createdAt: u.createdAt.toISOString(),
    }),
    create: userCreate,
    patch: userPatch,
    listQuery: z.object({ role: role.optional(), q: z.string().max(100).optional() }),
    listFilters: (q) => [
      q.role ? eq(users.role, q.role) : undefined,
      q.q ? or(ilike(users.login, like(q.q)), ilike(users.name, like(q.q))) : undefined,
    ],
    prepareCreate: async (tx, { password, ...body }) => {
      await checkClient(tx, body.role, body.clientId);
      return { ...body, passwordHash: await hashPassword(password) };
    },
    preparePatch: async (tx, { password, ...body }, current) => {
      const nextRole = body.role ?? (current.role as Role);
      const nextClient = body.clientId !== undefined ? body.clientId : nextRole === 'client_viewer' ? current.clientId : null;
      await checkClient(tx, nextRole, nextClient);
      return { ...body, clientId: nextClient, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
    },
  });

  root.withTypeProvider<ZodTypeProvider>().get('/api/v1/roles', {
    config: { permission: 'users.view' },
    schema: { tags: ['users'], response: { 200: rolesOut } },
  }, async () => ({
    roles: ROLES.map((r) => ({ role: r, permissions: [...permissionsOf(r)] })),
    permissions: [...PERMISSIONS],
  }));
}

