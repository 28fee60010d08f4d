// Worked example of docs/QUALITY.md § Automatic checks.
import { describe, expect, it } from 'vitest';
import { compileQualityAutoChecks, type QualityAutoContact, type QualityAutoRule, type QualityScorecard } from '../../src/quality/index.ts';

const s = 1000;
const contact: QualityAutoContact = {
  messages: [
    { author: 'customer', at: 0, text: 'Здравствуйте, у меня не работает интернет' },
    { author: 'agent', at: 45 * s, text: 'Добрый день! Меня зовут Анна, сейчас проверю.' },
    { author: 'customer', at: 60 * s, text: 'Жду' },
    { author: 'customer', at: 70 * s, text: 'Алло?' },
    { author: 'system', at: 100 * s, text: 'Оператор печатает…' },
    { author: 'agent', at: 180 * s, text: 'Обращаться нужно было раньше, это не моя проблема.' },
    { author: 'customer', at: 200 * s, text: 'Спасибо' },
  ],
  scriptFields: { contract: '12345', address: ' ' },
};

const rules: QualityAutoRule[] = [
  { kind: 'greeting', criterionId: 'greet', phrases: ['здравствуйте', 'добрый день'] },
  { kind: 'forbiddenPhrases', criterionId: 'forbid', phrases: ['обращайтесь', 'не моя проблема'] },
  { kind: 'firstResponseTime', criterionId: 'frt', maxSeconds: 60 },
  { kind: 'averageResponseTime', criterionId: 'art', maxSeconds: 60 },
  { kind: 'scriptFields', criterionId: 'fields', requiredFields: ['contract', 'address'] },
];

const yn = (id: string, allowNa = false) => ({ id, title: id, weight: 1, scale: { kind: 'yesNo' as const }, allowNa, errorClass: 'nonCritical' as const, fail: 'none' as const });
const card: QualityScorecard = {
  id: 'auto', version: 1, title: 'auto', weighting: 'relative',
  sections: [{ id: 's', title: 's', weight: 1, criteria: [yn('greet'), { ...yn('forbid'), scale: { kind: 'points5' }, failAtOrBelow: 2 }, yn('frt'), yn('art', true), yn('fields')] }],
};

describe('automatic checks', () => {
  const compiled = compileQualityAutoChecks(rules, card);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  const result = compiled.checker.run(contact);
  const by = (id: string) => result.suggestions.find((x) => x.criterionId === id)!;

  it('greeting found in the first agent reply, with evidence', () => {
    expect(by('greet')).toEqual({ criterionId: 'greet', rule: 'greeting', passed: true, value: 1, evidence: [{ messageIndex: 1, text: 'Добрый день' }] });
  });
  it('forbidden phrases in any form; the failing value of a 5-point scale with threshold 2 is 2', () => {
    expect(by('forbid')).toEqual({
      criterionId: 'forbid', rule: 'forbiddenPhrases', passed: false, value: 2,
      evidence: [{ messageIndex: 5, text: 'Обращаться' }, { messageIndex: 5, text: 'не моя проблема' }],
    });
  });
  it('first response 45 s ≤ 60 s passes', () => {
    expect(by('frt')).toMatchObject({ passed: true, seconds: 45, value: 1, evidence: [{ messageIndex: 1 }] });
  });
  it('average response (45 + 120)/2 = 82.5 s > 60 s fails; evidence is the slowest reply', () => {
    expect(by('art')).toMatchObject({ passed: false, seconds: 82.5, value: 0, evidence: [{ messageIndex: 5 }] });
  });
  it('script fields: a blank value is missing', () => {
    expect(by('fields')).toEqual({ criterionId: 'fields', rule: 'scriptFields', passed: false, value: 0, evidence: [], missingFields: ['address'] });
  });
  it('automatic score = weighted share of passed rules: 2 of 5', () => {
    expect(result.score).toBe(0.4);
  });

  it('no agent reply: greeting and average do not apply (N/A where allowed), first response fails', () => {
    const r = compiled.checker.run({ messages: [{ author: 'customer', at: 0, text: 'Есть кто?' }], scriptFields: { contract: 1, address: 'Москва' } });
    expect(r.suggestions.map((x) => [x.criterionId, x.passed, x.value])).toEqual([
      ['greet', null, undefined], ['forbid', true, 5], ['frt', false, 0], ['art', null, 'na'], ['fields', true, 1],
    ]);
    expect(r.score).toBeCloseTo(2 / 3, 12);
  });

  it('first response counts from startedAt when given; greeting missing gives the reply as evidence', () => {
    const r = compileQualityAutoChecks([rules[0]!, rules[2]!]);
    if (!r.ok) throw new Error();
    const out = r.checker.run({ startedAt: -30 * s, messages: [{ author: 'agent', at: 45 * s, text: 'Слушаю' }] });
    expect(out.suggestions[0]).toEqual({ criterionId: 'greet', rule: 'greeting', passed: false, evidence: [{ messageIndex: 0, text: 'Слушаю' }] });
    expect(out.suggestions[1]).toMatchObject({ passed: false, seconds: 75 });
  });

  it('refuses rules naming unknown criteria, empty phrase lists, non-positive thresholds', () => {
    const r = compileQualityAutoChecks([{ kind: 'greeting', criterionId: 'nope', phrases: ['!!'] }, { kind: 'firstResponseTime', criterionId: 'frt', maxSeconds: 0 }], card);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['rules.0.criterionId', 'rules.0.phrases', 'rules.1.maxSeconds']);
  });
});
