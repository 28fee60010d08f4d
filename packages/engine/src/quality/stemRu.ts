// A Russian stemmer: the Snowball Russian algorithm (M. F. Porter, «Russian stemming algorithm»,
// https://snowballstem.org/algorithms/russian/stemmer.html), written from its description.
// It only strips endings (after ё → е), so a stem is always a prefix of the lowercased word;
// «обращайтесь» and «обращаться» both give «обраща». Words without Cyrillic vowels are returned
// lowercased and otherwise unchanged.

const VOWELS = new Set('аеиоуыэюя');

// Ending groups, each sorted longest first so the first match is the longest (Snowball `among`).
const byLength = (s: string): string[] => s.split(' ').sort((a, b) => b.length - a.length);
// Group 1 endings must follow а or я (which stay); group 2 endings stand alone.
const GERUND_1 = byLength('в вши вшись');
const GERUND_2 = byLength('ив ивши ившись ыв ывши ывшись');
const ADJECTIVE = byLength('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею');
const PARTICIPLE_1 = byLength('ем нн вш ющ щ');
const PARTICIPLE_2 = byLength('ивш ывш ующ');
const REFLEXIVE = byLength('ся сь');
const VERB_1 = byLength('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно');
const VERB_2 = byLength('ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю');
const NOUN = byLength('а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я');
const SUPERLATIVE = byLength('ейш ейше');
const DERIVATIONAL = byLength('ост ость');

/** Start of the region after the first non-vowel that follows a vowel, at or after `from`. */
function regionAfter(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) if (!VOWELS.has(w[i] as string) && VOWELS.has(w[i - 1] as string)) return i + 1;
  return w.length;
}

/** The longest ending of `list` that `w` has and that starts at or after `limit`, or ''. */
function ending(w: string, limit: number, list: readonly string[]): string {
  for (const e of list) if (w.length - e.length >= limit && w.endsWith(e)) return e;
  return '';
}

/** Like `ending`, but the ending must be preceded by а or я, also inside the region. */
function endingAfterAYa(w: string, limit: number, list: readonly string[]): string {
  for (const e of list) {
    const at = w.length - e.length;
    if (at - 1 >= limit && w.endsWith(e) && (w[at - 1] === 'а' || w[at - 1] === 'я')) return e;
  }
  return '';
}

/** Removes the longest of (group-1 after а/я, group-2) endings; returns the word unchanged if none. */
function strip(w: string, rv: number, group1: readonly string[], group2: readonly string[]): string {
  const a = endingAfterAYa(w, rv, group1);
  const b = ending(w, rv, group2);
  const e = a.length >= b.length ? a : b;
  return e ? w.slice(0, w.length - e.length) : w;
}

function stripAdjectival(w: string, rv: number): string {
  const adj = ending(w, rv, ADJECTIVE);
  if (!adj) return w;
  const rest = w.slice(0, w.length - adj.length);
  return strip(rest, rv, PARTICIPLE_1, PARTICIPLE_2);
}

function step1(w: string, rv: number): string {
  const gerund = strip(w, rv, GERUND_1, GERUND_2);
  if (gerund !== w) return gerund;
  const r = ending(w, rv, REFLEXIVE);
  const base = r ? w.slice(0, w.length - r.length) : w;
  const adjectival = stripAdjectival(base, rv);
  if (adjectival !== base) return adjectival;
  const verb = strip(base, rv, VERB_1, VERB_2);
  if (verb !== base) return verb;
  const noun = ending(base, rv, NOUN);
  return noun ? base.slice(0, base.length - noun.length) : base;
}

function step4(w: string, rv: number): string {
  if (w.endsWith('нн') && w.length - 2 >= rv) return w.slice(0, -1);
  const sup = ending(w, rv, SUPERLATIVE);
  if (sup) {
    const rest = w.slice(0, w.length - sup.length);
    return rest.endsWith('нн') && rest.length - 2 >= rv ? rest.slice(0, -1) : rest;
  }
  if (w.endsWith('ь') && w.length - 1 >= rv) return w.slice(0, -1);
  return w;
}

/** The Snowball Russian stem of one word (any case; ё treated as е). */
export function stemRussian(word: string): string {
  let w = word.toLowerCase().replaceAll('ё', 'е');
  let first = -1;
  for (let i = 0; i < w.length; i++) {
    if (VOWELS.has(w[i] as string)) {
      first = i;
      break;
    }
  }
  if (first < 0) return w;
  const rv = first + 1;
  const r1 = regionAfter(w, 0);
  const r2 = regionAfter(w, r1);
  w = step1(w, rv);
  if (w.endsWith('и') && w.length - 1 >= rv) w = w.slice(0, -1);
  const der = ending(w, r2, DERIVATIONAL);
  if (der) w = w.slice(0, w.length - der.length);
  return step4(w, rv);
}
