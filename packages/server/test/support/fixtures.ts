import { asSystem, withTenant, type Database } from '../../src/db/index.ts';
import { clients, hotlines, tenants } from '../../src/tenants/schema.ts';
import { users } from '../../src/people/schema.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { seedDemo } from '../../src/demo/seed.ts';

/** A second organization, so every test can check that tenants do not see each other. */
export const OTHER = { slug: 'other', admin: 'other-admin', password: 'other-password' };

/** What every API test starts from: the demo center plus the other organization. */
export async function seedFixtures(db: Database): Promise<void> {
  await seedDemo(db);
  const [tenant] = await asSystem(db, (tx) => tx.insert(tenants).values({ slug: OTHER.slug, name: 'Другой КЦ' }).returning());
  await withTenant(db, { tenantId: tenant!.id, clientId: null, actor: { kind: 'system', id: null, name: 'fixtures' } }, async (tx) => {
    const [client] = await tx.insert(clients).values({ name: 'Чужой клиент' }).returning();
    await tx.insert(hotlines).values({ clientId: client!.id, name: 'Чужая линия', code: 'other-line', timeZone: 'Europe/Moscow' });
    await tx.insert(users).values({ login: OTHER.admin, name: 'Other admin', role: 'admin', passwordHash: await hashPassword(OTHER.password) });
  });
}
