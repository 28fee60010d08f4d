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
for (const entry of readdirSync(src, { recursive: true }) as string[]) {
  if (!entry.endsWith('/locales') && !entry.endsWith('\\locales')) continue;
  const dir = resolve(src, entry);
  if (existsSync(resolve(dir, 'ru.json'))) pairs.push([entry, resolve(dir, 'ru.json'), resolve(dir, 'en.json')]);
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

describe('permission labels', () => {
  it('every permission of the matrix has a name in Russian and English (the roles screen shows them)', async () => {
    const { PERMISSIONS } = await import('@linia/engine');
    for (const lang of ['ru', 'en']) {
      const names = (load(resolve(src, `i18n/${lang}.json`)) as { permissions: Record<string, string> }).permissions;
      expect(PERMISSIONS.filter((p) => !names[p.replace('.', '_')]), lang).toEqual([]);
    }
  });
});
