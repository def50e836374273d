/** A word of a search: its spellings (the typed one, and the dotless-ı one) and whether it matches as a prefix. */
export interface QueryWord { spellings: string[]; prefix: boolean }

/**
 * The words of free text, at most 16, lower-cased:
 * - Words of three or more characters match as prefixes ("jans" finds Jansen); shorter ones only
 *   as whole words, since a one- or two-letter prefix ("de"*) expands to a large part of the index.
 * - The index folds case and diacritics but keeps Turkish dotless ı apart from i, so a word typed
 *   with i also matches its all-ı spelling ("yilmaz" finds Yılmaz, "aydin" finds Aydın).
 */
export function queryWords(text: string): QueryWord[] {
  const words = text.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).slice(0, 16);
  return words.map((w) => ({
    spellings: w.includes("i") && !w.includes("ı") ? [w, w.replaceAll("i", "ı")] : [w],
    prefix: [...w].length >= 3,
  }));
}

/** A term quoted for FTS5, so that user text is never read as query syntax (AND/OR/NEAR, column filters). */
export function quoteTerm(term: string, prefix = false): string {
  return `"${term.replace(/"/g, '""')}"${prefix ? "*" : ""}`;
}

/** Quoted terms as one FTS5 alternative: the term alone, or `(a OR b …)`. */
export function anyOf(terms: readonly string[]): string {
  return terms.length === 1 ? terms[0]! : `(${terms.join(" OR ")})`;
}

/** A word as FTS5 query text: its spellings, as prefixes where the word is long enough. */
export function wordQuery(word: QueryWord): string {
  return anyOf(word.spellings.map((s) => quoteTerm(s, word.prefix)));
}

/** Free text as a safe FTS5 query, every word required (queryWords, wordQuery). */
export function ftsQuery(text: string): string {
  return queryWords(text).map(wordQuery).join(" AND ");
}
