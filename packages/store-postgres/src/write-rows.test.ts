import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROW_PATH_DATASET, rowPathRows, scopeOf, systemCtx, writeBothWays, type SourceRow } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// The row path (StoreWriter.writeRows, no Statement object per value) must store exactly what
// writeStatements stores for the statements toStatements makes of the same rows.
const server = pgServer();
const ds = ROW_PATH_DATASET;
const v = (prop: string, propType: string, value: string) => ({ prop, propType, value, original: value });
/** The shared rows with awkward text for COPY (tab, backslash, newline, NUL), and 300 more rows so the run crosses slice merges. */
const ROWS: SourceRow[] = [
  ...rowPathRows({ company: "\ttab\\", lastName: "\nnul\0" }),
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
    const before = await writeBothWays(viaStatements, viaRows, ROWS, [1, 100]);
    expect(before.entities[1]).toBe(before.entities[0]);
    expect(before.conflicts[1]).toEqual(before.conflicts[0]);
    const stored = await dump("via_rows");
    expect(stored).toEqual(await dump("via_statements"));
    expect(Object.values(stored)[0]).toHaveLength(306); // p1 twice (rows 4 and 5 differ), p2 as Person and Company, c1, o1, q0–q299
    const scope = scopeOf(systemCtx(), []);
    expect(await viaRows.readStatements(scope, { entityIds: ["p1", "p2", "o1"] })).toEqual(await viaStatements.readStatements(scope, { entityIds: ["p1", "p2", "o1"] }));
    expect((await viaRows.references(scope, ["p1"], 10)).references.map((r) => r.entityId)).toEqual(["o1"]);
    expect((await viaRows.search(scope, { text: "ayse", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["p2"]);
  });
});
