import { describe, expect, it } from 'vitest';
import { matchScript, ScriptWalkError, validateScript, walkScript, type ScriptDefinition } from '../../src/scripts/index.ts';

/** A hotline script for a tariff question: greet, identify, branch on the question, collect the contract number. */
const tariff: ScriptDefinition = {
  start: 'greet',
  steps: [
    { id: 'greet', kind: 'say', text: 'Здравствуйте! Линия поддержки, меня зовут …', next: 'what' },
    {
      id: 'what', kind: 'question', text: 'Какой у вас вопрос?',
      answers: [
        { id: 'change', label: 'Сменить тариф', next: 'contract' },
        { id: 'info', label: 'Узнать условия', next: 'info' },
      ],
    },
    { id: 'contract', kind: 'field', text: 'Назовите номер договора', fieldKey: 'contract_no', next: 'confirm', articleIds: ['a-1'] },
    {
      id: 'confirm', kind: 'question', text: 'Номер договора подтверждён в системе?',
      answers: [
        { id: 'yes', label: 'Да', next: 'done' },
        { id: 'no', label: 'Нет', next: 'contract' }, // ask again: a loop with a way out
      ],
    },
    { id: 'info', kind: 'say', text: 'Условия тарифов — в статье базы знаний', next: 'consult', articleIds: ['a-2'] },
    { id: 'done', kind: 'end', text: 'Заявка на смену тарифа оформлена', outcome: 'Заявка оформлена' },
    { id: 'consult', kind: 'end', text: 'Спасибо за обращение!', outcome: 'Консультация' },
  ],
};

describe('script validation', () => {
  it('accepts a well-formed script, loops with a way out included', () => {
    expect(validateScript(tariff, { fieldKeys: ['contract_no'] })).toEqual([]);
  });

  it('names every broken reference by its path', () => {
    const broken: ScriptDefinition = {
      start: 'nope',
      steps: [
        { id: 'a', kind: 'say', text: 'x', next: 'b' },
        { id: 'a', kind: 'question', text: '', answers: [{ id: 'y', label: '', next: 'a' }, { id: 'y', label: 'n', next: 'zz' }] },
        { id: 'f', kind: 'field', text: 'f', fieldKey: 'unknown', next: 'a' },
        { id: 'e', kind: 'end', text: 'bye', outcome: ' ' },
      ],
    };
    expect(validateScript(broken, { fieldKeys: ['contract_no'] })).toEqual([
      { path: 'steps.1.id', message: 'step id "a" is used twice' },
      { path: 'start', message: 'no step "nope"' },
      { path: 'steps.0.next', message: 'no step "b"' },
      { path: 'steps.1.text', message: 'the step has no text' },
      { path: 'steps.1.answers.0.label', message: 'the answer has no text' },
      { path: 'steps.1.answers.1.id', message: 'answer id "y" is used twice' },
      { path: 'steps.1.answers.1.next', message: 'no step "zz"' },
      { path: 'steps.2.fieldKey', message: 'the hotline has no field "unknown"' },
      { path: 'steps.3.outcome', message: 'an end step sets the outcome' },
    ]);
  });

  it('finds steps nobody reaches and loops with no way to an end', () => {
    const def: ScriptDefinition = {
      start: 's',
      steps: [
        { id: 's', kind: 'question', text: '?', answers: [{ id: 'a', label: 'loop', next: 'l1' }, { id: 'b', label: 'end', next: 'e' }] },
        { id: 'l1', kind: 'say', text: 'again', next: 'l2' },
        { id: 'l2', kind: 'say', text: 'and again', next: 'l1' },
        { id: 'orphan', kind: 'end', text: 'never', outcome: 'x' },
        { id: 'e', kind: 'end', text: 'bye', outcome: 'ok' },
      ],
    };
    expect(validateScript(def)).toEqual([
      { path: 'steps.3', message: 'step "orphan" cannot be reached from the start' },
      { path: 'steps.1', message: 'from step "l1" no end step can be reached' },
      { path: 'steps.2', message: 'from step "l2" no end step can be reached' },
    ]);
  });

  it('an empty script is an error', () => {
    expect(validateScript({ start: 'x', steps: [] })).toEqual([{ path: 'steps', message: 'a script needs at least one step' }]);
  });
});

