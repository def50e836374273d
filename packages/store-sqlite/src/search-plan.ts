import type Database from "better-sqlite3";
import { foldTerm, idfs, type Phrase } from "./bm25";
import { anyOf, quoteTerm, wordQuery, type QueryWord } from "./fts";
import { vocabulary } from "./vocab";

/**
 * A search as FTS5 query text. When every word's terms are known (`ranked`), each word is the OR of
 * the index terms it matches, asked for by name: FTS5 then streams the matches lazily in rowid order
 * instead of merging a prefix's document lists first, a dotless-ı spelling is only asked for when the
 * index holds it, and the rows can be ranked by bm25 in JavaScript (`phrases` in FTS5's phrase order,
 * `groups` their indexes per word, `idf` and `avgdl` from the index's totals; `wordIdf` per word,
 * counting the documents of its terms together, as FTS5 counts a prefix phrase's documents when no
 * document holds two of its terms).
 */
export interface SearchPlan {
  match: string;
  ranked: null | RankPlan;
}
export interface RankPlan { phrases: Phrase[]; groups: number[][]; idf: number[]; wordIdf: number[]; avgdl: number }

/** Plans the words of a search against the index's vocabulary. */
export function planSearch(db: Database.Database, words: readonly QueryWord[]): SearchPlan {
  const vocab = vocabulary(db);
  const phrases: Phrase[] = [];
  const groups: number[][] = [];
  const parts: string[] = [];
  let known = true;
  for (const word of words) {
    const terms = new Map<string, number>();
    let expandable = true;
    for (const spelling of word.spellings) {
      const found = vocab.lookup(foldTerm(spelling), word.prefix);
      if (found === null) expandable = false;
      else for (const t of found) terms.set(t.term, t.docs);
    }
    if (!expandable || terms.size === 0) {
      // Too many terms for the word (a short prefix of many identifiers), or none found under the
      // folding used here: FTS5 gets the word itself and decides (and ranks).
      known = false;
      parts.push(wordQuery(word));
      continue;
    }
    const group: number[] = [];
    for (const [term, docs] of terms) {
      group.push(phrases.length);
      phrases.push({ term, docs });
    }
    groups.push(group);
    parts.push(anyOf(group.map((i) => quoteTerm(phrases[i]!.term))));
  }
  const { rows, tokens } = vocab.totals;
  return {
    match: parts.join(" AND "),
    ranked: known && rows > 0 ? {
      phrases, groups, idf: idfs(phrases.map((p) => p.docs), rows), avgdl: tokens / rows,
      wordIdf: idfs(groups.map((g) => Math.min(rows, g.reduce((n, i) => n + phrases[i]!.docs, 0))), rows),
    } : null,
  };
}
