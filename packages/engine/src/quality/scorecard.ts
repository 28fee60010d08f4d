// Scorecard definitions (SPEC Q1, issue 6). A scorecard is versioned: an evaluation keeps the
// version it was made with, so a definition here is one immutable version.
//
// Error classes follow the professional standard «Специалист по дистанционному
// информационно-справочному обслуживанию», labour function B/02.4: the specialist must
// «классифицировать ошибки … по признакам критичности с точки зрения клиентов, организации и
// регулирующих органов» — critical for the customer, for the business (organisation), for
// compliance (regulator); everything else is non-critical.

export const QUALITY_ERROR_CLASSES = ['customer', 'business', 'compliance', 'nonCritical'] as const;
export type QualityErrorClass = (typeof QUALITY_ERROR_CLASSES)[number];

/** What failing a criterion does beyond losing its points. */
export const QUALITY_FAIL_EFFECTS = ['none', 'section', 'all'] as const;
export type QualityFailEffect = (typeof QUALITY_FAIL_EFFECTS)[number];

export interface QualityScaleOption {
  value: number;
  label: string;
}

/**
 * yesNo: no = 0, yes = 1. points3/4/5: 1…3, 1…4, 1…5. custom: any options (at least two distinct
 * values). Only the position between the lowest and the highest value matters for the score.
 */
export type QualityScale =
  | { kind: 'yesNo' }
  | { kind: 'points3' }
  | { kind: 'points4' }
  | { kind: 'points5' }
  | { kind: 'custom'; options: QualityScaleOption[] };

export interface QualityCriterion {
  id: string;
  title: string;
  /** Relative weight within its section (> 0; 0 allowed only for a fail-section/fail-all gate). */
  weight: number;
  scale: QualityScale;
  /** May the specialist answer «не применимо» (N/A)? */
  allowNa: boolean;
  errorClass: QualityErrorClass;
  fail: QualityFailEffect;
  /**
   * The criterion is failed (an error of its class) when the selected value is ≤ this. Default:
   * the scale's lowest value (for yes/no: «no»).
   */
  failAtOrBelow?: number;
}

export interface QualitySection {
  id: string;
  title: string;
  /** Relative weight of the section in the evaluation (> 0). */
  weight: number;
  criteria: QualityCriterion[];
}

/**
 * `relative`: weights are any positive numbers, only their ratios matter. `percent`: section
 * weights sum to 100, and criteria weights within each section sum to 100.
 */
export type QualityWeighting = 'relative' | 'percent';

export interface QualityScorecard {
  id: string;
  version: number;
  title: string;
  weighting: QualityWeighting;
  sections: QualitySection[];
}

/** A criterion's answer: an option value, or N/A. */
export type QualityAnswer = number | 'na';
export type QualityAnswers = Readonly<Record<string, QualityAnswer>>;
