import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { Statement } from "@vizier/model";
import { linkAudit, type IngestRun, type SourceRowEntities } from "@vizier/core";
import { rowProvenance, runProvenance, toStatements } from "@vizier/core/ingest";
import { scopeOf, systemCtx, testDataset } from "@vizier/core/testing";
import { SqliteStore } from "./store";

const ds = testDataset("police", "A");
const run: IngestRun = { id: "r1", dataset: "police", file: "in/people.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
const prov = runProvenance(ds, "r1", new Date("2026-01-01T00:00:00.000Z"), "in/people.csv");

const v = (prop: string, propType: string, value: string, original = value) => ({ prop, propType, value, original });
/** Rows as a mapping gives them: several entities a row, a link, cleaned values, and a row mapping one entity twice. */
const ROWS: Array<{ row: number; entities: SourceRowEntities["entities"] }> = [
  { row: 2, entities: [
    { id: "p1", schema: "Person", values: [v("firstName", "name", "Jan"), v("birthDate", "date", "1980-02-01", "01-02-1980"), v("passportNumber", "identifier", "AB-12.3")] },
    { id: "c1", schema: "Company", values: [v("name", "name", "Acme \"B.V.\"")] },
    { id: "o1", schema: "Ownership", values: [v("owner", "entity", "p1"), v("asset", "entity", "c1")] },
  ] },
  { row: 3, entities: [
    { id: "p2", schema: "Person", values: [v("firstName", "name", "Ayşe"), v("phone", "phone", "+31 6 1234 5678", "06-12345678")] },
    { id: "p2", schema: "Person", values: [v("lastName", "name", "Yılmaz")] },
    { id: "p2", schema: "Company", values: [] },
  ] },
  { row: 4, entities: [{ id: "p1", schema: "Person", values: [v("firstName", "name", "Jan"), v("nationality", "country", "nl", "NL")] }] },
  { row: 5, entities: [{ id: "p1", schema: "Person", values: [v("firstName", "name", "Jan"), v("birthDate", "date", "1980-02-01", "01-02-1980"), v("passportNumber", "identifier", "AB-12.3")] }] },
];

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
    const a = await viaStatements.beginWrite(run);
    for (const r of ROWS) {
      const sts: Statement[] = [];
      for (const e of r.entities) toStatements(prov, r.row, e, sts);
      await a.writeStatements(sts);
    }
    const b = await viaRows.beginWrite(run);
    const rows = ROWS.map((r) => ({ origin: `people.csv:${r.row}`, entities: r.entities }));
    await b.writeRows!(rowProvenance(prov), rows.slice(0, 1));
    await b.writeRows!(rowProvenance(prov), rows.slice(1));
    expect(await b.runEntities()).toBe(await a.runEntities());
    expect(await b.conflicts(10)).toEqual(await a.conflicts(10));
    for (const w of [a, b]) await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
    expect(dump(viaRows)).toEqual(dump(viaStatements));
    const scope = scopeOf(systemCtx(), []);
    expect(await viaRows.readStatements(scope, { entityIds: ["p1", "p2", "o1"] })).toEqual(await viaStatements.readStatements(scope, { entityIds: ["p1", "p2", "o1"] }));
    expect((await viaRows.references(scope, ["p1"], 10)).references.map((r) => r.entityId)).toEqual(["o1"]);
    expect((await viaRows.search(scope, { text: "ab123", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
    await viaStatements.close();
    await viaRows.close();
  });
});
