import { and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { kpiAddCells, kpiAddInto, type KpiCell } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { bulkUpdate } from '../db/bulk.ts';
import { kpiIntervals } from './schema.ts';

/**
 * Adds cells into the stored interval table (read, add, write; one row per cell key). The ACD
 * writes them from its single routing node per tenant, one batch at a time, so two writers
 * never add to the same row at once; the unique key catches it if they ever do. Whatever the
 * number of cells, three statements: the cells of a burst are merged first, the stored rows read
 * at once, then updated in one statement and the new ones inserted in one.
 */
export async function addKpiCells(tx: Tx, cells: readonly KpiCell[]): Promise<void> {
  if (cells.length === 0) return;
  const merged = kpiAddCells(new Map(), cells);
  const stored = await tx
    .select({ id: kpiIntervals.id, cellKey: kpiIntervals.cellKey, aggregate: kpiIntervals.aggregate })
    .from(kpiIntervals)
    .where(inArray(kpiIntervals.cellKey, [...merged.keys()]));
  const now = new Date().toISOString();
  await bulkUpdate(tx, {
    table: 'kpi_intervals',
    key: { name: 'id', type: 'uuid' },
    columns: [
      { name: 'aggregate', type: 'jsonb' },
      { name: 'updated_at', type: 'timestamptz' },
    ],
    rows: stored.map((row) => [row.id, kpiAddInto(row.aggregate, merged.get(row.cellKey)!.aggregate), now]),
  });
  const storedKeys = new Set(stored.map((r) => r.cellKey));
  const fresh = [...merged].filter(([key]) => !storedKeys.has(key));
  if (fresh.length === 0) return;
  await tx.insert(kpiIntervals).values(
    fresh.map(([key, cell]) => ({
      cellKey: key,
      intervalStart: new Date(cell.intervalStart),
      queueId: cell.queueId,
      hotlineId: cell.hotlineId,
      channel: cell.channel,
      agentId: cell.agentId,
      aggregate: cell.aggregate,
    })),
  );
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
