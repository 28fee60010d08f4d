import { z } from 'zod';
import { ROLES } from '@linia/engine';

export const role = z.enum(ROLES);

export const userOut = z.object({
  id: z.uuid(),
  login: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role,
  clientId: z.uuid().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const password = z.string().min(8, 'at least 8 characters').max(200);

export const userCreate = z.strictObject({
  login: z.string().trim().toLowerCase().regex(/^[a-z0-9._@-]{2,64}$/, 'letters, digits and . _ @ -, 2–64'),
  name: z.string().trim().min(1).max(200),
  email: z.email().toLowerCase().nullish(),
  role,
  clientId: z.uuid().nullish(),
  password,
});

export const userPatch = z.strictObject({
  name: userCreate.shape.name.optional(),
  email: userCreate.shape.email,
  role: role.optional(),
  clientId: z.uuid().nullish(),
  active: z.boolean().optional(),
  password: password.optional(),
});

export const rolesOut = z.object({
  roles: z.array(z.object({ role, permissions: z.array(z.string()) })),
  permissions: z.array(z.string()),
});
