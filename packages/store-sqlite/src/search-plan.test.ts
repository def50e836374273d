import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAudit, type IngestRun } from "@vizier/core";
import { scopeOf, systemCtx, testDataset, testStatements } from "@vizier/core/testing";
import { queryWords } from "./fts";
import { PropTable } from "./rows";
import { searchWindows } from "./search";
import { planSearch } from "./search-plan";
import { exactRanks, type MatchRow } from "./search-rank";
import { SqliteStore } from "./store";
import { MAX_EXPANSION } from "./vocab";

// One run per person, oldest first (rowid order known). Chosen for the cases the planner and the
// ranking must get right: a word twice in one document, a prefix of several terms, both i and ı
// spellings in the index, an identifier indexed with and without separators, Greek (whose accents
// this tokenizer folds where the index does not), and more identifiers under one prefix than a
// word may expand to.
const ds = testDataset("a", "A");
const people: Array<{ id: string; values: Record<string, string | string[]> }> = [
  { id: "p-jansen2", values: { name: "Jansen Jansen" } },
  { id: "p-janjansen", values: { name: "Jan Jansen", idNumber: "AB-12.3" } },
  { id: "p-janssen", values: { name: "Pieter Janssen van der Berg" } },
  { id: "p-jan", values: { name: "Jan de Vries" } },
  { id: "p-yilmaz", values: { name: "Mehmet Yılmaz" } },
  { id: "p-yilmaz-i", values: { name: "Ibrahim Yilmaz" } },
  { id: "p-greek", values: { name: "Σοφία Παπαδοπούλου" } },
  { id: "p-noord", values: { name: "Anna Jansen Noord" } },
  ...Array.from({ length: MAX_EXPANSION + 4 }, (_, i) => ({ id: `p-id${i}`, values: { name: "Kees Visser", idNumber: `ZZ${1000 + i}` } })),
];

