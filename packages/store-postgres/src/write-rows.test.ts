import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Statement } from "@vizier/model";
import { linkAudit, type IngestRun, type SourceRowEntities } from "@vizier/core";
import { rowProvenance, runProvenance, toStatements } from "@vizier/core/ingest";
import { scopeOf, systemCtx, testDataset } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// The row path (StoreWriter.writeRows, no Statement object per value) must store exactly what
// writeStatements stores for the statements toStatements makes of the same rows.
const server = pgServer();
const ds = testDataset("police", "A");
const run: IngestRun = { id: "r1", dataset: "police", file: "in/people.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
const prov = runProvenance(ds, "r1", new Date("2026-01-01T00:00:00.000Z"), "in/people.csv");

const v = (prop: string, propType: string, value: string, original = value) => ({ prop, propType, value, original });
/** Rows as a mapping gives them: several entities a row, links, cleaned values, awkward text, a row mapping one entity twice. */
const ROWS: Array<{ row: number; entities: SourceRowEntities["entities"] }> = [
  { row: 2, entities: [
    { id: "p1", schema: "Person", values: [v("firstName", "name", "Jan"), v("birthDate", "date", "1980-02-01", "01-02-1980"), v("passportNumber", "identifier", "AB-12.3")] },
    { id: "c1", schema: "Company", values: [v("name", "name", "Acme \"B.V.\"\ttab\\")] },
    { id: "o1", schema: "Ownership", values: [v("owner", "entity", "p1"), v("asset", "entity", "c1")] },
  ] },
  { row: 3, entities: [
    { id: "p2", schema: "Person", values: [v("firstName", "name", "Ayşe"), v("phone", "phone", "+31 6 1234 5678", "06-12345678")] },
    { id: "p2", schema: "Person", values: [v("lastName", "name", "Yılmaz\nnul\0")] },
    { id: "p2", schema: "Company", values: [] },
  ] },
  { row: 4, entities: [{ id: "p1", schema: "Person", values: [v("firstName", "name", "Jan"), v("nationality", "country", "nl", "NL")] }] },
  { row: 5, entities: [{ id: "p1", schema: "Person", values: [v("firstName", "name", "Jan"), v("birthDate", "date", "1980-02-01", "01-02-1980"), v("passportNumber", "identifier", "AB-12.3")] }] },
  ...Array.from({ length: 300 }, (_, k) => ({ row: 6 + k, entities: [{ id: `q${k}`, schema: "Person", values: [v("name", "name", `Person Q${k % 17} 🙂`), v("idNumber", "identifier", `ID${k}`)] }] })),
];

describe.skipIf(!server.url)("PgWriter.writeRows", () => {
  let db: { url: string; drop: () => Promise<void> };
  let admin: pg.Client;
  const stores: PostgresStore[] = [];
  const open = async (schema: string) => {
    // Small slices: the rows cross several slice merges.
    const s = new PostgresStore({ url: db.url, schema, maxConnections: 3, ingestSliceBlocks: 50 });
    stores.push(s);
    await s.init();
    await s.putDataset(ds);
    return s;
  };
  /** Everything an ingest stores, as plain rows. */
  const dump = async (schema: string) => Object.fromEntries(await Promise.all([
    "SELECT * FROM blocks ORDER BY entity_id, dataset, handling, hash", "SELECT * FROM name_words ORDER BY word",
    "SELECT id, dataset, file, statements, entities, conflicts, status FROM runs",
  ].map(async (q) => [q, (await admin.query(q.replace(/FROM (\w+)/, `FROM ${schema}.$1`))).rows] as const)));

  beforeAll(async () => {
    db = await createTestDatabase(server.url!, "vz_rows");
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await admin?.end();
    await db?.drop();
  });

  it("stores exactly what writeStatements stores for the same rows' statements, whatever the batches", async () => {
    const viaStatements = await open("via_statements");
    const viaRows = await open("via_rows");
    const a = await viaStatements.beginWrite(run);
    for (const r of ROWS) {
      const sts: Statement[] = [];
      for (const e of r.entities) toStatements(prov, r.row, e, sts);
      await a.writeStatements(sts);
    }
    const b = await viaRows.beginWrite(run);
    const rows = ROWS.map((r) => ({ origin: `people.csv:${r.row}`, entities: r.entities }));
    await b.writeRows!(rowProvenance(prov), rows.slice(0, 1));
    await b.writeRows!(rowProvenance(prov), rows.slice(1, 100));
    await b.writeRows!(rowProvenance(prov), rows.slice(100));
    expect(await b.runEntities()).toBe(await a.runEntities());
    expect(await b.conflicts(10)).toEqual(await a.conflicts(10));
    for (const w of [a, b]) await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
    const stored = await dump("via_rows");
    expect(stored).toEqual(await dump("via_statements"));
    expect(Object.values(stored)[0]).toHaveLength(306); // p1 twice (rows 4 and 5 differ), p2 as Person and Company, c1, o1, q0–q299
    const scope = scopeOf(systemCtx(), []);
    expect(await viaRows.readStatements(scope, { entityIds: ["p1", "p2", "o1"] })).toEqual(await viaStatements.readStatements(scope, { entityIds: ["p1", "p2", "o1"] }));
    expect((await viaRows.references(scope, ["p1"], 10)).references.map((r) => r.entityId)).toEqual(["o1"]);
    expect((await viaRows.search(scope, { text: "ayse", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["p2"]);
  });
});
