// A cell is one aggregate with its coordinates: interval × queue × hotline × channel × agent.
// Contact cells carry all of them (agent = who answered, null if nobody); agent-state cells
// carry only the interval and the agent (an agent serves several queues at once, so its time
// cannot be split by queue). Stored cells are the only input reports need: any grouping is a
// roll-up of cells, never a rescan of contacts.

import { kpiAddInto, kpiEmptyAggregate, type KpiAggregate } from './aggregate.ts';

export interface KpiCell {
  /** UTC ms start of the local interval (intervals.ts). */
  intervalStart: number;
  queueId: string | null;
  hotlineId: string | null;
  channel: string | null;
  agentId: string | null;
  aggregate: KpiAggregate;
}

/** Identity of a cell's coordinates (a storage key: one row per distinct key). */
export function kpiCellKey(c: Omit<KpiCell, 'aggregate'>): string {
  return JSON.stringify([c.intervalStart, c.queueId, c.hotlineId, c.channel, c.agentId]);
}

/** Adds cells into a map keyed by kpiCellKey, merging equal coordinates (mutates `into`). */
export function kpiAddCells(into: Map<string, KpiCell>, cells: Iterable<KpiCell>): Map<string, KpiCell> {
  for (const c of cells) {
    const key = kpiCellKey(c);
    const have = into.get(key);
    if (have) kpiAddInto(have.aggregate, c.aggregate);
    else into.set(key, { ...c, aggregate: kpiAddInto(kpiEmptyAggregate(), c.aggregate) });
  }
  return into;
}

/**
 * Merges cells by a group key: e.g. `c => c.queueId && kpiPeriodKey(c.intervalStart, 'day', tz)`
 * for queues by day, `c => c.agentId` per agent (contacts it answered and its states),
 * `c => groupOf.get(c.agentId)` for teams. Cells whose key is null or undefined are left out.
 */
export function kpiRollUp(cells: Iterable<KpiCell>, keyOf: (cell: KpiCell) => string | null | undefined): Map<string, KpiAggregate> {
  const out = new Map<string, KpiAggregate>();
  for (const c of cells) {
    const key = keyOf(c);
    if (key === null || key === undefined) continue;
    let a = out.get(key);
    if (!a) out.set(key, (a = kpiEmptyAggregate()));
    kpiAddInto(a, c.aggregate);
  }
  return out;
}
