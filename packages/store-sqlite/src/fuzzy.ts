import type Database from "better-sqlite3";
import { damerauLevenshtein } from "@vizier/model";
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
    const d = damerauLevenshtein(folded, term, nearest);
    if (d < nearest) {
      nearest = d;
      found = [term];
    } else if (d === nearest) found.push(term);
  }
  return found.sort().slice(0, MAX_ALTERNATIVES);
}
