// Weighted coverage penalty f_t(c) = w_under·max(0, r_t − c) + w_over·max(0, c − r_t), and its change when
// one head is added to (or taken from) a run of intervals — the move evaluation of the local search.
import type { Instance } from './instance.ts';

export function penalty(inst: Instance, t: number, c: number): number {
  const r = inst.requirement[t]!;
  return c < r ? inst.wUnder * (r - c) : inst.wOver * (c - r);
}

/** Change of Σ f_t when coverage on [a, b) moves by `by` (+1 or −1). */
export function coverageDelta(inst: Instance, cov: Float64Array, a: number, b: number, by: number): number {
  let d = 0;
  for (let t = a; t < b; t++) {
    const c = cov[t]!;
    d += penalty(inst, t, c + by) - penalty(inst, t, c);
  }
  return d;
}

export function addCoverage(cov: Float64Array, a: number, b: number, by: number): void {
  for (let t = a; t < b; t++) cov[t]! += by;
}

/** Σ max(0, r − c) and Σ max(0, c − r). */
export function underOver(req: ArrayLike<number>, cov: ArrayLike<number>): { under: number; over: number } {
  let under = 0;
  let over = 0;
  for (let t = 0; t < req.length; t++) {
    const d = cov[t]! - req[t]!;
    if (d > 0) over += d;
    else under -= d;
  }
  return { under, over };
}
