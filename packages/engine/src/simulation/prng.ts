// Seeded pseudo-random numbers for simulations and property tests: the same seed gives the same
// run on every machine. mulberry32 (Tommy Ettinger, public domain) — 32-bit state, passes
// gjrand/PractRand to 2^32 outputs, far more than one simulation draws per stream.

export interface Random {
  /** Uniform on [0, 1). */
  next(): number;
}

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return {
    next(): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Uniform integer in [0, n). */
export function randomInt(r: Random, n: number): number {
  return Math.floor(r.next() * n);
}

export function pick<T>(r: Random, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[randomInt(r, items.length)] as T;
}

/** Exponential with the given mean (inverse transform: −mean · ln U). */
export function exponential(r: Random, mean: number): number {
  return -mean * Math.log(1 - r.next());
}

/** Standard normal (Box–Muller). */
export function standardNormal(r: Random): number {
  const u = 1 - r.next();
  const v = r.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Log-normal with the given mean and standard deviation of the variable itself (not of its
 * log): σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
 */
export function logNormal(r: Random, mean: number, sd: number): number {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * standardNormal(r));
}

/**
 * Poisson count with mean λ: Knuth's product method for small λ, and for large λ the sum of
 * Poisson(≤ 30) parts (Poisson is additive), which keeps it exact without a normal approximation.
 */
export function poisson(r: Random, lambda: number): number {
  let n = 0;
  let rest = lambda;
  while (rest > 0) {
    const part = Math.min(rest, 30);
    rest -= part;
    const limit = Math.exp(-part);
    let p = r.next();
    while (p > limit) {
      n++;
      p *= r.next();
    }
  }
  return n;
}
