import type { KpiCell } from '../../kpi/cells.ts';
import { kpiIntervalStart } from '../../kpi/intervals.ts';
import { kpiLocalTime } from '../../kpi/localTime.ts';

/** One interval of a planning queue's history, as the planning tables keep it (local wall time). */
export interface JournalHistoryRow {
  /** `YYYY-MM-DDTHH:MM`, the hotline's local time. */
  intervalStart: string;
  offered: number;
  handled: number;
  abandoned: number;
  /** Σ talk + hold + after-contact work of the handled contacts, seconds (AHT = handleSeconds / handled). */
  handleSeconds: number;
  answeredWithinT: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The journal's 15-minute KPI cells turned into a planning queue's history at its own interval
 * length (15, 30 or 60 minutes), in the hotline's local time. Cells are additive, so a half hour
 * is the sum of its two quarters, and a planning queue fed by several ACD queues of a hotline is
 * the sum of theirs. Cells without contacts (agents' state time) add nothing. On the autumn DST
 * night the two 02:00 hours share one local name and are added together, as a wall-clock history
 * (and the forecast, which works in local time) needs.
 */
export function historyFromKpiCells(cells: readonly KpiCell[], timeZone: string, intervalMinutes: number): JournalHistoryRow[] {
  const rows = new Map<string, JournalHistoryRow>();
  for (const cell of cells) {
    const a = cell.aggregate;
    if (a.offered === 0 && a.answered === 0 && a.abandoned === 0) continue;
    const t = kpiLocalTime(kpiIntervalStart(cell.intervalStart, timeZone, intervalMinutes), timeZone);
    const key = `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
    const row = rows.get(key) ?? { intervalStart: key, offered: 0, handled: 0, abandoned: 0, handleSeconds: 0, answeredWithinT: 0 };
    row.offered += a.offered;
    row.handled += a.answered;
    row.abandoned += a.abandoned;
    row.handleSeconds += a.talkSeconds + a.holdSeconds + a.wrapUpSeconds;
    row.answeredWithinT += a.answeredWithinT;
    rows.set(key, row);
  }
  return [...rows.values()].sort((x, y) => x.intervalStart.localeCompare(y.intervalStart));
}