describe("search planned on the index's vocabulary, ranked in JavaScript (search-plan.ts, search-rank.ts)", () => {
  let dir: string;
  let store: SqliteStore;
  let db: Database.Database;
  let runs = 0;
  const ingest = async (id: string, values: Record<string, string | string[]>) => {
    const run: IngestRun = { id: `r${runs++}`, dataset: ds.name, file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
    const w = await store.beginWrite(run);
    await w.writeStatements(testStatements(ds, id, "Person", values, { runId: run.id }));
    await w.commit(run, { entries: [], link: linkAudit });
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vizier-search-plan-"));
    store = new SqliteStore(dir);
    await store.init();
    await store.putDataset(ds);
    for (const p of people) await ingest(p.id, p.values);
    db = new Database(store.location, { readonly: true });
  });
  afterAll(async () => {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const all = () => scopeOf(systemCtx(), [ds]);
  /** FTS5's own bm25 over every match of the planned query, best document per entity. */
  const fts5Ranking = (match: string) => db.prepare(`SELECT b.entity_id AS id, min(fts.rank) AS r FROM fts CROSS JOIN blocks b ON b.id = fts.rowid
    WHERE fts MATCH ? GROUP BY b.entity_id ORDER BY r, max(b.id) DESC`).all(match) as Array<{ id: string; r: number }>;
  const windowRows = (match: string) => db.prepare(`SELECT fts.rowid AS id, b.entity_id, hex(d.sz) AS sz FROM fts CROSS JOIN blocks b ON b.id = fts.rowid
    CROSS JOIN fts_docsize d ON d.id = fts.rowid WHERE fts MATCH ? ORDER BY fts.rowid DESC`).all(match) as MatchRow[];

  it("asks FTS5 for the index's terms by name: prefixes expanded, the ı spelling only where the index has it", () => {
    expect(planSearch(db, queryWords("jans")).match).toBe('("jansen" OR "janssen")');
    expect(planSearch(db, queryWords("jan vries")).match).toBe('("jan" OR "jansen" OR "janssen") AND "vries"');
    expect(planSearch(db, queryWords("yilmaz")).match).toBe('("yilmaz" OR "yılmaz")');
    expect(planSearch(db, queryWords("mehmet")).match).toBe('"mehmet"');
    expect(planSearch(db, queryWords("de")).match).toBe('"de"');
    expect(planSearch(db, queryWords("ab123")).match).toBe('"ab123"');
    expect(planSearch(db, queryWords("jan vries")).ranked).not.toBeNull();
  });

  it("leaves a word to FTS5 when its prefix has too many terms or none under this folding, and still finds the same", () => {
    const many = planSearch(db, queryWords("zz1"));
    expect(many.match).toBe('"zz1"*');
    expect(many.ranked).toBeNull();
    expect(searchWindows(db, all(), { text: "zz1", limit: 100, offset: 0 })).toHaveLength(MAX_EXPANSION + 4);
    expect(planSearch(db, queryWords("nobody")).ranked).toBeNull();
    expect(searchWindows(db, all(), { text: "nobody", limit: 10, offset: 0 })).toEqual([]);
  });

  it("ranks the matches of one window exactly as FTS5's bm25 does, term frequencies included", () => {
    for (const text of ["jansen", "jans", "jan", "jan jansen", "yilmaz", "ab123", "kees visser", "ab 12"]) {
      const plan = planSearch(db, queryWords(text));
      expect(plan.ranked, text).not.toBeNull();
      // The JavaScript ranking itself, not FTS5 standing in for it:
      expect(exactRanks(db, plan.ranked!, windowRows(plan.match), new PropTable(db)), text).not.toBeNull();
      const want = fts5Ranking(plan.match);
      const hits = searchWindows(db, all(), { text, limit: 100, offset: 0 }, 1000);
      expect(hits.map((h) => h.entityId), text).toEqual(want.map((w) => w.id));
      hits.forEach((h, i) => expect(Math.abs(h.score + want[i]!.r), `${text} #${i}`).toBeLessThan(1e-12));
    }
    // "Jansen Jansen" holds the word twice: it outranks the other two-word document.
    const jansen = searchWindows(db, all(), { text: "jansen", limit: 10, offset: 0 }, 1000).map((h) => h.entityId);
    expect(jansen.indexOf("p-jansen2")).toBeLessThan(jansen.indexOf("p-janjansen"));
  });

  it("lets FTS5 rank a window whose text this tokenizer cannot reproduce", () => {
    const plan = planSearch(db, queryWords("σοφια"));
    // The index keeps Greek accents ("σοφία"); folded here, the word is not found in the vocabulary.
    expect(plan.ranked).toBeNull();
    expect(searchWindows(db, all(), { text: "σοφία", limit: 10, offset: 0 }).map((h) => h.entityId)).toEqual(["p-greek"]);
    const rows = windowRows('"σοφία"');
    expect(rows).toHaveLength(1);
    const exactPlan = { phrases: [{ term: "σοφία", docs: 1 }], groups: [[0]], idf: [1], wordIdf: [1], avgdl: 3 };
    expect(exactRanks(db, exactPlan, rows, new PropTable(db))).toBeNull();
  });

  it("ranks the windows of a broader query by document length, newer first among equals", () => {
    // 36 "Kees Visser" documents: a window of 5 holds the newest five, all of one length.
    const hits = searchWindows(db, all(), { text: "kees", limit: 5, offset: 0 }, 5);
    expect(hits.map((h) => h.entityId)).toEqual(["p-id35", "p-id34", "p-id33", "p-id32", "p-id31"]);
    // "jan" matches five documents; windows of 2, newest first: "Anna Jansen Noord" and "Jan de Vries"
    // (three tokens each: the newer first), then "Pieter Janssen van der Berg" (five) before "Jan Jansen
    // AB-12.3" (six: jan, jansen, ab, 12, 3, ab123), then "Jansen Jansen".
    const jan = searchWindows(db, all(), { text: "jan", limit: 5, offset: 0 }, 2).map((h) => h.entityId);
    expect(jan).toEqual(["p-noord", "p-jan", "p-janssen", "p-janjansen", "p-jansen2"]);
  });

  it("answers on a store with an empty index", async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), "vizier-search-empty-"));
    const empty = new SqliteStore(emptyDir);
    await empty.init();
    try {
      expect(await empty.search(all(), { text: "jansen", limit: 10, offset: 0 })).toEqual([]);
    } finally {
      await empty.close();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  it("follows the index: terms a later run adds are found, purged ones are not", async () => {
    expect(planSearch(db, queryWords("jans")).match).toBe('("jansen" OR "janssen")');
    await ingest("p-jansky", { name: "Karl Jansky" });
    expect(planSearch(db, queryWords("jans")).match).toBe('("jansen" OR "jansky" OR "janssen")');
    expect(searchWindows(db, all(), { text: "jans", limit: 10, offset: 0 }, 1000).map((h) => h.entityId)).toContain("p-jansky");
    await store.purgeExpired("2032-01-01", () => ({ entries: [], link: linkAudit }));
    expect(searchWindows(db, all(), { text: "jans", limit: 10, offset: 0 })).toEqual([]);
    expect(searchWindows(db, all(), { text: "kees", limit: 10, offset: 0 })).toEqual([]);
  });
});