describe('walking a script', () => {
  it('starts at the start step with nothing walked', () => {
    const w = walkScript(tariff, []);
    expect(w).toMatchObject({ path: [], finished: false, outcome: null, fields: {} });
    expect(w.current?.id).toBe('greet');
  });

  it('follows answers, collects fields, repeats a loop, and ends with the outcome', () => {
    const w = walkScript(tariff, [
      { stepId: 'greet' },
      { stepId: 'what', answerId: 'change' },
      { stepId: 'contract', value: ' Д-17 ' },
      { stepId: 'confirm', answerId: 'no' },
      { stepId: 'contract', value: 'Д-171' },
      { stepId: 'confirm', answerId: 'yes' },
      { stepId: 'done' },
    ]);
    expect(w.finished).toBe(true);
    expect(w.current).toBeNull();
    expect(w.outcome).toBe('Заявка оформлена');
    expect(w.fields).toEqual({ contract_no: 'Д-171' });
    expect(w.path.map((p) => [p.stepId, p.answerLabel ?? p.value ?? null])).toEqual([
      ['greet', null], ['what', 'Сменить тариф'], ['contract', 'Д-17'], ['confirm', 'Нет'], ['contract', 'Д-171'], ['confirm', 'Да'], ['done', null],
    ]);
    expect(w.path[1]).toEqual({ stepId: 'what', kind: 'question', text: 'Какой у вас вопрос?', answerId: 'change', answerLabel: 'Сменить тариф' });
  });

  it('stops at the end step until it is confirmed', () => {
    const w = walkScript(tariff, [{ stepId: 'greet' }, { stepId: 'what', answerId: 'info' }, { stepId: 'info' }]);
    expect(w).toMatchObject({ finished: false, outcome: null });
    expect(w.current?.id).toBe('consult');
  });

  it('refuses a path the script does not allow, naming the input', () => {
    const fails = (inputs: Parameters<typeof walkScript>[1], index: number, message: RegExp) => {
      try {
        walkScript(tariff, inputs);
        expect.unreachable('should have thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(ScriptWalkError);
        expect((e as ScriptWalkError).index).toBe(index);
        expect((e as Error).message).toMatch(message);
      }
    };
    fails([{ stepId: 'what', answerId: 'info' }], 0, /expected step "greet"/);
    fails([{ stepId: 'greet' }, { stepId: 'what', answerId: 'cancel' }], 1, /no answer "cancel"/);
    fails([{ stepId: 'greet' }, { stepId: 'what', answerId: 'change' }, { stepId: 'contract', value: '  ' }], 2, /needs a value/);
    fails([{ stepId: 'greet' }, { stepId: 'what', answerId: 'info' }, { stepId: 'info' }, { stepId: 'consult' }, { stepId: 'greet' }], 4, /already ended/);
  });
});

describe('choosing the script for a topic', () => {
  const tree = [
    { id: 'credit', name: 'Кредиты', children: [{ id: 'early', name: 'Досрочное погашение', children: [] }, { id: 'rate', name: 'Ставка', children: [] }] },
    { id: 'cards', name: 'Карты', children: [] },
  ];
  const scripts = [
    { id: 'general', topicId: null, active: true },
    { id: 'credit-script', topicId: 'credit', active: true },
    { id: 'rate-old', topicId: 'rate', active: false },
  ];
  it.each([
    ['early', 'credit-script'], // nearest parent
    ['credit', 'credit-script'], // the topic itself
    ['rate', 'credit-script'], // the topic's own script is inactive
    ['cards', 'general'], // hotline-wide
    [null, 'general'],
    ['no-such-topic', 'general'],
  ])('topic %s → %s', (topic, expected) => {
    expect(matchScript(scripts, tree, topic)?.id).toBe(expected);
  });
  it('nothing bound and no hotline-wide script → none', () => {
    expect(matchScript([{ id: 'x', topicId: 'cards', active: true }], tree, 'credit')).toBeNull();
  });
});
