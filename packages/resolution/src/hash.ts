/** FNV-1a 32-bit hash (G. Fowler, L. C. Noll, K.-P. Vo; IETF draft-eastlake-fnv). */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 16 hex digits from two independently seeded FNV-1a passes: stable ids from keys. */
export function hash64hex(s: string): string {
  const a = fnv1a(s).toString(16).padStart(8, "0");
  const b = fnv1a(s, 0x01000193 ^ 0x5bd1e995).toString(16).padStart(8, "0");
  return a + b;
}
