import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { afterCursor } from '../http/pagination.ts';
import { customerNotices } from '../notify/schema.ts';
import { toNoticeOut } from '../notify/service.ts';
import { caseStatus, caseType, priority } from './contracts.ts';
import { cases } from './schema.ts';

/** A case as the customer's timeline shows it (a summary; the card opens the case itself). */
export const timelineCase = z.object({
  id: z.uuid(), number: z.number(), type: caseType, status: caseStatus, priority, subject: z.string(),
  hotlineId: z.uuid(), resolvedAt: z.string().nullable(),
});
export const timelineNotice = z.object({
  id: z.uuid(), customerId: z.uuid(), kind: z.string(), sourceId: z.uuid().nullable(), subject: z.string(), body: z.string(),
  channel: z.string(), address: z.string().nullable(), status: z.enum(['sent', 'failed', 'no_address']), createdAt: z.string(),
});
export const caseTimelineEntry = z.union([
  z.object({ kind: z.literal('case'), at: z.string(), case: timelineCase }),
  z.object({ kind: z.literal('notice'), at: z.string(), notice: timelineNotice }),
]);

/**
 * A customer's cases and notices after a timeline cursor ((at, id) of the last entry shown), at most
 * `limit + 1` of each, newest first: the customer timeline merges them with the contacts' page.
 * A case stands on the timeline at its opening; its later steps are on the case's own timeline.
 */
export async function caseTimelineEntries(tx: Tx, customerId: string, query: { limit: number; cursor?: string }) {
  const caseRows = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.customerId, customerId), afterCursor([cases.createdAt, cases.id], query.cursor)))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(query.limit + 1);
  const noticeRows = await tx
    .select()
    .from(customerNotices)
    .where(and(eq(customerNotices.customerId, customerId), afterCursor([customerNotices.createdAt, customerNotices.id], query.cursor)))
    .orderBy(desc(customerNotices.createdAt), desc(customerNotices.id))
    .limit(query.limit + 1);
  return [
    ...caseRows.map((c) => ({
      id: c.id,
      entry: {
        kind: 'case' as const, at: c.createdAt.toISOString(),
        case: { id: c.id, number: c.number, type: c.type, status: c.status, priority: c.priority, subject: c.subject, hotlineId: c.hotlineId, resolvedAt: c.resolvedAt?.toISOString() ?? null },
      },
    })),
    ...noticeRows.map((n) => ({ id: n.id, entry: { kind: 'notice' as const, at: n.createdAt.toISOString(), notice: toNoticeOut(n) } })),
  ];
}

/** A merge of two customer cards moves cases and notices with the contacts. */
export async function moveCaseHistory(tx: Tx, fromCustomerId: string, toCustomerId: string) {
  await tx.update(cases).set({ customerId: toCustomerId }).where(eq(cases.customerId, fromCustomerId));
  await tx.update(customerNotices).set({ customerId: toCustomerId }).where(eq(customerNotices.customerId, fromCustomerId));
}
