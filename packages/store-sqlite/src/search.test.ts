import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAudit, type AccessScope, type IngestRun } from "@vizier/core";
import { ctxFor, scopeOf, systemCtx, testDataset, testStatements } from "@vizier/core/testing";
import { searchWindows } from "./search";
import { SqliteStore } from "./store";

// Entities ingested one run each, oldest first, so document order (rowid) is known. Names differ
// in length, so bm25 differs. Agency A shares GREEN (not RED) with B; C shares nothing.
const a = testDataset("a", "A");
const c = testDataset("c", "C");
const people = Array.from({ length: 24 }, (_, i) => ({
  id: `p${String(i).padStart(2, "0")}`,
  ds: i % 4 === 3 ? c : a,
  handling: i % 5 === 4 ? "RED" : "GREEN",
  name: `Jansen ${"van ".repeat(i % 6)}Noord${i}`,
}));

describe("windowed full-text search (search.ts)", () => {
  let dir: string;
  let store: SqliteStore;
  let db: Database.Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vizier-search-"));
    store = new SqliteStore(dir);
    await store.init();
    await store.putDataset(a);
    await store.putDataset(c);
    for (const [i, p] of people.entries()) {
      const run: IngestRun = { id: `r${i}`, dataset: p.ds.name, file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
      const w = await store.beginWrite(run);
      await w.writeStatements(testStatements(p.ds, p.id, "Person", { name: p.name }, { runId: run.id, handling: p.handling }));
      await w.commit(run, { entries: [], link: linkAudit });
    }
    db = new Database(store.location, { readonly: true });
  });
  afterAll(async () => {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const all = () => scopeOf(systemCtx(), [a, c]);
  const asB = () => scopeOf(ctxFor("B"), [a, c]);
  const readableBy = (scope: AccessScope) => people.filter((p) => scope.all || (p.ds === a && p.handling === "GREEN")).map((p) => p.id);
  const pages = (scope: AccessScope, text: string, window: number, limit: number) => {
    const ids: string[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = searchWindows(db, scope, { text, limit, offset }, window);
      ids.push(...page.map((h) => h.entityId));
      if (page.length < limit) return ids;
    }
  };

  it("pages through every readable match exactly once, whatever the window and page size", () => {
    for (const scope of [all(), asB()]) {
      for (const window of [1, 3, 7, 1000]) {
        for (const limit of [1, 4, 50]) {
          const ids = pages(scope, "jansen", window, limit);
          expect(new Set(ids).size, `window ${window} limit ${limit}`).toBe(ids.length);
          expect([...ids].sort()).toEqual(readableBy(scope).sort());
        }
      }
    }
    expect(readableBy(asB()).length).toBeLessThan(people.length);
  });

  it("ranks exactly as bm25 over all matches when the readable matches fit in one window", () => {
    const exact = (db.prepare(`SELECT b.entity_id AS id, min(fts.rank) AS r FROM fts CROSS JOIN blocks b ON b.id = fts.rowid
      WHERE fts MATCH '"jansen"*' GROUP BY b.entity_id ORDER BY r, b.id DESC`).all() as Array<{ id: string; r: number }>);
    const hits = searchWindows(db, all(), { text: "jansen", limit: 100, offset: 0 }, 1000);
    expect(hits.map((h) => h.entityId)).toEqual(exact.map((e) => e.id));
    expect(hits.map((h) => h.score)).toEqual(exact.map((e) => -e.r));
    // Distinct lengths give distinct scores: the order is bm25's, not the ingest order.
    expect(new Set(hits.map((h) => h.score)).size).toBeGreaterThan(3);
  });

  it("ranks each window on its own, the newest readable documents first", () => {
    const scope = asB();
    const newest3 = readableBy(scope).slice(-3);
    const first = searchWindows(db, scope, { text: "jansen", limit: 3, offset: 0 }, 3);
    expect(first.map((h) => h.entityId).sort()).toEqual([...newest3].sort());
    expect(first.map((h) => h.score)).toEqual([...first.map((h) => h.score)].sort((x, y) => y - x));
  });

  it("finds nothing outside the scope and treats search syntax as text", () => {
    const onlyC = people.filter((p) => p.ds === c).map((p) => p.id);
    for (const id of pages(asB(), "jansen", 2, 5)) expect(onlyC).not.toContain(id);
    // Noord0 is A's: C is offered the nearest spellings it may read instead (fuzzy.ts), C's own.
    const asC = searchWindows(db, scopeOf(ctxFor("C"), [a, c]), { text: "noord0", limit: 10, offset: 0 }).map((h) => h.entityId);
    expect(asC.length).toBeGreaterThan(0);
    for (const id of asC) expect(onlyC).toContain(id);
    expect(searchWindows(db, all(), { text: '" OR * NEAR(', limit: 10, offset: 0 })).toEqual([]);
  });
});
