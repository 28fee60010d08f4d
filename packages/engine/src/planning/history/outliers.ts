// Outlier detection in an interval history (issue 5, W1): an interval is suspicious when its volume is
// far from the same weekday and slot of the other weeks. Robust statistics, so the outlier itself does
// not hide in the spread: the median m and the median absolute deviation MAD of that weekday-slot,
//   z = (x − m) / max(1.4826·MAD, √m + 1),
// flagged when |z| > threshold (3.5 by Iglewicz & Hoaglin, "How to detect and handle outliers", 1993).
// The floor √m + 1 (about the Poisson standard deviation of a count with mean m) keeps quiet intervals
// whose counts hardly vary (MAD 0) from flagging every small change.
import { weekday } from '../forecast/dates.ts';

export interface HistoryPoint {
  /** Local 'YYYY-MM-DDTHH:MM'. */
  start: string;
  offered: number;
}

export interface Outlier {
  start: string;
  offered: number;
  expected: number;
  score: number;
}

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** Points whose robust z-score within their weekday × time-of-day group exceeds `threshold` (groups of < 4 weeks are skipped). */
export function historyOutliers(points: readonly HistoryPoint[], threshold = 3.5, minWeeks = 4): Outlier[] {
  const groups = new Map<string, HistoryPoint[]>();
  for (const p of points) {
    const key = `${weekday(p.start.slice(0, 10))}${p.start.slice(10, 16)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(p);
  }
  const out: Outlier[] = [];
  for (const g of groups.values()) {
    if (g.length < minWeeks) continue;
    const values = g.map((p) => p.offered).sort((a, b) => a - b);
    const m = median(values);
    const mad = median(values.map((v) => Math.abs(v - m)).sort((a, b) => a - b));
    const scale = Math.max(1.4826 * mad, Math.sqrt(m) + 1);
    for (const p of g) {
      const score = (p.offered - m) / scale;
      if (Math.abs(score) > threshold) out.push({ start: p.start, offered: p.offered, expected: m, score });
    }
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : 1));
}
