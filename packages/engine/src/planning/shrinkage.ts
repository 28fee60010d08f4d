// Shrinkage: the share of paid time agents are not available for contacts (breaks, training, absence).
// Planned p and unplanned u combine multiplicatively: available share = (1 − p)(1 − u), so
// shrinkage = 1 − (1 − p)(1 − u), and heads to schedule = ⌈agents / (1 − shrinkage)⌉.

export type Shrinkage = number | { planned?: number; unplanned?: number };

/** The combined shrinkage share in [0, 1). */
export function combinedShrinkage(s: Shrinkage | undefined): number {
  if (s === undefined) return 0;
  const total = typeof s === 'number' ? s : 1 - (1 - (s.planned ?? 0)) * (1 - (s.unplanned ?? 0));
  if (!(total >= 0 && total < 1)) throw new RangeError('shrinkage must be in [0, 1)');
  return total;
}

/** ⌈agents / (1 − shrinkage)⌉, tolerant of binary rounding (14 / 0.7 is 20.000000000000004). */
export function scheduledHeads(agents: number, shrinkage: Shrinkage | undefined): number {
  const s = combinedShrinkage(shrinkage);
  return Math.ceil(agents / (1 - s) - 1e-9);
}
