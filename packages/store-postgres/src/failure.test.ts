import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isVizierError, type Statement } from "@vizier/model";
import { linkAudit, type IngestRun, type StoreWriter } from "@vizier/core";
import { scopeOf, systemCtx, testDataset, testStatements } from "@vizier/core/testing";
import pg from "pg";
import { findPgBin, startPgTestServer, type PgTestServer } from "../../../scripts/pg-test-server";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// A run that dies half-way (connection killed, PostgreSQL stopped) must leave the store exactly
// as it was and fail with STORE_UNAVAILABLE: no hang, no unhandled rejection, no partial data.
const server = pgServer();
const ds = testDataset("police", "A");
const run = (id: string): IngestRun => ({ id, dataset: "police", file: "f.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" });
const noAudit = { entries: [], link: linkAudit };

function people(from: number, n: number, runId: string): Statement[] {
  const out: Statement[] = [];
  for (let i = from; i < from + n; i++) out.push(...testStatements(ds, `p${i}`, "Person", { name: `Person ${i}`, idNumber: `ID${i}` }, { runId, row: i }));
  return out;
}

async function counts(store: PostgresStore): Promise<number[]> {
  const s = await store.stats();
  return [s.statements, s.entities, s.runs, s.quarantined, s.auditRecords];
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const unavailable = (e: unknown) => isVizierError(e, "STORE_UNAVAILABLE");

/** Kills the backend serving the open ingest transaction, as an admin or a crash would. */
async function killWriterBackend(adminUrl: string, db: string, countOnly = false): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const r = await admin.query(
      `SELECT ${countOnly ? "pid" : "pg_terminate_backend(pid)"} FROM pg_stat_activity
       WHERE datname = $1 AND application_name = 'vizier' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`, [db]);
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.skipIf(!server.url)(`PostgreSQL store failures${server.url ? "" : ` (skipped: ${server.reason})`}`, () => {
  let db: { url: string; drop: () => Promise<void> };
  let store: PostgresStore;
  const dbName = () => new URL(db.url).pathname.slice(1);

  beforeAll(async () => {
    db = await createTestDatabase(server.url!, "vz_fail");
    store = new PostgresStore({ url: db.url, maxConnections: 4 });
    await store.init();
    await store.putDataset(ds);
    const w = await store.beginWrite(run("base"));
    await w.writeStatements(people(0, 100, "base"));
    await w.commit(run("base"), { entries: [{ at: "2026-01-01T00:00:00Z", actor: "t", agency: "A", purpose: "p", action: "ingest", query: "base", resultIds: [], recipients: [] }], link: linkAudit });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it("rolls back and reports STORE_UNAVAILABLE when the connection is killed between batches", async () => {
    const before = await counts(store);
    const w = await store.beginWrite(run("r-kill"));
    await w.writeStatements(people(1000, 500, "r-kill"));
    await w.writeQuarantine([{ kind: "rejected", runId: "r-kill", dataset: "police", file: "f.csv", row: 3, column: "x", reason: "bad", raw: "{}" }]);
    expect(await killWriterBackend(server.url!, dbName())).toBe(1);
    await expect(w.writeStatements(people(2000, 10, "r-kill"))).rejects.toSatisfy(unavailable);
    await expect(w.commit(run("r-kill"), noAudit)).rejects.toSatisfy(unavailable);
    await w.abort(); // as the pipeline's finally does: must not throw or hang
    expect(await counts(store)).toEqual(before);
    // The pool recovered: a new run works.
    const w2 = await store.beginWrite(run("r-after"));
    await w2.writeStatements(people(3000, 5, "r-after"));
    await w2.commit(run("r-after"), noAudit);
    expect((await counts(store))[0]).toBe(before[0]! + 15);
  });

  it("rolls back when the connection dies during a COPY or during commit", async () => {
    const before = await counts(store);
    for (const phase of ["copy", "commit"] as const) {
      const w: StoreWriter = await store.beginWrite(run(`r-${phase}`));
      if (phase === "commit") await w.writeStatements(people(5000, 20_000, `r-${phase}`));
      const inFlight = phase === "copy" ? w.writeStatements(people(5000, 20_000, `r-${phase}`)) : w.commit(run(`r-${phase}`), noAudit);
      const outcome = inFlight.then(() => "done", (e: unknown) => e);
      await new Promise((r) => setTimeout(r, 30));
      await killWriterBackend(server.url!, dbName());
      const result = await outcome;
      // The kill may land after the step finished; then the next step must fail instead.
      if (result === "done" && phase === "copy") await expect(w.commit(run(`r-${phase}`), noAudit)).rejects.toSatisfy(unavailable);
      else if (result !== "done") expect(unavailable(result)).toBe(true);
      await w.abort();
      // A commit that completed before the kill is the only way data may appear.
      if (result !== "done" || phase === "copy") expect(await counts(store)).toEqual(before);
    }
  });

  it("leaves the store unchanged when the ingesting process is killed", async () => {
    const before = await counts(store);
    const child = spawn(process.execPath, ["scripts/run-ts.mjs", "packages/store-postgres/src/kill-child.ts", db.url, "vizier"], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => { if (d.toString().includes("writing")) resolve(); });
      child.on("exit", (code) => reject(new Error(`child exited early (${code}): ${err}`)));
    });
    child.kill("SIGKILL");
    await once(child, "exit");
    // The server notices the dead connection and rolls back; nothing of the run is visible, and
    // the next run (which takes the audit-chain lock) is not blocked.
    for (let i = 0; i < 50 && (await killWriterBackend(server.url!, dbName(), true)) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await counts(store)).toEqual(before);
    const w = await store.beginWrite(run("r-next"));
    await w.writeStatements(people(9000, 1, "r-next"));
    await w.commit(run("r-next"), { entries: [{ at: "2026-01-01T00:00:00Z", actor: "t", agency: "A", purpose: "p", action: "ingest", query: "next", resultIds: [], recipients: [] }], link: linkAudit });
    expect((await counts(store))[0]).toBe(before[0]! + 3);
  }, 60_000);

  it("fails fast with STORE_UNAVAILABLE when the server cannot be reached", async () => {
    const bad = new PostgresStore({ url: "postgresql://nobody@%2Fnonexistent%2Fdir:5432/none", connectTimeoutMs: 2000 });
    await expect(bad.init()).rejects.toSatisfy(unavailable);
    await expect(bad.stats()).rejects.toSatisfy(unavailable);
    await bad.close();
    const missing = new PostgresStore({ url: new URL(`/vz_missing_db_${Date.now()}`, db.url).toString() });
    await expect(missing.init()).rejects.toSatisfy(unavailable);
    await missing.close();
  });

  it("reports a read-only database as STORE_UNAVAILABLE and changes nothing", async () => {
    const ro = await createTestDatabase(server.url!, "vz_ro");
    try {
      const setup = new PostgresStore({ url: ro.url });
      await setup.init();
      await setup.putDataset(ds);
      await setup.close();
      const admin = new pg.Client({ connectionString: server.url! });
      await admin.connect();
      await admin.query(`ALTER DATABASE ${new URL(ro.url).pathname.slice(1)} SET default_transaction_read_only = on`);
      await admin.end();
      const store2 = new PostgresStore({ url: ro.url, maxConnections: 2 });
      // Even the run's TEMP stage cannot be created in a read-only transaction: refused up front.
      await expect(store2.beginWrite(run("r-ro"))).rejects.toSatisfy(unavailable);
      await expect(store2.putSetting("k", "v")).rejects.toSatisfy(unavailable);
      expect((await store2.stats()).statements).toBe(0);
      await store2.close();
    } finally {
      await ro.drop();
    }
  });
});

// Stopping PostgreSQL needs a server of our own, so the shared one keeps serving other files.
const bin = findPgBin();
describe.skipIf(!server.url || !bin)("PostgreSQL stopping mid-ingest", () => {
  let own: PgTestServer | undefined;
  let store: PostgresStore | undefined;
  beforeAll(() => { own = startPgTestServer(bin!); });
  afterAll(async () => {
    await store?.close();
    own?.stop();
  });

  it("leaves the store as before and reports STORE_UNAVAILABLE", async () => {
    store = new PostgresStore({ url: own!.url, maxConnections: 2, connectTimeoutMs: 2000 });
    await store.init();
    await store.putDataset(ds);
    const w0 = await store.beginWrite(run("base"));
    await w0.writeStatements(people(0, 50, "base"));
    await w0.commit(run("base"), noAudit);
    const before = await counts(store);

    const w = await store.beginWrite(run("r-stop"));
    await w.writeStatements(people(100, 1000, "r-stop"));
    // The test cluster runs with synchronous_commit off; make the baseline durable before the
    // crash-like stop so that only the open run is at stake.
    const admin = new pg.Client({ connectionString: own!.url });
    await admin.connect();
    await admin.query("CHECKPOINT");
    await admin.end();
    own!.halt();
    const t0 = Date.now();
    await expect(w.writeStatements(people(2000, 1000, "r-stop"))).rejects.toSatisfy(unavailable);
    await w.abort();
    await expect(store.stats()).rejects.toSatisfy(unavailable);
    expect(Date.now() - t0).toBeLessThan(10_000);

    own!.restart();
    expect(await counts(store)).toEqual(before);
    const rows = await store.readStatements(scopeOf(systemCtx(), []), { entityIds: ["p100"] });
    expect(rows).toEqual([]);
  });
});
