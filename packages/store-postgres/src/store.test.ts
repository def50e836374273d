import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Statement } from "@vizier/model";
import { linkAudit, verifyAudit, type AuditEntry, type IngestRun } from "@vizier/core";
import { ctxFor, scopeOf, systemCtx, testDataset, testStatements } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// PostgreSQL-specific behaviour beyond the shared contract: awkward values through COPY, block
// semantics for repeats within and across runs, concurrent schema set-up and audit appends.
const server = pgServer();
const dsA = testDataset("police", "A");
const dsC = testDataset("foreign", "C");
const run = (id: string): IngestRun => ({ id, dataset: "police", file: "f.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" });
const noAudit = { entries: [], link: linkAudit };
const entry = (query: string): AuditEntry => ({ at: "2026-01-01T00:00:00Z", actor: "t", agency: "A", purpose: "p", action: "search", query, resultIds: [query], recipients: [] });

describe.skipIf(!server.url)(`PostgreSQL store${server.url ? "" : ` (skipped: ${server.reason})`}`, () => {
  let db: { url: string; drop: () => Promise<void> };
  let store: PostgresStore;
  let n = 0;
  const sys = () => scopeOf(systemCtx(), []);

  beforeAll(async () => { db = await createTestDatabase(server.url!, "vz_store"); });
  afterAll(async () => { await db?.drop(); });
  beforeEach(async () => {
    await store?.close();
    store = new PostgresStore({ url: db.url, schema: `s${++n}`, maxConnections: 4 });
    await store.init();
    await store.putDataset(dsA);
    await store.putDataset(dsC);
  });
  afterAll(async () => { await store?.close(); });

  async function ingest(id: string, statements: Statement[]): Promise<void> {
    const w = await store.beginWrite(run(id));
    await w.writeStatements(statements);
    await w.commit(run(id), noAudit);
  }

  it("round-trips values COPY must escape, long values and non-ASCII text", async () => {
    const awkward = ["tab\there", "new\nline", "back\\slash", "cr\rlf", "\\N", "quote\"'", "ünïcødé 中文 🙂", "x".repeat(20_000), "  spaced  ", "nul\0byte"];
    await ingest("r1", testStatements(dsA, "e\t1", "Person", { name: awkward }));
    const read = await store.readStatements(sys(), { entityIds: ["e\t1"] });
    const values = read.filter((s) => s.prop === "name").map((s) => s.value).sort();
    // NUL cannot be stored in PostgreSQL text; it is replaced, everything else is exact.
    expect(values).toEqual(awkward.map((v) => v.replace("\0", "\uFFFD")).sort());
    expect(read.every((s) => s.entityId === "e\t1")).toBe(true);
  });

  it("round-trips blocks across COPY chunks: multi-byte text at chunk ends and a block larger than a chunk", async () => {
    // writer.ts encodes blocks into 4 MiB buffers sent in 1 MiB chunks; ~3,000 blocks of ~1 KB
    // non-ASCII text fill several, and a 4.5 MB value (3 bytes a character; not a name, which the
    // word index would refuse beyond 1 MB) in the first block and in one between them needs a buffer of its own.
    const big = "中".repeat(1_500_000);
    const names = (i: number) => `Zoë ${i} ${"ł€🙂".repeat(100)}`;
    const batch: Statement[] = [];
    for (let i = 0; i < 3000; i++) {
      batch.push(...testStatements(dsA, `c${i}`, "Person", i === 0 || i === 700 ? { name: names(i), notes: big } : { name: names(i) }, { runId: "r1", row: i }));
    }
    await ingest("r1", batch);
    const read = await store.readStatements(sys(), { entityIds: ["c0", "c699", "c700", "c2999"] });
    const got = (id: string, prop = "name") => read.filter((s) => s.entityId === id && s.prop === prop).map((s) => s.value);
    expect(got("c0")).toEqual([names(0)]);
    expect(got("c0", "notes")).toEqual([big]);
    expect(got("c699")).toEqual([names(699)]);
    expect(got("c700")).toEqual([names(700)]);
    expect(got("c700", "notes")).toEqual([big]);
    expect(got("c2999")).toEqual([names(2999)]);
    expect((await store.stats()).entities).toBe(3000);
  });

  it("keeps each statement once however many blocks hold it: latest sighting wins, per scope", async () => {
    const a = testStatements(dsA, "e1", "Person", { name: "Jan" }, { row: 2, runId: "r1" });
    const b = testStatements(dsA, "e1", "Person", { name: "Jan" }, { row: 9, runId: "r1" });
    // The same content twice in one run is one block, with the origin of the later row.
    await ingest("r1", [...a, ...b]);
    const read = await store.readStatements(sys(), { entityIds: ["e1"] });
    expect(read.map((s) => [s.prop, s.handling, s.origin])).toEqual([["id", "GREEN", "test.csv:9"], ["name", "GREEN", "test.csv:9"]]);
    // Re-ingest from another run: only last_seen, run and origin move (a changed original is not new content).
    await ingest("r2", a.map((s) => ({ ...s, runId: "r2", lastSeen: "2026-03-01T00:00:00.000Z", original: "changed?" })));
    const again = await store.readStatements(sys(), { entityIds: ["e1"] });
    expect(again.map((s) => [s.runId, s.lastSeen, s.origin, s.original === "changed?"])).toEqual(
      again.map(() => ["r2", "2026-03-01T00:00:00.000Z", "test.csv:2", false]));
    expect((await store.stats()).statements).toBe(2);
    // Seen later under another handling code: a second block; still two statements, each reported
    // with its latest sighting to whoever may read it, and with the earlier one to whoever may not.
    await ingest("r3", a.map((s) => ({ ...s, runId: "r3", handling: "RED", firstSeen: "2026-04-01T00:00:00.000Z", lastSeen: "2026-04-01T00:00:00.000Z" })));
    expect((await store.stats()).statements).toBe(2);
    const latest = await store.readStatements(sys(), { entityIds: ["e1"] });
    expect(latest.map((s) => [s.handling, s.runId, s.firstSeen])).toEqual(latest.map(() => ["RED", "r3", "2026-01-01T00:00:00.000Z"]));
    const asB = await store.readStatements(scopeOf(ctxFor("B"), await store.listDatasets()), { entityIds: ["e1"] });
    expect(asB.map((s) => [s.handling, s.runId])).toEqual([["GREEN", "r2"], ["GREEN", "r2"]]);
    expect(await store.countWithheld(scopeOf(ctxFor("B"), await store.listDatasets()), ["e1"])).toEqual([]);
  });

  it("merges a run slice by slice while it goes on: repeats across slices, conflicts, counts and abort", async () => {
    const sliced = new PostgresStore({ url: db.url, schema: `s${n}`, maxConnections: 2, ingestSliceBlocks: 7 });
    try {
      const batches: Statement[][] = [];
      for (let i = 0; i < 60; i++) {
        const batch = testStatements(i % 2 ? dsA : dsC, `q${i % 20}`, "Person", { name: `Slice ${i % 20}` }, { row: i, runId: "r1" });
        // q3 is seen again with another birth date in a later slice: a conflict across slices.
        if (i % 20 === 3) batch.push(...testStatements(dsC, "q3", "Person", { birthDate: `19${70 + i}-01-01` }, { row: 1000 + i, runId: "r1" }));
        batches.push(batch);
      }
      const w = await sliced.beginWrite(run("r1"));
      for (const b of batches) await w.writeStatements(b);
      expect(await w.runEntities()).toBe(20);
      expect((await w.conflicts(10)).map((c) => [c.entityId, c.prop, c.values.length])).toEqual([["q3", "birthDate", 3]]);
      await w.commit(run("r1"), noAudit);
      const s = await sliced.stats();
      // 20 entities × (id + name), plus q3 in "foreign": id and three birth dates; repeats of a row's content are one block.
      expect([s.entities, s.statements]).toEqual([20, 44]);
      const q3 = await sliced.readStatements(sys(), { entityIds: ["q3"] });
      expect(q3.map((x) => x.prop)).toEqual(["birthDate", "birthDate", "birthDate", "id", "id", "name"]);
      expect(q3.find((x) => x.prop === "name")?.origin).toBe("test.csv:43");
      // Aborting a run whose slices were already merged leaves the store as it was.
      const w2 = await sliced.beginWrite(run("r2"));
      for (let i = 0; i < 30; i++) await w2.writeStatements(testStatements(dsA, `z${i}`, "Person", { name: `Gone ${i}` }, { runId: "r2" }));
      await w2.abort();
      expect((await sliced.stats()).statements).toBe(44);
      expect(await sliced.search(sys(), { text: "gone", limit: 5, offset: 0 })).toEqual([]);
    } finally {
      await sliced.close();
    }
  });

  it("initialises concurrently from several processes without error", async () => {
    const opts = { url: db.url, schema: `conc${n}`, maxConnections: 2 };
    const stores = [0, 1, 2, 3].map(() => new PostgresStore(opts));
    await Promise.all(stores.map((s) => s.init()));
    await Promise.all(stores.map((s) => s.init()));
    expect((await stores[0]!.stats()).auditRecords).toBe(0);
    await Promise.all(stores.map((s) => s.close()));
  });

  it("serialises concurrent audit appends from separate connections into one valid chain", async () => {
    const others = [0, 1, 2].map(() => new PostgresStore({ url: db.url, schema: `s${n}`, maxConnections: 2 }));
    await Promise.all(others.flatMap((s, i) => Array.from({ length: 10 }, (_, k) => s.appendAudit([entry(`${i}-${k}`), entry(`${i}-${k}b`)], linkAudit))));
    const v = await verifyAudit(store.scanAudit(7));
    expect(v).toEqual({ ok: true, records: 60 });
    await Promise.all(others.map((s) => s.close()));
  });

  it("refuses to alter or delete audit records", async () => {
    await store.appendAudit([entry("a")], linkAudit);
    const pg = await import("pg");
    const c = new pg.default.Client({ connectionString: db.url, options: `-c search_path=s${n}` });
    await c.connect();
    await expect(c.query("UPDATE audit SET query = 'x'")).rejects.toThrow(/append-only/);
    await expect(c.query("DELETE FROM audit")).rejects.toThrow(/append-only/);
    await c.end();
  });

  it("searches with limit, offset and scope; counts withheld statements without the id pseudo-property", async () => {
    const many: Statement[] = [];
    for (let i = 0; i < 30; i++) many.push(...testStatements(i % 3 ? dsA : dsC, `p${String(i).padStart(2, "0")}`, "Person", { name: `Pieter Visser ${i}` }));
    await ingest("r1", many);
    const all = await store.search(sys(), { text: "visser", limit: 50, offset: 0 });
    expect(all).toHaveLength(30);
    const page = await store.search(sys(), { text: "visser", limit: 10, offset: 10 });
    expect(page).toEqual(all.slice(10, 20));
    // Misspelt: the trigram part still finds it.
    expect((await store.search(sys(), { text: "Pieter Vissr", limit: 50, offset: 0 })).length).toBeGreaterThan(0);
    const asB = scopeOf(ctxFor("B"), await store.listDatasets());
    const scoped = await store.search(asB, { text: "visser", limit: 50, offset: 0 });
    expect(scoped.map((h) => h.entityId).sort()).toEqual(all.map((h) => h.entityId).filter((id) => Number(id.slice(1)) % 3 !== 0).sort());
    const held = await store.countWithheld(asB, ["p00", "p01"]);
    expect(held).toEqual([{ entityId: "p00", agency: "C", dataset: "foreign", handling: "GREEN", count: 1, props: ["name"] }]);
    expect(await store.countWithheld(sys(), ["p00"])).toEqual([]);
  });

  it("finds misspelt names through the word dictionary, and retention removes words no block uses any more", async () => {
    const until = (sts: Statement[], d: string) => sts.map((s) => ({ ...s, retentionUntil: d }));
    await ingest("r1", [
      ...until(testStatements(dsA, "e1", "Person", { name: "Karel Verlopen" }), "2020-01-01"),
      ...until(testStatements(dsA, "e2", "Person", { name: "Anna Verloop" }), "2031-01-01"),
    ]);
    expect((await store.search(sys(), { text: "karl verlopn", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["e1"]);
    expect((await store.search(sys(), { text: "ana verlop", limit: 5, offset: 0 })).map((h) => h.entityId)).toContain("e2");
    await store.purgeExpired("2026-01-01", () => noAudit);
    const pg = await import("pg");
    const c = new pg.default.Client({ connectionString: db.url, options: `-c search_path=s${n}` });
    await c.connect();
    const words = (await c.query<{ word: string }>("SELECT word FROM name_words ORDER BY word")).rows.map((r) => r.word);
    await c.end();
    expect(words).toEqual(["anna", "verloop"]);
    expect(await store.search(sys(), { text: "karl", limit: 5, offset: 0 })).toEqual([]);
  });

  it("records runs and pages quarantined rows", async () => {
    const w = await store.beginWrite(run("r1"));
    await w.writeQuarantine(Array.from({ length: 25 }, (_, i) => ({ kind: "rejected" as const, runId: "r1", dataset: "police", file: "f.csv", row: i + 2, column: "c", reason: `bad ${i}`, raw: JSON.stringify({ i }) })));
    const finished: IngestRun = { ...run("r1"), finishedAt: "2026-01-01T00:01:00.000Z", rowsRead: 25, rowsOk: 0, rowsQuarantined: 25, rowsFiltered: 0, statements: 0, entities: 0, conflicts: 0, status: "committed" };
    await w.commit(finished, { entries: [entry("ingest")], link: linkAudit });
    expect(await store.listRuns()).toEqual([finished]);
    expect(await store.listRuns("foreign")).toEqual([]);
    const page = await store.listQuarantine({ runId: "r1", limit: 10, offset: 20 });
    expect(page.map((q) => q.row)).toEqual([22, 23, 24, 25, 26]);
    expect(await store.listQuarantine({ dataset: "foreign", limit: 10 })).toEqual([]);
  });

  it("refuses a run into an unknown dataset and keeps passwords out of its location", async () => {
    await expect(store.beginWrite({ ...run("r1"), dataset: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const s = new PostgresStore({ url: "postgresql://vz:secret@db.example:5432/vz" });
    expect(s.location).not.toContain("secret");
    await s.close();
    expect(() => new PostgresStore({ url: db.url, schema: "bad; drop" })).toThrow(/schema/);
  });
});
