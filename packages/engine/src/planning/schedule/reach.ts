// Hours an employee can actually work: sums of the paid lengths of their allowed templates, one shift per
// day at most. The band [lo, hi] is tightened to the nearest achievable sums (an unbounded knapsack with a
// count limit, by dynamic programming over the grid step) — valid for every schedule, and it makes the
// summed hours constraint of the aggregate model much stronger (e.g. 8-h shifts and a band of 143–151 h
// mean exactly 18 shifts).

/** Smallest achievable minutes ≥ lo and largest ≤ hi, or null when none lies in [lo, hi]. */
export function tightenBand(lo: number, hi: number, lengths: number[], maxShifts: number, step: number): { lo: number; hi: number } | null {
  const units = [...new Set(lengths.map((l) => Math.round(l / step)))].filter((u) => u > 0);
  const top = Math.floor(hi / step);
  const fewest = new Int32Array(top + 1).fill(0x3fffffff);
  fewest[0] = 0;
  for (let k = 1; k <= top; k++) for (const u of units) if (u <= k && fewest[k - u]! + 1 < fewest[k]!) fewest[k] = fewest[k - u]! + 1;
  let a = -1;
  let b = -1;
  for (let k = Math.ceil(lo / step); k <= top; k++) {
    if (fewest[k]! > maxShifts) continue;
    if (a < 0) a = k;
    b = k;
  }
  return a < 0 ? null : { lo: a * step, hi: b * step };
}
