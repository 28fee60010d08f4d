// History (W1) from the journal: the ACD's 15-minute KPI cells of a planning queue's hotline,
// summed into the queue's intervals in the hotline's local time (engine historyFromKpiCells).
import { and, eq, gte, lt } from 'drizzle-orm';
import { historyFromKpiCells } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { findOr404 } from '../http/crud.ts';
import { badField, conflict } from '../http/problem.ts';
import { kpiIntervals } from '../kpi/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import { upsertHistory } from './history.ts';
import { planningQueues } from './schema.ts';

const DAY = 86_400_000;

/** The UTC instant of local midnight of `date` (YYYY-MM-DD) in `timeZone`, found by its offset. */
function localMidnight(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(guess)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const shown = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  return guess - (shown - guess);
}

/**
 * Fills the queue's history for the local days [from, to] from the journal. Intervals already
 * there (an earlier import) are replaced by what the journal counted; the planner's exclusions stay.
 */
export async function historyFromJournal(tx: Tx, queueId: string, from: string, to: string) {
  if (to < from) throw badField('body.to', 'the period ends before it starts');
  const queue = await findOr404(tx, planningQueues, queueId, 'Planning queue');
  if (!queue.hotlineId) throw conflict('hotlineId', 'link the planning queue to a hotline first: its contacts are the history');
  const hotline = await findOr404(tx, hotlines, queue.hotlineId, 'Hotline');
  const start = localMidnight(from, hotline.timeZone);
  const end = localMidnight(to, hotline.timeZone) + DAY;
  const cells = await tx
    .select()
    .from(kpiIntervals)
    .where(and(eq(kpiIntervals.hotlineId, hotline.id), gte(kpiIntervals.intervalStart, new Date(start)), lt(kpiIntervals.intervalStart, new Date(end))));
  const rows = historyFromKpiCells(
    cells.map((c) => ({ intervalStart: c.intervalStart.getTime(), queueId: c.queueId, hotlineId: c.hotlineId, channel: c.channel, agentId: c.agentId, aggregate: c.aggregate })),
    hotline.timeZone,
    queue.intervalMinutes,
  );
  await upsertHistory(
    tx,
    rows.map((r) => ({ queueId, intervalStart: r.intervalStart, intervalMinutes: queue.intervalMinutes, offered: r.offered, handled: r.handled, abandoned: r.abandoned, handleSeconds: r.handleSeconds, answeredWithinT: r.answeredWithinT, source: 'journal' as const })),
  );
  return { rows: rows.length, offered: rows.reduce((n, r) => n + r.offered, 0) };
}
