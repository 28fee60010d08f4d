// The expected stems are the reference Snowball implementation's output (Python
// snowballstemmer 3.1.1, `stemmer('russian')`); during development all 3,892 distinct Russian
// words of the project's seed texts matched it.
import { describe, expect, it } from 'vitest';
import { compileQualityPhrases, findQualityPhrases, stemRussian } from '../../src/quality/index.ts';

const REFERENCE: [string, string][] = [
  ['ревизиях', 'ревиз'], ['госструктурах', 'госструктур'], ['предоставляют', 'предоставля'], ['штатное', 'штатн'], ['мнение', 'мнен'],
  ['визирования', 'визирован'], ['абсолютная', 'абсолютн'], ['заняты', 'занят'], ['ставят', 'став'], ['решения', 'решен'], ['потому', 'пот'],
  ['чертежей', 'чертеж'], ['участвующих', 'участв'], ['организовать', 'организова'], ['обеспечение', 'обеспечен'], ['эффективности', 'эффективн'],
  ['будущий', 'будущ'], ['нагрузка', 'нагрузк'], ['предугадать', 'предугада'], ['клиента', 'клиент'], ['устойчивым', 'устойчив'],
  ['перечисляются', 'перечисля'], ['процессам', 'процесс'], ['прочая', 'проч'], ['телефония', 'телефон'], ['действующей', 'действ'],
  ['качества', 'качеств'], ['расписание', 'расписан'], ['рабочих', 'рабоч'], ['требуется', 'треб'], ['установленными', 'установлен'],
  ['момента', 'момент'], ['ситуацию', 'ситуац'], ['теряет', 'теря'], ['давать', 'дава'], ['обращайтесь', 'обраща'], ['обращаться', 'обраща'],
  ['обращайся', 'обраща'], ['ёлки', 'елк'], ['быстрейший', 'быстр'], ['взволнованность', 'взволнован'], ['прекраснейшая', 'прекрасн'],
  ['благодарим', 'благодар'], ['извините', 'извин'], ['оставайтесь', 'остава'], ['подождите', 'подожд'], ['проблемой', 'проблем'],
  ['здравствуйте', 'здравств'], ['доброго', 'добр'],
];

describe('stemRussian (Snowball Russian)', () => {
  it.each(REFERENCE)('%s → %s', (word, stem) => expect(stemRussian(word)).toBe(stem));

  it('lowercases, folds ё, leaves words without Russian vowels alone', () => {
    expect(stemRussian('ОБРАЩАЙТЕСЬ')).toBe('обраща');
    expect(stemRussian('SLA')).toBe('sla');
    expect(stemRussian('вкл')).toBe('вкл');
  });
});

describe('findQualityPhrases', () => {
  const set = compileQualityPhrases(['обращайтесь', 'не моя проблема']);
  it('matches other forms of a word and of every word of a phrase', () => {
    const text = 'Обращаться надо было раньше: это не моей проблемой было.';
    expect(findQualityPhrases(text, set)).toEqual([
      { phrase: 'обращайтесь', text: 'Обращаться', start: 0, end: 10 },
      { phrase: 'не моя проблема', text: 'не моей проблемой', start: 33, end: 50 },
    ]);
  });
  it('needs whole, consecutive words', () => {
    expect(findQualityPhrases('не моя большая проблема; переобращайтесь', set)).toEqual([]);
  });
});
