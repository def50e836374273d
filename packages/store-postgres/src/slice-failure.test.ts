import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isVizierError, type Statement } from "@vizier/model";
import { linkAudit, type IngestRun } from "@vizier/core";
import { testDataset, testStatements } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// Slices of a run are merged into `blocks` while the run goes on (writer.ts). A connection that
// dies while a slice merges in the background must still roll the whole run back and fail the
// next call with STORE_UNAVAILABLE, with no unhandled rejection.
const server = pgServer();
const ds = testDataset("police", "A");
const run = (id: string): IngestRun => ({ id, dataset: "police", file: "f.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" });
const unavailable = (e: unknown) => isVizierError(e, "STORE_UNAVAILABLE");

function people(from: number, n: number, runId: string): Statement[] {
  const out: Statement[] = [];
  for (let i = from; i < from + n; i++) out.push(...testStatements(ds, `p${i}`, "Person", { name: `Person ${i}`, idNumber: `ID${i}` }, { runId, row: i }));
  return out;
}

describe.skipIf(!server.url)("PostgreSQL slice merges and failures", () => {
  let db: { url: string; drop: () => Promise<void> };
  let store: PostgresStore;
  beforeAll(async () => {
    db = await createTestDatabase(server.url!, "vz_slice");
    store = new PostgresStore({ url: db.url, maxConnections: 3, ingestSliceBlocks: 200 });
    await store.init();
    await store.putDataset(ds);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it("rolls back a run whose connection dies while slices are being merged", async () => {
    const w0 = await store.beginWrite(run("base"));
    await w0.writeStatements(people(0, 300, "base"));
    await w0.commit(run("base"), { entries: [], link: linkAudit });
    const before = (await store.stats()).statements;
    expect(before).toBe(900);
    const w = await store.beginWrite(run("r-kill"));
    // Enough batches for several slices to have been merged (and one to be in flight).
    for (let b = 0; b < 10; b++) await w.writeStatements(people(1000 + b * 100, 100, "r-kill"));
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = $1 AND application_name = 'vizier' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`, [new URL(db.url).pathname.slice(1)]);
    await admin.end();
    expect(killed.rowCount).toBe(1);
    let failed: unknown;
    try {
      for (let b = 10; b < 20; b++) await w.writeStatements(people(1000 + b * 100, 100, "r-kill"));
      await w.commit(run("r-kill"), { entries: [], link: linkAudit });
    } catch (e) {
      failed = e;
    }
    expect(unavailable(failed)).toBe(true);
    await w.abort();
    expect((await store.stats()).statements).toBe(before);
    expect((await store.listRuns()).map((r) => r.id)).toEqual(["base"]);
    // The next run goes through, slices and all.
    const w2 = await store.beginWrite(run("r-after"));
    for (let b = 0; b < 5; b++) await w2.writeStatements(people(5000 + b * 100, 100, "r-after"));
    await w2.commit(run("r-after"), { entries: [], link: linkAudit });
    expect((await store.stats()).statements).toBe(before + 1500);
  });
});
