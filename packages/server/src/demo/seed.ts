import { eq } from 'drizzle-orm';
import { asSystem, withTenant, type Database } from '../db/index.ts';
import { deleteTenantData } from '../db/tenantData.ts';
import { clients, hotlines, tenants } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { seedDesk } from './seedDesk.ts';
import { seedCases } from './seedCases.ts';
import { seedAcd } from './seedAcd.ts';
import { seedPlanning } from './seedPlanning.ts';
import { seedQuality } from './seedQuality.ts';
import { seedScripts } from './seedScripts.ts';
import { seedCallbacks } from './seedCallbacks.ts';
import { seedChat } from './seedChat.ts';
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS } from './demoCenter.ts';

const system = { kind: 'system' as const, id: null, name: 'demo' };

/** True when the database holds no organization yet (a first start). */
export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await asSystem(db, (tx) => tx.select({ id: tenants.id }).from(tenants).limit(1));
  return rows.length === 0;
}

/** Creates the demo center, replacing an earlier one with all its data. Returns the tenant id. */
export async function seedDemo(db: Database): Promise<string> {
  const [old] = await asSystem(db, (tx) => tx.select().from(tenants).where(eq(tenants.slug, DEMO_TENANT.slug)));
  if (old) {
    await asSystem(db, async (tx) => {
      await deleteTenantData(tx, old.id);
      await tx.delete(tenants).where(eq(tenants.id, old.id));
    });
  }
  const [tenant] = await asSystem(db, (tx) => tx.insert(tenants).values(DEMO_TENANT).returning());
  // One hash for every demo user: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withTenant(db, { tenantId: tenant!.id, clientId: null, actor: system }, async (tx) => {
    const clientIds: Record<string, string> = {};
    for (const c of DEMO_CLIENTS) {
      const [row] = await tx.insert(clients).values({ name: c.name, legalName: c.legalName }).returning();
      clientIds[c.key] = row!.id;
      await tx.insert(hotlines).values(
        c.hotlines.map((h) => ({ ...h, channels: [...h.channels], topics: h.topics, clientId: row!.id })),
      );
    }
    await tx.insert(users).values(
      DEMO_USERS.map((u) => ({
        login: u.login,
        name: u.name,
        role: u.role,
        clientId: u.client ? clientIds[u.client] : null,
        email: `${u.login}@demo.linia.local`,
        passwordHash,
      })),
    );
    await seedDesk(tx);
    await seedScripts(tx);
    await seedCallbacks(tx);
    await seedCases(tx);
    await seedAcd(tx);
    await seedPlanning(tx);
    await seedQuality(tx);
    await seedChat(tx);
  });
  return tenant!.id;
}
