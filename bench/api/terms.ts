/**
 * Per-term cost of the embedded store's search on a prepared benchmark store (prepare.ts), in
 * process: the windowed search (store-sqlite/src/search.ts) against ranking every match (the query
 * it replaced), for the load benchmark's terms.
 *   node scripts/run-ts.mjs bench/api/terms.ts [dir=bench/out/api-1000000] [repeats=5]
 */
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { makeCtx, parseSharingConfig, decide, userActor } from "@vizier/core";
import { SqliteStore } from "@vizier/store-sqlite";
import { readFileSync } from "node:fs";
import { TERMS } from "./load-terms";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = resolve(process.argv[2] ?? join(ROOT, "bench/out/api-1000000"));
const repeats = Number(process.argv[3] ?? 5);
const store = new SqliteStore(join(dir, "store"));
await store.init();
const sharing = parseSharingConfig(readFileSync(join(ROOT, "config/sharing-rules.yml"), "utf8"), "config/sharing-rules.yml");
const scope = decide(makeCtx(userActor("bench", "POLITIE", ["analyst"]), "purpose:bench"), sharing, await store.listDatasets());
const db = new Database(store.location, { readonly: true });
// The statement search used before decision 0006: bm25 over every readable match, grouped by entity.
const full = db.prepare(`SELECT b.entity_id, min(fts.rank) AS r FROM fts CROSS JOIN blocks b ON b.id = fts.rowid
  WHERE fts MATCH @match AND (b.dataset || char(31) || b.handling) IN (SELECT value FROM json_each(@pairs))
  GROUP BY b.entity_id ORDER BY r, b.entity_id LIMIT 20`);
const pairs = JSON.stringify([...scope.allowed].flatMap(([d, hs]) => [...hs].map((h) => `${d}\u001f${h}`)));
const ftsQuery = (text: string) => text.normalize("NFKC").split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => `"${w}"*`).join(" ");
const time = async (f: () => unknown) => {
  await f();
  const t0 = performance.now();
  for (let i = 0; i < repeats; i++) await f();
  return Math.round(((performance.now() - t0) / repeats) * 10) / 10;
};
const rows = [];
for (const text of TERMS) {
  const matches = db.prepare("SELECT count(*) FROM fts WHERE fts MATCH ?").pluck().get(ftsQuery(text)) as number;
  rows.push({ text, matches, windowedMs: await time(() => store.search(scope, { text, limit: 20, offset: 0 })), fullRankMs: await time(() => full.all({ match: ftsQuery(text), pairs })) });
}
console.table(rows);
db.close();
await store.close();
