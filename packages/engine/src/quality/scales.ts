import type { QualityCriterion, QualityScale, QualityScaleOption } from './scorecard.ts';

const YES_NO: readonly QualityScaleOption[] = [
  { value: 0, label: 'no' },
  { value: 1, label: 'yes' },
];
const points = (n: number): QualityScaleOption[] => Array.from({ length: n }, (_, i) => ({ value: i + 1, label: String(i + 1) }));
const POINTS: Record<'points3' | 'points4' | 'points5', readonly QualityScaleOption[]> = {
  points3: points(3),
  points4: points(4),
  points5: points(5),
};

/** The options of a scale, in the order given (custom) or ascending (built-in). */
export function qualityScaleOptions(scale: QualityScale): readonly QualityScaleOption[] {
  if (scale.kind === 'yesNo') return YES_NO;
  if (scale.kind === 'custom') return scale.options;
  return POINTS[scale.kind];
}

export interface QualityScaleRange {
  min: number;
  max: number;
}

export function qualityScaleRange(scale: QualityScale): QualityScaleRange {
  let min = Infinity;
  let max = -Infinity;
  for (const o of qualityScaleOptions(scale)) {
    if (o.value < min) min = o.value;
    if (o.value > max) max = o.value;
  }
  return { min, max };
}

/** The threshold at or below which the criterion counts as failed (default: the scale minimum). */
export function qualityFailThreshold(c: QualityCriterion): number {
  return c.failAtOrBelow ?? qualityScaleRange(c.scale).min;
}

/** Normalised criterion score: (selected − min) / (max − min), in [0, 1]. */
export function qualityCriterionScore(c: QualityCriterion, value: number): number {
  const { min, max } = qualityScaleRange(c.scale);
  return (value - min) / (max - min);
}

export function qualityCriterionFailed(c: QualityCriterion, value: number): boolean {
  return value <= qualityFailThreshold(c);
}
