import { eq } from 'drizzle-orm';
import { kpiPeriodKey, kpiRollUp, kpisFrom, type KpiFigures } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { acdQueues } from '../acd/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import { readKpiCells } from './store.ts';

const DAY_MS = 86_400_000;

/** Each queue's time zone: its hotline's (intervals and "today" are the hotline's local time). */
export async function queueZones(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.select({ id: acdQueues.id, timeZone: hotlines.timeZone }).from(acdQueues).innerJoin(hotlines, eq(hotlines.id, acdQueues.hotlineId));
  return new Map(rows.map((r) => [r.id, r.timeZone]));
}

/**
 * Today's figures per queue (K1), from the stored interval cells only: the cells of the last
 * 26 hours (every zone's "today" lies inside) whose local day, in the queue's zone, is today's.
 */
export async function todayByQueue(tx: Tx, now: number, queueId?: string): Promise<Map<string, KpiFigures>> {
  const zones = await queueZones(tx);
  const cells = await readKpiCells(tx, now - 26 * 3_600_000, now + DAY_MS, queueId ? { queueId } : {});
  const sums = kpiRollUp(cells, (c) => {
    const tz = c.queueId ? zones.get(c.queueId) : undefined;
    if (!tz || !c.queueId) return null;
    return kpiPeriodKey(c.intervalStart, 'day', tz) === kpiPeriodKey(now, 'day', tz) ? c.queueId : null;
  });
  return new Map([...sums].map(([q, a]) => [q, kpisFrom(a)]));
}
