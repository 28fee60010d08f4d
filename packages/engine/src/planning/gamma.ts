// Log-gamma and the lower incomplete gamma function in log space, for Erlang A.
// Lanczos approximation (g = 7, n = 9; Numerical Recipes 3rd ed. §6.1) and
// series / continued fraction for γ(a, z) (Numerical Recipes §6.2, `gser` and `gcf` with Lentz's method).

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x); // reflection
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

const EPS = 1e-16;
const MAX_ITER = 1_000_000;

/** ln γ(a, z) = ln ∫₀^z s^(a−1) e^(−s) ds, for a > 0, z ≥ 0 (−∞ at z = 0). Never over- or underflows. */
export function lnLowerGamma(a: number, z: number): number {
  if (z <= 0) return -Infinity;
  if (z < a + 1) {
    // γ(a,z) = z^a e^(−z) Σ_{n≥0} z^n / (a (a+1) … (a+n))
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITER; n++) {
      term *= z / (a + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    return a * Math.log(z) - z + Math.log(sum);
  }
  // Γ(a,z) = z^a e^(−z) · 1/(z+1−a− 1·(1−a)/(z+3−a− …)), then γ = Γ(a) − Γ(a,z)
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const lnG = lnGamma(a);
  const lnUpper = a * Math.log(z) - z + Math.log(h);
  return lnG + Math.log1p(-Math.exp(lnUpper - lnG));
}
