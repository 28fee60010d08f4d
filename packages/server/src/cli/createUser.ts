import { eq } from 'drizzle-orm';
import { isRole } from '@linia/engine';
import { asSystem, withTenant, type Database } from '../db/index.ts';
import { tenants } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { userCreate } from '../people/contracts.ts';

export interface CreateUserOptions {
  login: string;
  name: string;
  role: string;
  password: string;
  tenant: string;
  tenantName?: string;
  client?: string;
}

/** `linia user create`: the way to the first administrator of an installation. */
export async function createUser(db: Database, o: CreateUserOptions) {
  const parsed = userCreate.safeParse({ login: o.login, name: o.name, role: o.role, password: o.password, clientId: o.client });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  if (!isRole(parsed.data.role)) throw new Error(`unknown role ${o.role}`);
  let [tenant] = await asSystem(db, (tx) => tx.select().from(tenants).where(eq(tenants.slug, o.tenant)));
  if (!tenant) {
    [tenant] = await asSystem(db, (tx) => tx.insert(tenants).values({ slug: o.tenant, name: o.tenantName ?? o.tenant }).returning());
  }
  const { password, ...fields } = parsed.data;
  const actor = { kind: 'system' as const, id: null, name: 'linia user create' };
  const [user] = await withTenant(db, { tenantId: tenant!.id, clientId: null, actor }, async (tx) =>
    tx.insert(users).values({ ...fields, passwordHash: await hashPassword(password) }).returning({ id: users.id, login: users.login, role: users.role }),
  );
  return { ...user, tenant: tenant!.slug };
}
