import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../src');

/**
 * Every key path of a message tree, e.g. `desk.tabs.journal`. Plural suffixes are dropped:
 * Russian needs `_one/_few/_many` where English has `_one/_other`.
 */
function keys(tree: unknown, prefix = ''): string[] {
  if (tree === null || typeof tree !== 'object') return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  return [...new Set(Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)))];
}

function load(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const pairs: [string, string, string][] = [['shared', resolve(src, 'i18n/ru.json'), resolve(src, 'i18n/en.json')]];
for (const area of readdirSync(src)) {
  const dir = resolve(src, area, 'locales');
  if (existsSync(dir)) pairs.push([area, resolve(dir, 'ru.json'), resolve(dir, 'en.json')]);
}

describe('UI texts', () => {
  it.each(pairs)('%s: Russian and English define the same keys', (_area, ru, en) => {
    const ruKeys = keys(load(ru)).sort();
    const enKeys = keys(load(en)).sort();
    expect(ruKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !ruKeys.includes(k))).toEqual([]);
  });

  it('area files never redefine a shared namespace', () => {
    const shared = Object.keys(load(resolve(src, 'i18n/ru.json')) as object);
    const seen = new Set(shared);
    for (const [area, ru] of pairs.slice(1)) {
      for (const ns of Object.keys(load(ru) as object)) {
        expect(seen.has(ns), `${area} redefines ${ns}`).toBe(false);
        seen.add(ns);
      }
    }
  });
});
