/**
 * Per-term CPU cost of the embedded store's search on a prepared benchmark store (prepare.ts), in
 * process, for the load benchmark's terms (limit 20, first page):
 * - `now`: the search as served (store-sqlite/src/search.ts): words looked up in the index's
 *   vocabulary, terms asked for by name, bm25 computed on the window in JavaScript; the vocabulary
 *   answers as a running server has them (looked up once per word until the index changes);
 * - `cold`: the same with the vocabulary forgotten before every search (each word costs its
 *   fts5vocab lookup, as the first search of a word after an ingest does);
 * - `windowed06`: the windowed search of decision 0006 (prefix phrases, FTS5's bm25), as it was;
 * - `full`: bm25 over every readable match grouped by entity, the search before decision 0006.
 * Times are CPU milliseconds per search (process.cpuUsage, user + system), the mean of `repeats`.
 *   node scripts/run-ts.mjs bench/api/terms.ts [dir=bench/out/api-1000000] [repeats=20]
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { decide, makeCtx, parseSharingConfig, userActor } from "@vizier/core";
import { grantScopeFilter } from "../../packages/store-sqlite/src/access-requests-sql";
import { ftsQuery, queryWords } from "../../packages/store-sqlite/src/fts";
import { searchWindows } from "../../packages/store-sqlite/src/search";
import { planSearch } from "../../packages/store-sqlite/src/search-plan";
import { forgetVocabulary } from "../../packages/store-sqlite/src/vocab";
import { SqliteStore } from "@vizier/store-sqlite";
import { TERMS } from "./load-terms";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = resolve(process.argv[2] ?? join(ROOT, "bench/out/api-1000000"));
const repeats = Number(process.argv[3] ?? 20);
const store = new SqliteStore(join(dir, "store"));
await store.init();
const sharing = parseSharingConfig(readFileSync(join(ROOT, "config/sharing-rules.yml"), "utf8"), "config/sharing-rules.yml");
const scope = decide(makeCtx(userActor("bench", "POLITIE", ["analyst"]), "purpose:bench"), sharing, await store.listDatasets());
const db = new Database(store.location, { readonly: true });
const filter = grantScopeFilter(scope, "b");
const page = { limit: 20, offset: 0 };

// Decision 0006's windowed search: prefix phrases and FTS5's rank, windows of 200 newest first.
const windowStmt = db.prepare(`SELECT fts.rowid AS id, fts.rank AS r, b.entity_id FROM fts CROSS JOIN blocks b ON b.id = fts.rowid
  WHERE fts MATCH @match AND fts.rowid < @before AND ${filter.sql} ORDER BY fts.rowid DESC LIMIT 200`);
function windowed06(text: string): number {
  const match = ftsQuery(text);
  const seen = new Set<string>();
  let before = Number.MAX_SAFE_INTEGER;
  while (seen.size < page.limit) {
    const rows = windowStmt.all({ match, before, ...filter.params }) as Array<{ id: number; r: number; entity_id: string }>;
    if (rows.length === 0) break;
    before = rows[rows.length - 1]!.id;
    rows.sort((a, b) => a.r - b.r || b.id - a.id);
    for (const r of rows) seen.add(r.entity_id);
    if (rows.length < 200) break;
  }
  return seen.size;
}
// The statement search used before decision 0006: bm25 over every readable match, grouped by entity.
const fullStmt = db.prepare(`SELECT b.entity_id, min(fts.rank) AS r FROM fts CROSS JOIN blocks b ON b.id = fts.rowid
  WHERE fts MATCH @match AND ${filter.sql} GROUP BY b.entity_id ORDER BY r, b.entity_id LIMIT 20`);

const cpu = (f: () => unknown, n = repeats) => {
  f();
  const c = process.cpuUsage();
  for (let i = 0; i < n; i++) f();
  const d = process.cpuUsage(c);
  return Math.round((d.user + d.system) / n / 10) / 100;
};
interface Row { text: string; matches: number; query: string; jsRank: boolean; nowMs: number; coldMs: number; windowed06Ms: number; fullMs: number }
const rows: Row[] = [];
for (const text of TERMS) {
  const matches = db.prepare("SELECT count(*) FROM fts WHERE fts MATCH ?").pluck().get(ftsQuery(text)) as number;
  const plan = planSearch(db, queryWords(text));
  rows.push({
    text, matches, query: plan.match, jsRank: plan.ranked !== null,
    nowMs: cpu(() => searchWindows(db, scope, { text, ...page })),
    coldMs: cpu(() => { forgetVocabulary(db); searchWindows(db, scope, { text, ...page }); }),
    windowed06Ms: cpu(() => windowed06(text)),
    fullMs: cpu(() => fullStmt.all({ match: ftsQuery(text), ...filter.params }), Math.max(1, Math.round(repeats / 5))),
  });
}
console.table(rows);
const mean = (k: "nowMs" | "coldMs" | "windowed06Ms" | "fullMs") => Math.round((rows.reduce((s, r) => s + r[k], 0) / rows.length) * 100) / 100;
console.log(JSON.stringify({ meanMs: { now: mean("nowMs"), cold: mean("coldMs"), windowed06: mean("windowed06Ms"), full: mean("fullMs") } }));
db.close();
await store.close();
