import { describe, expect, it } from 'vitest';
import { validateQualityScorecard, type QualityScorecard } from '../../src/quality/index.ts';
import { chatCard } from './fixtures.ts';

const clone = (): QualityScorecard => structuredClone(chatCard);

describe('validateQualityScorecard', () => {
  it('accepts the docs scorecard', () => {
    expect(validateQualityScorecard(chatCard)).toEqual([]);
  });

  it('names the path of a custom scale without options', () => {
    const card = clone();
    card.sections[1]!.criteria[1]!.scale = { kind: 'custom', options: [] };
    expect(validateQualityScorecard(card)).toEqual([{ path: 'sections.1.criteria.1.scale', message: 'a custom scale needs at least two options' }]);
  });

  it('refuses non-positive weights (0 only for gates), duplicate ids and bad thresholds', () => {
    const card = clone();
    card.sections[0]!.weight = 0;
    card.sections[0]!.criteria[0]!.weight = 0;
    card.sections[1]!.criteria[0]!.id = 'a2';
    card.sections[0]!.criteria[1]!.failAtOrBelow = 5;
    card.sections[1]!.criteria[1]!.scale = { kind: 'custom', options: [{ value: 1, label: 'x' }, { value: 1, label: 'y' }] };
    expect(validateQualityScorecard(card).map((i) => i.path)).toEqual([
      'sections.0.weight',
      'sections.0.criteria.0.weight',
      'sections.0.criteria.1.failAtOrBelow',
      'sections.1.criteria.1.scale.options.1.value',
      'sections.1.criteria.1.scale',
      'sections.1.criteria.0.id',
    ]);
  });

  it('percent weighting: weights must sum to 100', () => {
    const card = clone();
    card.weighting = 'percent';
    const paths = validateQualityScorecard(card).map((i) => i.path);
    expect(paths).toEqual(['sections.0.criteria', 'sections.1.criteria', 'sections.2.criteria', 'sections']);
    expect(validateQualityScorecard(card).at(-1)!.message).toBe('section weights sum to 6, not 100');
  });

  it('a section of only zero-weight gates is refused; an empty scorecard too', () => {
    const card = clone();
    card.sections[2]!.criteria = [card.sections[2]!.criteria[0]!];
    expect(validateQualityScorecard(card)).toEqual([{ path: 'sections.2.criteria', message: 'at least one criterion must have a positive weight' }]);
    expect(validateQualityScorecard({ ...chatCard, sections: [] })).toEqual([{ path: 'sections', message: 'a scorecard needs at least one section' }]);
  });
});
