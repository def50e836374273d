import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAudit } from "@vizier/core";
import { testDataset, testStatements } from "@vizier/core/testing";
import { queryWords } from "./fts";
import { fuzzyWords, maxEdits } from "./fuzzy";
import { SqliteStore } from "./store";

describe("how far a word may be from its alternatives", () => {
  it("allows none below four characters, one edit up to five, two from six", () => {
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
