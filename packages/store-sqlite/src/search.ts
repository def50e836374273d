import type Database from "better-sqlite3";
import type { AccessScope, SearchHit } from "@vizier/core";
import { grantScopeFilter } from "./access-requests-sql";
import { fuzzyWords } from "./fuzzy";
import { queryWords, type QueryWord } from "./fts";
import { prepared } from "./prepared";
import { PropTable } from "./rows";
import { planSearch } from "./search-plan";
import { exactRanks, lengthRanks, type MatchRow, type RankedRow } from "./search-rank";

/** Matching documents ranked together; a query with fewer readable matches is ranked exactly. */
export const SEARCH_WINDOW = 100;

const propTables = new WeakMap<Database.Database, PropTable>();

/**
 * Full-text search in windows of the newest matching documents the scope may read.
 *
 * Ranking every match by bm25 costs time in proportion to all matches (a common surname matches
 * 5% of a million documents), and one search is then the whole service time of a request. Instead
 * the readable matches are walked newest first (FTS5 streams them in rowid order, the scope filter
 * applied in SQL as it goes) `window` at a time, and each window is ranked on its own: a query with
 * at most `window` readable matches gets the exact bm25 ranking; a broader one gets its newest
 * matches first, ranked, then the next window, and so on. The order is total (window, rank, newer
 * document first) and does not depend on offset or limit, so pages never overlap or skip. An entity
 * appears once, where its first document falls.
 *
 * The words are first looked up in the index's vocabulary (search-plan.ts), so FTS5 is asked for
 * index terms by name and streams them without merging a prefix's lists first; the ranking is then
 * computed here (search-rank.ts) without FTS5's bm25, whose first call walks every match of every
 * term to count documents. Exact bm25 when the matches fit in one window (the rows' own text gives
 * the term frequencies); in the windows of a broader query each word counts once per document, so
 * within a window shorter documents rank first. A word the vocabulary cannot answer (more than
 * MAX_EXPANSION terms, or folded otherwise than here), or a row whose text does not tokenize as the
 * index did, leaves the ranking to FTS5 (the search of decision 0006).
 *
 * A query that matches no readable document is tried once more in its fuzzy form (fuzzy.ts): each
 * word replaced by the index terms nearest to it, as the PostgreSQL store does with its word
 * dictionary, so a misspelt name still finds what is there.
 */
export function searchWindows(
  db: Database.Database, scope: AccessScope, q: { text: string; limit: number; offset: number }, window = SEARCH_WINDOW,
): SearchHit[] {
  const words = queryWords(q.text);
  if (words.length === 0) return [];
  const found = rankedWindows(db, scope, words, q, window);
  if (found.matched) return found.hits;
  // Nothing readable matched: misspelt words get the index's nearest terms instead (fuzzy.ts).
  const fuzzy = fuzzyWords(db, words);
  return fuzzy.length === 0 ? [] : rankedWindows(db, scope, fuzzy, q, window).hits;
}

/** The windows of one query form; `matched`: whether any readable document matched at all. */
function rankedWindows(
  db: Database.Database, scope: AccessScope, words: readonly QueryWord[], q: { limit: number; offset: number }, window: number,
): { hits: SearchHit[]; matched: boolean } {
  const plan = planSearch(db, words);
  const filter = grantScopeFilter(scope, "b");
  const where = `WHERE fts MATCH @match AND fts.rowid < @before AND ${filter.sql} ORDER BY fts.rowid DESC LIMIT @window`;
  const byFts = prepared(db, `SELECT fts.rowid AS id, fts.rank AS r, b.entity_id FROM fts CROSS JOIN blocks b ON b.id = fts.rowid ${where}`);
  // The document length comes as hex: a Buffer per row costs more than the lookup.
  const bySize = prepared(db, `SELECT fts.rowid AS id, b.entity_id, hex(d.sz) AS sz FROM fts CROSS JOIN blocks b ON b.id = fts.rowid
    CROSS JOIN fts_docsize d ON d.id = fts.rowid ${where}`);
  const ftsRanked = (before: number) => byFts.all({ match: plan.match, before, window, ...filter.params }) as RankedRow[];
  const want = q.offset + q.limit;
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  let before = Number.MAX_SAFE_INTEGER;
  let exact: boolean | undefined;
  let matched = false;
  while (hits.length < want) {
    let rows: RankedRow[];
    let more: boolean;
    if (plan.ranked) {
      // One row past the window tells whether all readable matches fit in it (then: exact ranking).
      const found = bySize.all({ match: plan.match, before, window: window + 1, ...filter.params }) as MatchRow[];
      more = found.length > window;
      if (more) found.pop();
      exact ??= !more;
      rows = exact ? exactRanks(db, plan.ranked, found, propsOf(db)) ?? ftsRanked(before) : lengthRanks(plan.ranked, found);
    } else {
      rows = ftsRanked(before);
      more = rows.length === window;
    }
    if (rows.length === 0) break;
    matched = true;
    before = rows.reduce((m, r) => Math.min(m, r.id), Number.MAX_SAFE_INTEGER);
    rows.sort((a, b) => a.r - b.r || b.id - a.id);
    for (const row of rows) {
      if (seen.has(row.entity_id)) continue;
      seen.add(row.entity_id);
      hits.push({ entityId: row.entity_id, score: -row.r });
    }
    if (!more) break;
  }
  return { hits: hits.slice(q.offset, want), matched };
}

function propsOf(db: Database.Database): PropTable {
  let props = propTables.get(db);
  if (!props) propTables.set(db, (props = new PropTable(db)));
  return props;
}
