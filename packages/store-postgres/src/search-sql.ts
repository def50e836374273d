/**
 * Search over names and identifiers: PostgreSQL full-text search (to_tsvector 'simple', prefix
 * match per word) for exact and partial words, plus pg_trgm word similarity on names for misspellings
 * (Trigram matching: https://www.postgresql.org/docs/current/pgtrgm.html). Both run on the
 * partial GIN indexes of the blocks table (schema.ts); the scope filter is part of the same query.
 * Which values are names and which identifiers is the rule both stores share (model/searchable.ts).
 */

/**
 * Folding applied to indexed values and to queries alike: compatibility decomposition, combining
 * marks dropped, lower case ("Gómez" → "gomez", "ﬁ" → "fi"). Done here rather than with the
 * unaccent extension so index and query fold identically and no extra extension is needed.
 */
export function fold(v: string): string {
  // Fast path: plain ASCII has nothing to decompose (most identifiers, many names).
  if (ASCII.test(v)) return v.toLowerCase();
  return v.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}
const ASCII = /^[\x00-\x7f]*$/;

const WORD = /[\p{L}\p{N}]+/gu;
const ONE_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * An identifier, phone or e-mail address (folded) as the search index should see it: its words
 * (letters and digits) separated by spaces, then all of them run together — "ab-12.3456" →
 * "ab 12 3456 ab123456", "+31612345678" → "31612345678". PostgreSQL's parser would otherwise keep
 * "-12.3456", "+31612345678" or an e-mail address as single tokens no typed query reaches; the
 * query side splits words the same way (prefixTsQuery). The embedded store indexes the same
 * pieces (FTS5 splits at the separators; its search text adds the run-together form).
 */
export function identWords(folded: string): string {
  if (ONE_WORD.test(folded)) return folded;
  const words = folded.match(WORD) ?? [];
  return words.length > 1 ? `${words.join(" ")} ${words.join("")}` : (words[0] ?? "");
}

/**
 * Words of the query as a prefix tsquery ("jan jans" → "jan:* & jans:*"); "" when there are none.
 * Folding keeps the Turkish dotless ı apart from i (it has no decomposition), so a word typed with
 * i also asks for its all-ı spelling: "yilmaz" → "(yilmaz:* | yılmaz:*)" finds Yılmaz, as the
 * embedded store does.
 */
export function prefixTsQuery(text: string): string {
  const words = fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => (w.includes("i") && !w.includes("ı") ? `(${w}:* | ${w.replaceAll("i", "ı")}:*)` : `${w}:*`)).join(" & ");
}

/** The search document of a block: the expression the word index (schema.ts, blocks_search_fts) is built on. */
export const SEARCH_DOC = "to_tsvector('simple', coalesce(b.names, '') || E'\\n' || coalesce(b.idents, ''))";

/** Words of a (folded) query, as the index's parser would mostly split them. */
export function queryWords(text: string): string[] {
  return [...new Set(fold(text).match(/[\p{L}\p{N}]+/gu) ?? [])];
}

/** A tsquery lexeme in quotes, so no query syntax can get in. */
function lexeme(w: string): string {
  return `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * The fuzzy form of a query: each word becomes the alternatives the dictionary offers for it
 * (known name words that look like it, pg_trgm similarity); words without any are left out.
 * "" when no word has an alternative.
 */
export function fuzzyTsQuery(words: readonly string[], alternatives: ReadonlyMap<string, readonly string[]>): string {
  const parts: string[] = [];
  for (const w of words) {
    const alts = alternatives.get(w);
    if (alts?.length) parts.push(`(${alts.map(lexeme).join(" | ")})`);
  }
  return parts.join(" & ");
}

/** Known name words close to each query word ($1 text[]), at most 20 per word, closest first. */
export const WORD_ALTERNATIVES = `
  SELECT q.w, a.word FROM unnest($1::text[]) q(w)
  CROSS JOIN LATERAL (SELECT word FROM name_words WHERE word % q.w ORDER BY similarity(word, q.w) DESC, word LIMIT 20) a`;

/**
 * SQL for a search over blocks. Parameters: $1 folded text, $2 tsquery (prefix words, or the
 * fuzzy alternatives), $3 limit, $4 offset, then the scope's parameters from $5. Score: 1 for a
 * word match plus trigram similarity of the block's names (identifiers when it has none), so word
 * matches always rank before fuzzy-only ones (which score the similarity alone) and closer
 * spellings rank higher; an entity scores by its best block. The store runs the fuzzy form only
 * when the words match nothing.
 */
export function searchSql(scopeSql: string, fuzzy: boolean): string {
  const words = `(${SEARCH_DOC} @@ plainto_tsquery('simple', $1) OR ${SEARCH_DOC} @@ to_tsquery('simple', $2))`;
  const match = fuzzy ? `${SEARCH_DOC} @@ to_tsquery('simple', $2)` : words;
  const score = `${fuzzy ? "" : "1 + "}similarity(coalesce(b.names, b.idents), $1)`;
  return `
    SELECT b.entity_id, max(${score}) AS score
    FROM blocks b
    WHERE (b.names IS NOT NULL OR b.idents IS NOT NULL) AND ${match} AND ${scopeSql}
    GROUP BY b.entity_id
    ORDER BY score DESC, b.entity_id
    LIMIT $3 OFFSET $4`;
}
