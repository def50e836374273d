import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ROW_PATH_DATASET, rowPathRows, scopeOf, systemCtx, writeBothWays } from "@vizier/core/testing";
import { SqliteStore } from "./store";

const ds = ROW_PATH_DATASET;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function store(): Promise<SqliteStore> {
  const dir = mkdtempSync(join(tmpdir(), "vizier-rows-"));
  dirs.push(dir);
  const s = new SqliteStore(dir);
  await s.init();
  await s.putDataset(ds);
  return s;
}

/** Everything an ingest stores, as plain rows (ids included: both runs must number alike). */
function dump(s: SqliteStore): unknown {
  const db = new Database(s.location, { readonly: true });
  try {
    return Object.fromEntries(["SELECT * FROM blocks ORDER BY id", "SELECT * FROM block_keys ORDER BY 1, 2, 3, 4", "SELECT * FROM refs ORDER BY 1, 2, 3",
      "SELECT * FROM props ORDER BY id", "SELECT dataset, agency, legal_basis, purpose, handling, reliability, retention_until, run_id, seen_at FROM provenance ORDER BY id",
      "SELECT rowid FROM fts WHERE fts MATCH 'jan OR ab123 OR acme OR ayse OR yılmaz OR 31612345678' ORDER BY rowid"]
      .map((q) => [q, db.prepare(q).raw().all()]));
  } finally {
    db.close();
  }
}

describe("SqliteWriter.writeRows", () => {
  it("stores exactly what writeStatements stores for the same rows' statements, whatever the batches", async () => {
    const viaStatements = await store();
    const viaRows = await store();
    const before = await writeBothWays(viaStatements, viaRows, rowPathRows(), [1]);
    expect(before.entities[1]).toBe(before.entities[0]);
    expect(before.conflicts[1]).toEqual(before.conflicts[0]);
    expect(dump(viaRows)).toEqual(dump(viaStatements));
    const scope = scopeOf(systemCtx(), []);
    expect(await viaRows.readStatements(scope, { entityIds: ["p1", "p2", "o1"] })).toEqual(await viaStatements.readStatements(scope, { entityIds: ["p1", "p2", "o1"] }));
    expect((await viaRows.references(scope, ["p1"], 10)).references.map((r) => r.entityId)).toEqual(["o1"]);
    expect((await viaRows.search(scope, { text: "ab123", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
    await viaStatements.close();
    await viaRows.close();
  });
});

/**
 * Digest of every stored byte a run writes: blocks, keys, references, provenance and the search
 * index's own pages (fts_data holds the documents' terms), computed with the writer of session 6.
 * A change to how blocks are packed, staged or copied that alters any of them fails here.
 */
const STORED_DIGEST = "735f2a452a18b6c8008161fc8c10082962a0266ce8c8f59c56ce606469c1841a";

function storedDigest(s: SqliteStore): string {
  const db = new Database(s.location, { readonly: true });
  try {
    const h = createHash("sha256");
    for (const q of ["SELECT * FROM blocks ORDER BY id", "SELECT * FROM block_keys ORDER BY 1, 2, 3, 4", "SELECT * FROM refs ORDER BY 1, 2, 3",
      "SELECT * FROM props ORDER BY id", "SELECT * FROM provenance ORDER BY id", "SELECT * FROM fts_data ORDER BY id", "SELECT * FROM fts_idx ORDER BY 1, 2"]) {
      h.update(JSON.stringify(db.prepare(q).raw().all(), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("hex") : v)));
    }
    return h.digest("hex");
  } finally {
    db.close();
  }
}

describe("SqliteWriter stored bytes", () => {
  it("are the same as the session-6 writer's for the same rows, through either path", async () => {
    const viaStatements = await store();
    const viaRows = await store();
    await writeBothWays(viaStatements, viaRows, rowPathRows({ company: " \u0001\"x\"", lastName: "Yılmaz-Öz" }), [1]);
    expect(storedDigest(viaRows)).toBe(STORED_DIGEST);
    expect(storedDigest(viaStatements)).toBe(STORED_DIGEST);
    await viaStatements.close();
    await viaRows.close();
  });
});
