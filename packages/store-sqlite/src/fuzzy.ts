import type Database from "better-sqlite3";
import { foldTerm } from "./bm25";
import type { QueryWord } from "./fts";
import { vocabulary, type Vocabulary } from "./vocab";

/** Alternatives asked for per misspelt word (those at the nearest distance, in byte order). */
export const MAX_ALTERNATIVES = 20;
/** A first-characters group of the index with more terms than this is not searched for alternatives. */
export const MAX_CANDIDATES = 200_000;

/**
 * How far a word may be from the index terms offered for it: none below 4 characters (they match
 * as whole words or prefixes only), one edit up to 5, two from 6.
 */
export function maxEdits(word: string): number {
  const n = [...word].length;
  return n < 4 ? 0 : n <= 5 ? 1 : 2;
}

/**
 * Edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps of two
 * neighbouring characters (optimal string alignment), by code point; `max + 1` as soon as it is
 * known to exceed `max`. Works in buffers it keeps: fuzzy search runs it over thousands of terms.
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = codePoints(a, 0);
  const m = codePoints(b, 1);
  if (Math.abs(n - m) > max) return max + 1;
  const [s, t] = codes;
  if (rows[0].length < m + 1) for (let k = 0; k < 3; k++) rows[k] = new Int32Array(2 * (m + 1));
  let prev2 = rows[0], prev = rows[1], cur = rows[2];
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let best = i;
    const si = s[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const tj = t[j - 1]!;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (si === tj ? 0 : 1));
      if (i > 1 && j > 1 && si === t[j - 2] && s[i - 2] === tj) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return Math.min(prev[m]!, max + 1);
}

const codes: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];
const rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Writes the code points of `str` into codes[k] (grown when needed) and returns how many. */
function codePoints(str: string, k: 0 | 1): number {
  if (codes[k].length < str.length) codes[k] = new Int32Array(2 * str.length);
  const out = codes[k];
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.codePointAt(i)!;
    out[n++] = c;
    if (c > 0xffff) i++;
  }
  return n;
}

/**
 * The fuzzy form of a search that matched nothing, as the PostgreSQL store does it: each word
 * becomes the index terms nearest to it (at the smallest edit distance found, at most `maxEdits`,
 * the word itself excluded: it matched nothing readable), asked for as whole words; a word without
 * any is left out. Candidates are the terms sharing the word's first character (its first two when
 * it starts with a digit, so identifiers stay a small group), from the index's vocabulary.
 */
export function fuzzyWords(db: Database.Database, words: readonly QueryWord[]): QueryWord[] {
  const vocab = vocabulary(db);
  const out: QueryWord[] = [];
  for (const word of words) {
    const terms = new Set<string>();
    for (const spelling of word.spellings) {
      const folded = foldTerm(spelling);
      for (const t of vocab.nearest(folded, () => nearestTerms(folded, vocab))) terms.add(t);
    }
    if (terms.size > 0) out.push({ spellings: [...terms].sort().slice(0, MAX_ALTERNATIVES), prefix: false });
  }
  return out;
}

/** The terms at the smallest edit distance from `folded` (1..maxEdits), among those sharing its start. */
function nearestTerms(folded: string, vocab: Vocabulary): string[] {
  const max = maxEdits(folded);
  if (max === 0) return [];
  const first = [...folded];
  const start = /\p{N}/u.test(first[0]!) ? first.slice(0, 2).join("") : first[0]!;
  let nearest = max;
  let found: string[] = [];
  for (const term of vocab.termsFrom(start, MAX_CANDIDATES) ?? []) {
    if (term === folded) continue;
    const d = editDistance(folded, term, nearest);
    if (d < nearest) {
      nearest = d;
      found = [term];
    } else if (d === nearest) found.push(term);
  }
  return found.sort().slice(0, MAX_ALTERNATIVES);
}
