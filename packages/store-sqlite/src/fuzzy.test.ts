import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAudit } from "@vizier/core";
import { testDataset, testStatements } from "@vizier/core/testing";
import { queryWords } from "./fts";
import { editDistance, fuzzyWords, maxEdits } from "./fuzzy";
import { SqliteStore } from "./store";

/** The textbook optimal-string-alignment distance, no early exit: the reference for editDistance. */
function osa(a: string, b: string): number {
  const s = [...a], t = [...b];
  const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[s.length]![t.length]!;
}

describe("edit distance", () => {
  it("equals the reference up to the bound, and says 'more' beyond it", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "ı", "é"), maxLength: 9 });
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
      const ref = osa(a, b);
      expect(editDistance(a, b, max)).toBe(ref <= max ? ref : max + 1);
    }), { seed: 20261123, numRuns: 2000 });
  });

  it("counts a swap of neighbours as one edit; allows none below four characters", () => {
    expect(editDistance("jnasen", "jansen", 2)).toBe(1);
    expect([maxEdits("jan"), maxEdits("jans"), maxEdits("jansn"), maxEdits("jansen")]).toEqual([0, 1, 1, 2]);
  });
});

describe("fuzzy form of a query (the index's nearest terms)", () => {
  let dir: string;
  let db: Database.Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vizier-fuzzy-"));
    const store = new SqliteStore(dir);
    await store.init();
    const ds = testDataset("a", "A");
    await store.putDataset(ds);
    const run = { id: "r1", dataset: "a", file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
    const w = await store.beginWrite(run);
    await w.writeStatements([
      ...testStatements(ds, "e1", "Person", { name: "Jan Jansen", idNumber: "12345678" }),
      ...testStatements(ds, "e2", "Person", { name: "Piet Janssen" }),
      ...testStatements(ds, "e3", "Person", { name: "Kees Jensen" }),
    ]);
    await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
    await store.close();
    db = new Database(join(dir, "vizier.db"), { readonly: true });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fuzzy = (text: string) => fuzzyWords(db, queryWords(text)).map((w) => w.spellings);

  it("offers the terms at the nearest distance only, as whole words", () => {
    // "jansn": jansen is one edit away (insert e), janssen and jensen two.
    expect(fuzzy("jansn")).toEqual([["jansen"]]);
    // "jannsen": jansen (delete n) and janssen (n for s) are both one edit away.
    expect(fuzzy("jannsen")).toEqual([["jansen", "janssen"]]);
    expect(fuzzyWords(db, queryWords("jansn")).every((w) => !w.prefix)).toBe(true);
  });

  it("leaves out words too short or with nothing near, and never offers the word itself", () => {
    expect(fuzzy("jn jansn")).toEqual([["jansen"]]);
    expect(fuzzy("qqqqqq")).toEqual([]);
    expect(fuzzy("jansen")).toEqual([["janssen", "jensen"]]);
  });

  it("finds identifiers one digit off among the terms sharing their first two characters", () => {
    expect(fuzzy("12345679")).toEqual([["12345678"]]);
  });
});
