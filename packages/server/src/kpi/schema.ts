import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { KpiAggregate } from '@linia/engine';
import { at, id, tenantId } from '../db/columns.ts';

/**
 * KPI interval table (K1): one row per cell of the engine's additive aggregates — 15-minute
 * interval × queue × hotline × channel × agent (see engine kpi/cells.ts). Contact cells are added
 * when a contact ends (abandoned, or released after wrap-up); agent-state cells when a state ends.
 * Reports and the wallboard's "today" figures sum rows here and never scan the journal.
 * `cell_key` is the engine's kpiCellKey (its nullable coordinates as one unique text).
 */
export const kpiIntervals = pgTable(
  'kpi_intervals',
  {
    id: id(),
    tenantId: tenantId(),
    cellKey: text('cell_key').notNull(),
    intervalStart: at('interval_start').notNull(),
    queueId: uuid('queue_id'),
    hotlineId: uuid('hotline_id'),
    channel: text('channel'),
    agentId: uuid('agent_id'),
    aggregate: jsonb('aggregate').$type<KpiAggregate>().notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kpi_intervals_cell').on(t.tenantId, t.cellKey), index('kpi_intervals_start').on(t.tenantId, t.intervalStart)],
);
