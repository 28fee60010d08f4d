import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import { kpiAddInto, kpiCellKey, kpiEmptyAggregate, type KpiCell } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { kpiIntervals } from './schema.ts';

/**
 * Adds cells into the stored interval table (read, add, write; one row per cell key). The ACD
 * writes them from its single routing node per tenant, one event at a time, so two writers
 * never add to the same row at once; the unique key catches it if they ever do.
 */
export async function addKpiCells(tx: Tx, cells: readonly KpiCell[]): Promise<void> {
  for (const cell of cells) {
    const key = kpiCellKey(cell);
    const [row] = await tx.select({ id: kpiIntervals.id, aggregate: kpiIntervals.aggregate }).from(kpiIntervals).where(eq(kpiIntervals.cellKey, key));
    if (row) {
      await tx.update(kpiIntervals).set({ aggregate: kpiAddInto(row.aggregate, cell.aggregate), updatedAt: new Date() }).where(eq(kpiIntervals.id, row.id));
    } else {
      await tx.insert(kpiIntervals).values({
        cellKey: key,
        intervalStart: new Date(cell.intervalStart),
        queueId: cell.queueId,
        hotlineId: cell.hotlineId,
        channel: cell.channel,
        agentId: cell.agentId,
        aggregate: kpiAddInto(kpiEmptyAggregate(), cell.aggregate),
      });
    }
  }
}

/** Stored cells whose interval starts in [from, to), optionally of one queue. */
export async function readKpiCells(tx: Tx, from: number, to: number, filter: { queueId?: string } = {}): Promise<KpiCell[]> {
  const where: SQL[] = [gte(kpiIntervals.intervalStart, new Date(from)), lt(kpiIntervals.intervalStart, new Date(to))];
  if (filter.queueId) where.push(eq(kpiIntervals.queueId, filter.queueId));
  const rows = await tx.select().from(kpiIntervals).where(and(...where));
  return rows.map((r) => ({
    intervalStart: r.intervalStart.getTime(),
    queueId: r.queueId,
    hotlineId: r.hotlineId,
    channel: r.channel,
    agentId: r.agentId,
    aggregate: r.aggregate,
  }));
}
