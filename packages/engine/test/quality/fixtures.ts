// The scorecard of the worked examples in docs/QUALITY.md § Scoring.
import type { QualityScorecard } from '../../src/quality/index.ts';

export const chatCard: QualityScorecard = {
  id: 'chat-standard',
  version: 1,
  title: 'Чат: стандарт обслуживания',
  weighting: 'relative',
  sections: [
    {
      id: 'A', title: 'Приветствие и этикет', weight: 2,
      criteria: [
        { id: 'a1', title: 'Поприветствовал', weight: 1, scale: { kind: 'yesNo' }, allowNa: false, errorClass: 'nonCritical', fail: 'none' },
        { id: 'a2', title: 'Вежливость', weight: 3, scale: { kind: 'points5' }, allowNa: false, errorClass: 'customer', fail: 'none', failAtOrBelow: 2 },
        { id: 'a3', title: 'Обратился по имени', weight: 1, scale: { kind: 'yesNo' }, allowNa: true, errorClass: 'nonCritical', fail: 'none' },
      ],
    },
    {
      id: 'B', title: 'Решение вопроса', weight: 3,
      criteria: [
        { id: 'b1', title: 'Информация верна', weight: 2, scale: { kind: 'points4' }, allowNa: false, errorClass: 'customer', fail: 'section' },
        {
          id: 'b2', title: 'Полнота ответа', weight: 1, allowNa: false, errorClass: 'business', fail: 'none',
          scale: { kind: 'custom', options: [{ value: 0, label: 'нет' }, { value: 2, label: 'частично' }, { value: 5, label: 'полностью' }] },
        },
      ],
    },
    {
      id: 'C', title: 'Требования регулятора', weight: 1,
      criteria: [
        { id: 'c1', title: 'Идентифицировал клиента', weight: 0, scale: { kind: 'yesNo' }, allowNa: true, errorClass: 'compliance', fail: 'all' },
        { id: 'c2', title: 'Согласие на обработку ПДн', weight: 1, scale: { kind: 'yesNo' }, allowNa: true, errorClass: 'compliance', fail: 'none' },
      ],
    },
  ],
};

/** Example 1 of the docs: weights and N/A. */
export const example1 = { a1: 1, a2: 4, a3: 'na', b1: 3, b2: 2, c1: 1, c2: 'na' } as const;
