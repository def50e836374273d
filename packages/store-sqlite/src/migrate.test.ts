import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { makeStatementId } from "@vizier/model";
import { linkAudit } from "@vizier/core";
import { scopeOf, systemCtx, testDataset, testStatements } from "@vizier/core/testing";
import { MIGRATIONS } from "./schema";
import { SqliteStore } from "./store";

// The version-1 statement table and search index, as shipped before the block layout.
const V1_STATEMENTS = `
  CREATE TABLE statements (
    id TEXT NOT NULL, entity_id TEXT NOT NULL, schema TEXT NOT NULL, prop TEXT NOT NULL, prop_type TEXT NOT NULL,
    value TEXT NOT NULL, original TEXT, dataset TEXT NOT NULL, handling TEXT NOT NULL,
    first_prov INTEGER NOT NULL, last_prov INTEGER NOT NULL, origin TEXT NOT NULL
  );
  CREATE UNIQUE INDEX statements_identity ON statements(entity_id, dataset, prop, value);
  CREATE VIRTUAL TABLE search USING fts5(text, entity_id UNINDEXED, dataset UNINDEXED, handling UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
`;

describe("migration of a version-1 store", () => {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

  it("converts statement rows to blocks, keeps search, and merges a later re-ingest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vizier-v1-"));
    dirs.push(dir);
    const db = new Database(join(dir, "vizier.db"));
    db.exec(MIGRATIONS[0]! + V1_STATEMENTS);
    db.prepare("INSERT INTO provenance VALUES (1, 'police', 'A', 'test', 'test', 'GREEN', 'B2', '2031-01-01', 'r0', '2025-06-01T00:00:00.000Z')").run();
    const ins = db.prepare("INSERT INTO statements VALUES (?, 'e1', 'Person', ?, ?, ?, NULL, 'police', 'GREEN', 1, 1, 'old.csv:2')");
    ins.run(makeStatementId("e1", "id", "e1", "police"), "id", "id", "e1");
    const r = ins.run(makeStatementId("e1", "name", "Jan Jansen", "police"), "name", "name", "Jan Jansen");
    db.prepare("INSERT INTO search (rowid, text, entity_id, dataset, handling) VALUES (?, 'Jan Jansen', 'e1', 'police', 'GREEN')").run(r.lastInsertRowid);
    db.pragma("user_version = 1");
    db.close();

    const store = new SqliteStore(dir);
    await store.init();
    const ds = testDataset("police", "A");
    await store.putDataset(ds);
    const sys = scopeOf(systemCtx(), []);
    expect((await store.readStatements(sys, { entityIds: ["e1"] })).map((s) => [s.prop, s.value, s.firstSeen, s.origin])).toEqual([
      ["id", "e1", "2025-06-01T00:00:00.000Z", "old.csv:2"], ["name", "Jan Jansen", "2025-06-01T00:00:00.000Z", "old.csv:2"],
    ]);
    expect((await store.search(sys, { text: "jans", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["e1"]);

    const w = await store.beginWrite({ id: "r1", dataset: "police", file: "t.csv", mapping: "m", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" });
    await w.writeStatements(testStatements(ds, "e1", "Person", { name: "Jan Jansen" }, { runId: "r1" }));
    await w.commit({ id: "r1", dataset: "police", file: "t.csv", mapping: "m", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" }, { entries: [], link: linkAudit });
    const after = await store.readStatements(sys, { entityIds: ["e1"] });
    expect(after.map((s) => [s.value, s.firstSeen, s.lastSeen, s.runId])).toEqual([
      ["e1", "2025-06-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "r1"], ["Jan Jansen", "2025-06-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "r1"],
    ]);
    expect((await store.stats()).statements).toBe(2);
    await store.close();
  });
});

describe("migration of a version-5 store", () => {
  it("indexes the second and mother's names of stored blocks, as a new ingest does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vizier-v5-"));
    try {
      const ds = testDataset("police", "A");
      const run = { id: "r1", dataset: "police", file: "t.csv", mapping: "m", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
      const store = new SqliteStore(dir);
      await store.init();
      await store.putDataset(ds);
      const w = await store.beginWrite(run);
      await w.writeStatements([
        ...testStatements(ds, "e1", "Person", { firstName: "Luis", lastName: "Gómez", secondName: "Arango" }),
        ...testStatements(ds, "e2", "Person", { firstName: "Ana", motherName: "Restrepo" }),
        ...testStatements(ds, "e3", "Person", { secondName: "Ospina" }),
      ]);
      await w.commit(run, { entries: [], link: linkAudit });
      await store.close();
      // As version 5 wrote them: the documents without second and mother's names (e3 had none).
      const db = new Database(join(dir, "vizier.db"));
      const docs = db.prepare("SELECT k.entity_id AS e, k.id FROM block_keys k ORDER BY 1").all() as Array<{ e: string; id: number }>;
      db.exec(`DELETE FROM fts; INSERT INTO fts (rowid, text) VALUES (${docs[0]!.id}, 'Luis Gómez'), (${docs[1]!.id}, 'Ana')`);
      db.pragma("user_version = 5");
      db.close();

      const upgraded = new SqliteStore(dir);
      await upgraded.init();
      const sys = scopeOf(systemCtx(), []);
      const ids = async (text: string) => (await upgraded.search(sys, { text, limit: 5, offset: 0 })).map((h) => h.entityId).sort();
      expect([await ids("gomez arango"), await ids("restrepo"), await ids("ospina"), await ids("luis")]).toEqual([["e1"], ["e2"], ["e3"], ["e1"]]);
      await upgraded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
