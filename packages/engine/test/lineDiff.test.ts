import { describe, expect, it } from 'vitest';
import { csvRow, flattenTopics, lineDiff, topicPath } from '../src/index.ts';

describe('line diff', () => {
  it('keeps common lines and marks changes', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { op: 'same', text: 'a' }, { op: 'del', text: 'b' }, { op: 'add', text: 'x' }, { op: 'same', text: 'c' }, { op: 'add', text: 'd' },
    ]);
    expect(lineDiff('', 'a')).toEqual([{ op: 'add', text: 'a' }]);
    expect(lineDiff('a', '')).toEqual([{ op: 'del', text: 'a' }]);
    expect(lineDiff('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
  });
});

describe('CSV for Excel', () => {
  it('separates by semicolons, quotes what needs it and defuses formulas', () => {
    expect(csvRow(['Иванов', 'a;b', 'say "hi"', null, 3, true])).toBe('Иванов;"a;b";"say ""hi""";;3;true\r\n');
    expect(csvRow(['=HYPERLINK("x")', -5])).toBe(`"'=HYPERLINK(""x"")";-5\r\n`);
  });
});

describe('topic tree', () => {
  const tree = [{ id: 't1', name: 'Карты', children: [{ id: 't1.1', name: 'Блокировка', children: [] }] }];
  it('finds a path and flattens', () => {
    expect(topicPath(tree, 't1.1')).toEqual(['Карты', 'Блокировка']);
    expect(topicPath(tree, 'nope')).toBeNull();
    expect(flattenTopics(tree)).toEqual([{ id: 't1', path: ['Карты'] }, { id: 't1.1', path: ['Карты', 'Блокировка'] }]);
  });
});
