import type Database from "better-sqlite3";
import type { AccessScope, SearchHit } from "@vizier/core";
import { grantScopeFilter } from "./access-requests-sql";
import { ftsQuery } from "./fts";
import { prepared } from "./prepared";

/** Matching documents ranked together; a query with fewer readable matches is ranked exactly. */
export const SEARCH_WINDOW = 200;

interface WindowRow { id: number; r: number; entity_id: string }

/**
 * Full-text search in windows of the newest matching documents the scope may read.
 *
 * Ranking every match by bm25 costs time in proportion to all matches (a common surname matches
 * 5% of a million documents: ~150 ms), and one search is then the whole service time of a request.
 * Instead the readable matches are walked newest first (FTS5 streams them in rowid order, the scope
 * filter applied in SQL as it goes) `window` at a time, and each window is ranked by bm25 on its
 * own: a query with at most `window` readable matches gets the exact ranking; a broader one gets its
 * newest matches first, ranked, then the next window, and so on. The order is total (window, rank,
 * newer document first) and does not depend on offset or limit, so pages never overlap or skip.
 * An entity appears once, where its first document falls.
 */
export function searchWindows(
  db: Database.Database, scope: AccessScope, q: { text: string; limit: number; offset: number }, window = SEARCH_WINDOW,
): SearchHit[] {
  const match = ftsQuery(q.text);
  if (!match) return [];
  const filter = grantScopeFilter(scope, "b");
  const stmt = prepared(db, `SELECT fts.rowid AS id, fts.rank AS r, b.entity_id FROM fts CROSS JOIN blocks b ON b.id = fts.rowid
    WHERE fts MATCH @match AND fts.rowid < @before AND ${filter.sql} ORDER BY fts.rowid DESC LIMIT @window`);
  const want = q.offset + q.limit;
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  let before = Number.MAX_SAFE_INTEGER;
  while (hits.length < want) {
    const rows = stmt.all({ match, before, window, ...filter.params }) as WindowRow[];
    if (rows.length === 0) break;
    before = rows[rows.length - 1]!.id;
    rows.sort((a, b) => a.r - b.r || b.id - a.id);
    for (const row of rows) {
      if (seen.has(row.entity_id)) continue;
      seen.add(row.entity_id);
      hits.push({ entityId: row.entity_id, score: -row.r });
    }
    if (rows.length < window) break;
  }
  return hits.slice(q.offset, want);
}
