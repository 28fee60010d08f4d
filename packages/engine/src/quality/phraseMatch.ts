// Morphology-aware phrase matching for automatic checks (SPEC Q5): a phrase matches where the
// text has the same sequence of word stems (Snowball Russian, `stemRu.ts`), so «обращайтесь»
// in a list matches «обращаться» in a reply. Stems are cached: a chat vocabulary is small.
import { stemRussian } from './stemRu.ts';

export interface QualityToken {
  stem: string;
  /** Offsets in the original text: text.slice(start, end) is the word. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

function cachedStem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = stemRussian(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

export function qualityTokens(text: string): QualityToken[] {
  const out: QualityToken[] = [];
  for (const m of text.matchAll(WORD)) out.push({ stem: cachedStem(m[0].toLowerCase()), start: m.index, end: m.index + m[0].length });
  return out;
}

/** A phrase prepared for matching: its stems, and the phrase as configured. */
export interface QualityPhrase {
  phrase: string;
  stems: string[];
}

/** Phrases indexed by their first stem, so a text is scanned once whatever the list's length. */
export interface QualityPhraseSet {
  phrases: QualityPhrase[];
  byFirstStem: Map<string, QualityPhrase[]>;
}

export function compileQualityPhrases(phrases: readonly string[]): QualityPhraseSet {
  const list = phrases.map((phrase) => ({ phrase, stems: qualityTokens(phrase).map((t) => t.stem) })).filter((p) => p.stems.length > 0);
  const byFirstStem = new Map<string, QualityPhrase[]>();
  for (const p of list) {
    const first = p.stems[0]!;
    byFirstStem.set(first, [...(byFirstStem.get(first) ?? []), p]);
  }
  return { phrases: list, byFirstStem };
}

export interface QualityPhraseMatch {
  /** The configured phrase that matched. */
  phrase: string;
  /** The matched words as written in the text, and their offsets. */
  text: string;
  start: number;
  end: number;
}

/** Every occurrence of any phrase in the text (word-aligned, consecutive words). */
export function findQualityPhrases(text: string, set: QualityPhraseSet): QualityPhraseMatch[] {
  if (set.phrases.length === 0) return [];
  const tokens = qualityTokens(text);
  const out: QualityPhraseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const p of set.byFirstStem.get(tokens[i]!.stem) ?? []) {
      const n = p.stems.length;
      if (i + n > tokens.length) continue;
      let k = 0;
      while (k < n && tokens[i + k]!.stem === p.stems[k]) k++;
      if (k < n) continue;
      const start = tokens[i]!.start;
      const end = tokens[i + n - 1]!.end;
      out.push({ phrase: p.phrase, text: text.slice(start, end), start, end });
    }
  }
  return out;
}
