import { and, inArray } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { customerIdentifiers } from '../customers/schema.ts';
import { customerNotices } from './schema.ts';
import type { Notifier } from './notifier.ts';

/** Identifier kinds a notice can go to, best first: a written channel the customer gave us. */
const PREFERRED = ['email', 'messenger', 'phone'] as const;

export interface CustomerNotice {
  kind: string;
  sourceId: string | null;
  subject: string;
  body: string;
}

/**
 * Sends one notice to each customer through the notifier and records each copy (with the
 * address used, or `no_address`) so it shows on the customer's timeline. Returns how many were recorded.
 */
export async function notifyCustomers(tx: Tx, notifier: Notifier, tenantId: string, customerIds: readonly string[], notice: CustomerNotice): Promise<number> {
  const unique = [...new Set(customerIds)];
  if (unique.length === 0) return 0;
  const ids = await tx
    .select()
    .from(customerIdentifiers)
    .where(and(inArray(customerIdentifiers.customerId, unique), inArray(customerIdentifiers.kind, [...PREFERRED])));
  const rows: (typeof customerNotices.$inferInsert)[] = [];
  for (const customerId of unique) {
    const own = ids.filter((i) => i.customerId === customerId);
    const to = PREFERRED.map((k) => own.find((i) => i.kind === k)).find((i) => i !== undefined);
    const status = to
      ? await notifier.send({ tenantId, customerId, channel: to.kind, address: to.value, subject: notice.subject, body: notice.body })
      : ('no_address' as const);
    rows.push({ customerId, ...notice, channel: to?.kind ?? 'none', address: to?.value ?? null, status });
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(customerNotices).values(rows.slice(i, i + 500));
  return rows.length;
}

export const toNoticeOut = (n: typeof customerNotices.$inferSelect) => ({
  id: n.id, customerId: n.customerId, kind: n.kind, sourceId: n.sourceId, subject: n.subject, body: n.body,
  channel: n.channel, address: n.address, status: n.status, createdAt: n.createdAt.toISOString(),
});

