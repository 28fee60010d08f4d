// A seeded pseudo-random key per contact: FNV-1a (Fowler–Noll–Vo, 32-bit) of the id, mixed with
// the seed by MurmurHash3's fmix32 finaliser (Austin Appleby, public domain). Keeping the
// contacts with the smallest keys is a uniform random sample ("bottom-k" sampling) that depends
// only on the seed and the ids — not on the order a database happens to return rows in.

export function qualitySampleKey(seed: number, id: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
