import { and, eq, isNull, or } from 'drizzle-orm';
import { slaClock, type BusinessCalendar, type CaseType, type Priority, type SlaClock } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { cases, slaPolicies } from './schema.ts';

type CaseRow = typeof cases.$inferSelect;
type PolicyRow = typeof slaPolicies.$inferSelect;

/**
 * The policy for a case: among those whose hotline, type and priority match or are left open, the
 * most specific — the hotline counts most, then the type, then the priority (a client's contract
 * is per hotline; within it terms differ by kind of request first). Ties go to the newest.
 */
export async function selectPolicy(tx: Tx, hotlineId: string, type: CaseType, priority: Priority): Promise<PolicyRow | null> {
  const candidates = await tx
    .select()
    .from(slaPolicies)
    .where(and(
      or(isNull(slaPolicies.hotlineId), eq(slaPolicies.hotlineId, hotlineId)),
      or(isNull(slaPolicies.caseType), eq(slaPolicies.caseType, type)),
      or(isNull(slaPolicies.priority), eq(slaPolicies.priority, priority)),
    ));
  const score = (p: PolicyRow) => (p.hotlineId ? 4 : 0) + (p.caseType ? 2 : 0) + (p.priority ? 1 : 0);
  candidates.sort((a, b) => score(b) - score(a) || b.createdAt.getTime() - a.createdAt.getTime());
  return candidates[0] ?? null;
}

export interface CaseClocks {
  response: (SlaClock & { targetMinutes: number }) | null;
  resolution: (SlaClock & { targetMinutes: number }) | null;
}

/**
 * Both clocks of a case at `now`. The response clock stops at the first response; the resolution
 * clock stops when the case is resolved and stands still while it waits for the customer (the
 * pauses kept on the case, which also cover a resolved case until it is reopened).
 */
export function clocksOf(row: CaseRow, calendar: BusinessCalendar, now: number): CaseClocks {
  const startedAt = row.createdAt.getTime();
  const warnAt = row.warnPercent / 100;
  const response = row.responseMinutes === null ? null : {
    ...slaClock({ startedAt, targetMs: row.responseMinutes * 60_000, calendar, pauses: row.pauses, stoppedAt: row.respondedAt?.getTime() ?? null, warnAt }, now),
    targetMinutes: row.responseMinutes,
  };
  const finished = row.status === 'resolved' || row.status === 'closed';
  const resolution = row.resolutionMinutes === null ? null : {
    ...slaClock({
      startedAt, targetMs: row.resolutionMinutes * 60_000, calendar, pauses: row.pauses,
      stoppedAt: finished ? (row.resolvedAt ?? row.closedAt)?.getTime() ?? null : null, warnAt,
    }, now),
    targetMinutes: row.resolutionMinutes,
  };
  return { response, resolution };
}

/** The due times to store with the case (what lists sort and filter by, and the sweeper reads). */
export function storedDueTimes(clocks: CaseClocks) {
  const at = (c: SlaClock | null) => (c && c.dueAt !== null && c.state !== 'met' ? new Date(c.dueAt) : null);
  return { responseDueAt: at(clocks.response), resolutionDueAt: at(clocks.resolution) };
}
