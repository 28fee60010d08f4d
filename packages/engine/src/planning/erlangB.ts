// Erlang B (M/M/n/n, blocked calls cleared). Recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1))
// (e.g. Cooper, "Introduction to Queueing Theory", 2nd ed., §3.4): every step is a contraction, so it is
// stable for any load (5,000 Erlangs and beyond) without factorials.

/** Blocking probability of `lines` servers offered `erlangs` of traffic. */
export function erlangB(lines: number, erlangs: number): number {
  if (lines < 0 || !Number.isInteger(lines)) throw new RangeError('lines must be a whole number ≥ 0');
  if (!(erlangs >= 0)) throw new RangeError('traffic must be ≥ 0');
  let b = 1;
  for (let k = 1; k <= lines; k++) b = (erlangs * b) / (k + erlangs * b);
  return b;
}

/**
 * ln(1/B(n) − 1), without underflow when B(n) is below 1e−308 (many lines, little traffic).
 * 1/B(n) = 1 + (n/A)·1/B(n−1), so 1/B(n) − 1 = (n/A)·(1/B(n−1)).
 */
export function lnInverseErlangBMinusOne(lines: number, erlangs: number): number {
  if (lines === 0) return -Infinity; // B(0) = 1
  if (erlangs === 0) return Infinity;
  let lnInv = 0; // ln(1/B(0)) = 0
  for (let k = 1; k < lines; k++) {
    const lnStep = Math.log(k / erlangs) + lnInv; // ln((k/A)·1/B(k−1))
    lnInv = lnStep > 0 ? lnStep + Math.log1p(Math.exp(-lnStep)) : Math.log1p(Math.exp(lnStep));
  }
  return Math.log(lines / erlangs) + lnInv;
}

/** Fewest lines (e.g. trunks, IVR ports) whose blocking is at most `maxBlocking`. */
export function erlangBLines(erlangs: number, maxBlocking: number): { lines: number; blocking: number } {
  if (!(maxBlocking > 0 && maxBlocking <= 1)) throw new RangeError('the blocking target must be in (0, 1]');
  let b = 1;
  let n = 0;
  while (b > maxBlocking) {
    n++;
    b = (erlangs * b) / (n + erlangs * b);
  }
  return { lines: n, blocking: b };
}
