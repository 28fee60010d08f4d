import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { callbacks } from '../callbacks/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { customerIdentifiers } from '../customers/schema.ts';
import { users } from '../people/schema.ts';
import { hotlines } from '../tenants/schema.ts';

/**
 * A morning's missed calls on the demo's technical support line: three nobody has planned a
 * callback for yet, and two tasks — one overdue and assigned, one planned for later.
 */
export async function seedCallbacks(tx: Tx, now = new Date()): Promise<void> {
  const [line] = await tx.select().from(hotlines).where(eq(hotlines.code, 'telecom-support'));
  const phones = await tx
    .select({ customerId: customerIdentifiers.customerId, value: customerIdentifiers.value })
    .from(customerIdentifiers)
    .where(eq(customerIdentifiers.kind, 'phone'))
    .limit(5);
  const [operator] = await tx.select().from(users).where(and(eq(users.login, 'operator1'), inArray(users.role, ['operator'])));
  if (!line || phones.length < 5) return;
  const missed = [];
  for (const [i, p] of phones.entries()) {
    const at = new Date(now.getTime() - (150 - i * 25) * 60_000);
    const [c] = await tx
      .insert(contacts)
      .values({
        clientId: line.clientId, hotlineId: line.id, channel: 'voice_in', status: 'closed', customerId: p.customerId,
        createdAt: at, queuedAt: at, abandonedAt: new Date(at.getTime() + 45_000), endedAt: new Date(at.getTime() + 45_000),
        routingStatus: 'abandoned',
      })
      .returning({ id: contacts.id });
    missed.push({ id: c!.id, ...p });
  }
  await tx.insert(callbacks).values([
    {
      clientId: line.clientId, hotlineId: line.id, contactId: missed[0]!.id, customerId: missed[0]!.customerId, phone: missed[0]!.value,
      reason: 'Пропущенный звонок', dueAt: new Date(now.getTime() - 40 * 60_000), assigneeId: operator?.id ?? null,
    },
    {
      clientId: line.clientId, hotlineId: line.id, contactId: missed[1]!.id, customerId: missed[1]!.customerId, phone: missed[1]!.value,
      reason: 'Просил перезвонить после 18:00', dueAt: new Date(now.getTime() + 3 * 3_600_000),
    },
  ]);
}
