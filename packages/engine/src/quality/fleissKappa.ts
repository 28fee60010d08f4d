// Fleiss' kappa: chance-corrected agreement of several raters assigning subjects to categories.
// J. L. Fleiss, «Measuring nominal scale agreement among many raters», Psychological Bulletin
// 76(5), 1971, pp. 378–382.
//   P_i = Σ_j n_ij(n_ij − 1) / (n_i(n_i − 1))     agreement on subject i (n_i raters)
//   p_j = Σ_i n_ij / Σ_i n_i                        share of all ratings in category j
//   P̄  = mean of P_i,  P̄_e = Σ_j p_j²,  κ = (P̄ − P̄_e) / (1 − P̄_e)
// With the same n for every subject this is Fleiss' formula exactly; subjects rated by different
// numbers of raters use their own n_i (a common generalisation); subjects with n_i < 2 are skipped.

/** Observed agreement on one subject: the share of agreeing rater pairs. null if fewer than 2 ratings. */
export function qualityPairAgreement(counts: readonly number[]): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n < 2) return null;
  return counts.reduce((a, c) => a + c * (c - 1), 0) / (n * (n - 1));
}

/**
 * κ over subjects (rows) × categories (columns) of rating counts. null when undefined: no
 * subject with two ratings, or every rating in one category (P̄_e = 1).
 */
export function fleissKappa(table: readonly (readonly number[])[]): number | null {
  const rows = table.filter((r) => r.reduce((a, b) => a + b, 0) >= 2);
  if (rows.length === 0) return null;
  const k = Math.max(...rows.map((r) => r.length));
  const totals = new Array<number>(k).fill(0);
  let ratings = 0;
  let observed = 0;
  for (const r of rows) {
    r.forEach((c, j) => (totals[j]! += c));
    ratings += r.reduce((a, b) => a + b, 0);
    observed += qualityPairAgreement(r)!;
  }
  const pBar = observed / rows.length;
  const pe = totals.reduce((a, t) => a + (t / ratings) ** 2, 0);
  if (pe >= 1) return null;
  return (pBar - pe) / (1 - pe);
}
