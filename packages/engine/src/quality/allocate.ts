// Splitting a sample size over strata. Proportional: Hamilton's largest-remainder method (each
// stratum gets ⌊n·size/total⌋, the remaining units go to the largest fractional parts; ties by
// stratum order). Equal: one unit per stratum in turn while it has contacts left.

export function allocateProportional(n: number, sizes: readonly number[]): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= n) return [...sizes];
  const quotas = sizes.map((s) => (n * s) / total);
  const out = quotas.map(Math.floor);
  let rest = n - out.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, frac: q - Math.floor(q) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest === 0) break;
    out[i]!++;
    rest--;
  }
  return out;
}

export function allocateEqual(n: number, sizes: readonly number[]): number[] {
  const out = sizes.map(() => 0);
  let left = Math.min(n, sizes.reduce((a, b) => a + b, 0));
  while (left > 0) {
    for (let i = 0; i < sizes.length && left > 0; i++) {
      if (out[i]! < sizes[i]!) {
        out[i]!++;
        left--;
      }
    }
  }
  return out;
}
