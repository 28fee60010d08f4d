// Agent-state spans → seconds per interval. Unlike contacts, time is split where it happened:
// a 30-minute lunch from 12:50 gives 600 s, 900 s and 300 s to three intervals. The spans come
// from the routing engine's agentStateChanged decisions (each state lasts until the next change).

import type { AgentState } from '../routing/agentStates.ts';
import { kpiEmptyAggregate } from './aggregate.ts';
import { kpiAddCells, type KpiCell } from './cells.ts';
import { KPI_INTERVAL_MINUTES, kpiIntervalStart, kpiNextIntervalStart } from './intervals.ts';

export interface KpiAgentStateSpan {
  agentId: string;
  state: AgentState;
  /** Not-ready reason code (null → counted under "unspecified"). */
  reason?: string | null;
  /** ms */
  start: number;
  /** ms; null = still in this state (ends at `until`). */
  end: number | null;
}

export interface KpiAgentStateOptions {
  timeZone: string;
  intervalMinutes?: number;
  /** End of spans still open (normally `now`); required if any span is open. */
  until?: number;
}

export const KPI_UNSPECIFIED_REASON = 'unspecified';

function addSeconds(cell: KpiCell, span: KpiAgentStateSpan, seconds: number): void {
  const a = cell.aggregate;
  switch (span.state) {
    case 'ready': a.agentReadySeconds += seconds; break;
    case 'onContact': a.agentOnContactSeconds += seconds; break;
    case 'wrapUp': a.agentWrapUpSeconds += seconds; break;
    case 'notReady': {
      const r = span.reason ?? KPI_UNSPECIFIED_REASON;
      a.agentNotReadySeconds[r] = (a.agentNotReadySeconds[r] ?? 0) + seconds;
      break;
    }
    case 'offline': break; // not logged in: no KPI reads it
  }
}

/** One cell per interval the span touches, each with the seconds of the span inside it. */
export function kpiStateSpanCells(span: KpiAgentStateSpan, o: KpiAgentStateOptions): KpiCell[] {
  const end = span.end ?? o.until;
  if (end === undefined) throw new RangeError(`agent ${span.agentId}: open ${span.state} span needs options.until`);
  if (span.end !== null && span.end < span.start) throw new RangeError(`agent ${span.agentId}: span ends before it starts`);
  if (span.state === 'offline' || end <= span.start) return [];
  const minutes = o.intervalMinutes ?? KPI_INTERVAL_MINUTES;
  const cells: KpiCell[] = [];
  let s = kpiIntervalStart(span.start, o.timeZone, minutes);
  let from = span.start;
  while (from < end) {
    const next = kpiNextIntervalStart(s, o.timeZone, minutes);
    const to = Math.min(end, next);
    const cell: KpiCell = { intervalStart: s, queueId: null, hotlineId: null, channel: null, agentId: span.agentId, aggregate: kpiEmptyAggregate() };
    addSeconds(cell, span, (to - from) / 1000);
    cells.push(cell);
    from = to;
    s = next;
  }
  return cells;
}

/** Cells of many spans, merged by interval and agent. */
export function kpiAgentStateCells(spans: Iterable<KpiAgentStateSpan>, o: KpiAgentStateOptions): KpiCell[] {
  const cells = new Map<string, KpiCell>();
  for (const span of spans) kpiAddCells(cells, kpiStateSpanCells(span, o));
  return [...cells.values()];
}
