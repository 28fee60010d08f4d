// Event marks as forecast inputs (W1 → W2). A marked period of the past — an outage (calls lost or
// rerouted), a campaign (calls the usual pattern does not explain), a local holiday — is not a normal
// day: its intervals are left out of the training data (treated as excluded, so the forecast imputes the
// same weekday and time of the kept weeks). A mark with an `uplift` factor set by the planner multiplies
// the forecast volume of the future intervals it covers (a campaign announced for next week: × 1.3).
import { toMinutes } from '../schedule/time.ts';

export interface EventMark {
  kind: 'campaign' | 'outage' | 'holiday';
  /** Local 'YYYY-MM-DDTHH:MM', end exclusive. */
  start: string;
  end: string;
  /** Factor on the forecast volume of the future intervals covered (null/absent: none). */
  uplift?: number | null;
}

const overlaps = (start: string, intervalMinutes: number, e: EventMark) => {
  const s = toMinutes(start);
  return s < toMinutes(e.end) && s + intervalMinutes > toMinutes(e.start);
};

/** The history with every interval overlapping a mark flagged `excluded`; returns how many were newly excluded. */
export function excludeMarkedIntervals<T extends { start: string; excluded?: boolean }>(points: readonly T[], marks: readonly EventMark[], intervalMinutes: number): { points: T[]; excluded: number } {
  let excluded = 0;
  const out = points.map((p) => {
    if (p.excluded || !marks.some((e) => overlaps(p.start, intervalMinutes, e))) return p;
    excluded++;
    return { ...p, excluded: true };
  });
  return { points: out, excluded };
}

/** Forecast points × the uplift of the marks covering them (several marks multiply). */
export function applyUplift<T extends { start: string; offered: number }>(points: readonly T[], marks: readonly EventMark[], intervalMinutes: number): { points: T[]; uplifted: number } {
  const active = marks.filter((m) => m.uplift !== undefined && m.uplift !== null && m.uplift !== 1);
  let uplifted = 0;
  const out = points.map((p) => {
    const factor = active.filter((m) => overlaps(p.start, intervalMinutes, m)).reduce((f, m) => f * m.uplift!, 1);
    if (factor === 1) return p;
    uplifted++;
    return { ...p, offered: p.offered * factor };
  });
  return { points: out, uplifted };
}
