import { z } from 'zod';
import { ROLES } from '@linia/engine';
import { password, role } from '../people/contracts.ts';

export const loginBody = z.strictObject({
  login: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const meOut = z.object({
  id: z.uuid(),
  kind: z.enum(['user', 'token']),
  login: z.string().nullable(),
  name: z.string(),
  role,
  tenant: z.object({ id: z.uuid(), name: z.string() }),
  clientId: z.uuid().nullable(),
  permissions: z.array(z.string()),
});

export const passwordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: password });

/** An integration acts as any role but a client viewer (which needs a person's client). */
export const tokenRole = z.enum(ROLES.filter((r) => r !== 'client_viewer') as [string, ...string[]]);

export const tokenOut = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const tokenCreate = z.strictObject({ name: z.string().trim().min(1).max(200), role: tokenRole });

export const tokenCreated = tokenOut.extend({ secret: z.string() });
