import type Database from "better-sqlite3";
import { bm25, searchText, tokens } from "./bm25";
import { prepared } from "./prepared";
import type { PropTable } from "./rows";
import type { RankPlan } from "./search-plan";
import { varintFromHex } from "./vocab";

/** A window's matching document: block id, entity, index document length (FTS5 docsize record, hex). */
export interface MatchRow { id: number; entity_id: string; sz: string }

const docLength = (sz: string) => varintFromHex(sz);

/** A matching document of a window with its rank (FTS5's sign: lower is better, minus the score). */
export interface RankedRow { id: number; r: number; entity_id: string }

/**
 * Exact bm25 of every row, the term frequencies counted in the row's own search text (rebuilt from
 * its block as the writer builds it). Null when a row's text does not tokenize to the index's
 * document length or lacks a word the index matched in it: then this tokenizer and the index's
 * disagree on that text, and FTS5 must rank.
 */
export function exactRanks(
  db: Database.Database, plan: RankPlan, rows: readonly MatchRow[], props: PropTable,
): RankedRow[] | null {
  if (rows.length === 0) return [];
  const bodies = new Map((prepared(db, "SELECT id, body FROM blocks WHERE id IN (SELECT value FROM json_each(?))")
    .all(JSON.stringify(rows.map((r) => r.id))) as Array<{ id: number; body: string }>).map((b) => [b.id, b.body]));
  const out: RankedRow[] = [];
  const freq = new Array<number>(plan.phrases.length);
  for (const row of rows) {
    const length = docLength(row.sz);
    const toks = tokens(searchText(bodies.get(row.id) ?? "[]", props));
    if (toks.length !== length) return null;
    freq.fill(0);
    for (const t of toks) {
      for (let i = 0; i < plan.phrases.length; i++) if (plan.phrases[i]!.term === t) freq[i]!++;
    }
    if (plan.groups.some((g) => g.every((i) => freq[i] === 0))) return null;
    out.push({ id: row.id, entity_id: row.entity_id, r: -1.0 * bm25(plan.idf, freq, length, plan.avgdl) });
  }
  return out;
}

/**
 * bm25 with each word counted once per document (every row of a window holds every word), idf per
 * word: the rank of the windows of a broad query, where it orders a window's documents by length.
 * Needs only the index's document lengths, no text.
 */
export function lengthRanks(plan: RankPlan, rows: readonly MatchRow[]): RankedRow[] {
  const once = plan.wordIdf.map(() => 1);
  return rows.map((row) => ({ id: row.id, entity_id: row.entity_id, r: -1.0 * bm25(plan.wordIdf, once, docLength(row.sz), plan.avgdl) }));
}
