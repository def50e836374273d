import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Statement } from "@vizier/model";
import { linkAudit, type IngestRun } from "@vizier/core";
import { scopeOf, systemCtx, testDataset, testStatements } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// The word index's pending list is merged on a second connection while a run is still open
// (index-cleaner.ts). That must not make anything of the run visible before its commit, nor after
// a rollback, and searches after the commit must find every row.
const server = pgServer();
const ds = testDataset("police", "A");
const run = (id: string): IngestRun => ({ id, dataset: "police", file: "f.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" });

function people(from: number, n: number, runId: string): Statement[] {
  const out: Statement[] = [];
  for (let i = from; i < from + n; i++) out.push(...testStatements(ds, `p${i}`, "Person", { name: `Person Q${i}`, idNumber: `ID${i}` }, { runId, row: i }));
  return out;
}

describe.skipIf(!server.url)("PostgreSQL word index merged beside the run", () => {
  let db: { url: string; drop: () => Promise<void> };
  let admin: pg.Client;
  const stores: PostgresStore[] = [];
  const open = async (helper: boolean) => {
    const s = new PostgresStore({ url: db.url, maxConnections: 3, ingestSliceBlocks: 100, ingestIndexHelper: helper });
    stores.push(s);
    await s.init();
    return s;
  };
  /** Index entries still waiting in the pending list. */
  const pending = async () => Number((await admin.query<{ n: string }>("SELECT pending_tuples AS n FROM pgstatginindex('vizier.blocks_search_fts')")).rows[0]!.n);
  const waitFor = async (f: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await f()); i++) await new Promise((r) => setTimeout(r, 100));
    return f();
  };

  beforeAll(async () => {
    db = await createTestDatabase(server.url!, "vz_cleaner");
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query("CREATE EXTENSION pgstattuple");
    await (await open(true)).putDataset(ds);
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await admin?.end();
    await db?.drop();
  });

  it("empties the pending list while the run is open; a rollback leaves no hits, a commit finds all", async () => {
    const store = await open(true);
    const sys = () => scopeOf(systemCtx(), [ds]);
    const w = await store.beginWrite(run("r-rolled-back"));
    for (let b = 0; b < 6; b++) await w.writeStatements(people(b * 100, 100, "r-rolled-back"));
    await w.runEntities(); // every slice merged; the helper was started after each
    expect(await waitFor(async () => (await pending()) === 0)).toBe(true);
    const helpers = await admin.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'vizier-index'");
    expect(helpers.rowCount).toBe(1);
    // The entries are in the index's main tree, but the rows are not committed.
    expect(await store.search(sys(), { text: "q250", limit: 5, offset: 0 })).toEqual([]);
    await w.abort();
    expect(await store.search(sys(), { text: "q250", limit: 5, offset: 0 })).toEqual([]);
    expect((await store.stats()).statements).toBe(0);
    expect(await waitFor(async () => (await admin.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'vizier-index'")).rowCount === 0)).toBe(true);

    const w2 = await store.beginWrite(run("r-committed"));
    for (let b = 0; b < 6; b++) await w2.writeStatements(people(b * 100, 100, "r-committed"));
    await w2.commit(run("r-committed"), { entries: [], link: linkAudit });
    expect(await pending()).toBe(0);
    expect((await store.stats()).statements).toBe(1800);
    for (const i of [0, 250, 599]) expect((await store.search(sys(), { text: `q${i}`, limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual([`p${i}`]);
    expect((await store.search(sys(), { text: "id42", limit: 20, offset: 0 })).map((h) => h.entityId)).toContain("p42");
  });

  it("without the helper, the pending list waits for the commit", async () => {
    const store = await open(false);
    const w = await store.beginWrite(run("r-no-helper"));
    for (let b = 0; b < 3; b++) await w.writeStatements(people(1000 + b * 100, 100, "r-no-helper"));
    await w.runEntities();
    expect(await pending()).toBeGreaterThan(0);
    await w.commit(run("r-no-helper"), { entries: [], link: linkAudit });
    expect(await pending()).toBe(0);
  });
});
