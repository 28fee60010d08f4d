// Checks a scorecard definition before it is saved. Every problem is reported (not just the
// first), each with the path of the value, so a form can show it next to the field.
import type { QualityIssue } from './issues.ts';
import { qualityScaleOptions, qualityScaleRange } from './scales.ts';
import {
  QUALITY_ERROR_CLASSES,
  QUALITY_FAIL_EFFECTS,
  type QualityCriterion,
  type QualityScorecard,
  type QualitySection,
} from './scorecard.ts';

const PERCENT_TOLERANCE = 1e-9;

function checkScale(c: QualityCriterion, path: string, issues: QualityIssue[]): void {
  const scale = c.scale;
  if (!['yesNo', 'points3', 'points4', 'points5', 'custom'].includes(scale?.kind)) {
    issues.push({ path: `${path}.scale`, message: 'unknown scale kind' });
    return;
  }
  const options = qualityScaleOptions(scale);
  if (scale.kind === 'custom') {
    if (!Array.isArray(options) || options.length < 2) {
      issues.push({ path: `${path}.scale`, message: 'a custom scale needs at least two options' });
      return;
    }
    const seen = new Set<number>();
    options.forEach((o, i) => {
      if (!Number.isFinite(o.value)) issues.push({ path: `${path}.scale.options.${i}.value`, message: 'must be a finite number' });
      else if (seen.has(o.value)) issues.push({ path: `${path}.scale.options.${i}.value`, message: `duplicate value ${o.value}` });
      seen.add(o.value);
      if (!o.label?.trim()) issues.push({ path: `${path}.scale.options.${i}.label`, message: 'must not be empty' });
    });
    const { min, max } = qualityScaleRange(scale);
    if (!(max > min)) issues.push({ path: `${path}.scale`, message: 'the highest value must exceed the lowest' });
  }
  if (c.failAtOrBelow !== undefined) {
    const { min, max } = qualityScaleRange(scale);
    if (!Number.isFinite(c.failAtOrBelow) || c.failAtOrBelow < min || c.failAtOrBelow >= max) {
      issues.push({ path: `${path}.failAtOrBelow`, message: `must be within [${min}, ${max}) — at the top value nobody could pass` });
    }
  }
}

function checkCriterion(c: QualityCriterion, path: string, issues: QualityIssue[]): void {
  if (!c.id?.trim()) issues.push({ path: `${path}.id`, message: 'must not be empty' });
  if (!c.title?.trim()) issues.push({ path: `${path}.title`, message: 'must not be empty' });
  if (!QUALITY_ERROR_CLASSES.includes(c.errorClass)) issues.push({ path: `${path}.errorClass`, message: `must be one of ${QUALITY_ERROR_CLASSES.join(', ')}` });
  if (!QUALITY_FAIL_EFFECTS.includes(c.fail)) issues.push({ path: `${path}.fail`, message: `must be one of ${QUALITY_FAIL_EFFECTS.join(', ')}` });
  const gate = c.fail === 'section' || c.fail === 'all';
  if (!Number.isFinite(c.weight) || c.weight < 0 || (c.weight === 0 && !gate)) {
    issues.push({ path: `${path}.weight`, message: gate ? 'must be ≥ 0' : 'must be > 0 (0 only for a fail-section or fail-all criterion)' });
  }
  checkScale(c, path, issues);
}

function checkSection(s: QualitySection, path: string, percent: boolean, issues: QualityIssue[]): void {
  if (!s.id?.trim()) issues.push({ path: `${path}.id`, message: 'must not be empty' });
  if (!s.title?.trim()) issues.push({ path: `${path}.title`, message: 'must not be empty' });
  if (!Number.isFinite(s.weight) || s.weight <= 0) issues.push({ path: `${path}.weight`, message: 'must be > 0' });
  if (!Array.isArray(s.criteria) || s.criteria.length === 0) {
    issues.push({ path: `${path}.criteria`, message: 'a section needs at least one criterion' });
    return;
  }
  s.criteria.forEach((c, i) => checkCriterion(c, `${path}.criteria.${i}`, issues));
  const sum = s.criteria.reduce((a, c) => a + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  if (sum <= 0) issues.push({ path: `${path}.criteria`, message: 'at least one criterion must have a positive weight' });
  else if (percent && Math.abs(sum - 100) > PERCENT_TOLERANCE) issues.push({ path: `${path}.criteria`, message: `criteria weights sum to ${sum}, not 100` });
}

/** All problems of a scorecard definition; an empty list means it may be saved. */
export function validateQualityScorecard(card: QualityScorecard): QualityIssue[] {
  const issues: QualityIssue[] = [];
  if (!card.title?.trim()) issues.push({ path: 'title', message: 'must not be empty' });
  if (!Number.isInteger(card.version) || card.version < 1) issues.push({ path: 'version', message: 'must be an integer ≥ 1' });
  if (card.weighting !== 'relative' && card.weighting !== 'percent') issues.push({ path: 'weighting', message: 'must be relative or percent' });
  if (!Array.isArray(card.sections) || card.sections.length === 0) {
    issues.push({ path: 'sections', message: 'a scorecard needs at least one section' });
    return issues;
  }
  const percent = card.weighting === 'percent';
  card.sections.forEach((s, i) => checkSection(s, `sections.${i}`, percent, issues));
  if (percent) {
    const sum = card.sections.reduce((a, s) => a + (Number.isFinite(s.weight) ? s.weight : 0), 0);
    if (Math.abs(sum - 100) > PERCENT_TOLERANCE) issues.push({ path: 'sections', message: `section weights sum to ${sum}, not 100` });
  }
  const ids = new Map<string, string>();
  card.sections.forEach((s, si) => {
    if (ids.has(`s:${s.id}`)) issues.push({ path: `sections.${si}.id`, message: `duplicate section id "${s.id}"` });
    ids.set(`s:${s.id}`, '');
    (s.criteria ?? []).forEach((c, ci) => {
      if (ids.has(`c:${c.id}`)) issues.push({ path: `sections.${si}.criteria.${ci}.id`, message: `duplicate criterion id "${c.id}" (ids are unique across the scorecard)` });
      ids.set(`c:${c.id}`, '');
    });
  });
  return issues;
}
