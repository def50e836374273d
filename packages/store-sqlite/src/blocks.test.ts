import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Statement } from "@vizier/model";
import { linkAudit, type IngestRun } from "@vizier/core";
import { scopeOf, systemCtx, testDataset, testStatements } from "@vizier/core/testing";
import { SqliteStore } from "./store";

const ds = testDataset("police", "A");
const run = (id: string): IngestRun => ({ id, dataset: "police", file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" });
const at = (sts: Statement[], runId: string, seen: string) => sts.map((s) => ({ ...s, runId, lastSeen: seen, firstSeen: seen }));

describe("sqlite block layout", () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "vizier-blocks-"));
    store = new SqliteStore(dir);
    await store.init();
    await store.putDataset(ds);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function ingest(runId: string, sts: Statement[], batches = 1): Promise<void> {
    const w = await store.beginWrite(run(runId));
    const step = Math.ceil(sts.length / batches);
    for (let i = 0; i < sts.length; i += step) await w.writeStatements(sts.slice(i, i + step));
    await w.commit(run(runId), { entries: [], link: linkAudit });
  }
  const read = () => store.readStatements(scopeOf(systemCtx(), []), { entityIds: ["e1"] });

  it("merges blocks when content changes: first seen from the earliest block, last seen from the latest", async () => {
    await ingest("r1", at(testStatements(ds, "e1", "Person", { name: "Jan Jansen" }), "r1", "2026-01-01T00:00:00.000Z"));
    await ingest("r2", at(testStatements(ds, "e1", "Person", { name: ["Jan Jansen", "Piet Pieters"] }), "r2", "2026-02-01T00:00:00.000Z"));
    const byValue = new Map((await read()).map((s) => [s.value, s]));
    expect([...byValue.keys()].sort()).toEqual(["Jan Jansen", "Piet Pieters", "e1"]);
    expect(byValue.get("Jan Jansen")).toMatchObject({ firstSeen: "2026-01-01T00:00:00.000Z", lastSeen: "2026-02-01T00:00:00.000Z", runId: "r2" });
    expect(byValue.get("Piet Pieters")).toMatchObject({ firstSeen: "2026-02-01T00:00:00.000Z", lastSeen: "2026-02-01T00:00:00.000Z" });
    expect((await store.stats()).statements).toBe(3);
    expect((await store.search(scopeOf(systemCtx(), []), { text: "piet", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["e1"]);
  });

  it("is idempotent whatever the batch boundaries, and keeps repeated rows of one run as one", async () => {
    const sts = testStatements(ds, "e1", "Person", { name: ["A B", "C D"], idNumber: "X-1" });
    await ingest("r1", at([...sts, ...sts], "r1", "2026-01-01T00:00:00.000Z"), 3);
    await ingest("r2", at([...sts, ...sts], "r2", "2026-03-01T00:00:00.000Z"), 3);
    const got = await read();
    expect(got).toHaveLength(4);
    expect(got.every((s) => s.firstSeen === "2026-01-01T00:00:00.000Z" && s.lastSeen === "2026-03-01T00:00:00.000Z")).toBe(true);
    expect((await store.stats()).statements).toBe(4);
    expect((await store.search(scopeOf(systemCtx(), []), { text: "x1", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["e1"]);
  });

  it("returns statement ids, originals and origins as written", async () => {
    const sts = testStatements(ds, "e1", "Person", { name: "José" }).map((s) => (s.prop === "name" ? { ...s, original: " JOSÉ " } : s));
    await ingest("r1", sts);
    const got = await read();
    const name = got.find((s) => s.prop === "name")!;
    const src = sts.find((s) => s.prop === "name")!;
    expect(name).toEqual(src);
    expect(name.id).toBe(src.id);
    expect(name.original).toBe(" JOSÉ ");
  });

  it("keeps an open run invisible and leaves nothing behind when the writer fails", async () => {
    const w = await store.beginWrite(run("r1"));
    await w.writeStatements(testStatements(ds, "e1", "Person", { name: "Jan" }));
    expect((await store.stats()).statements).toBe(0);
    await w.abort();
    await ingest("r2", testStatements(ds, "e2", "Person", { name: "Kees" }));
    const s = await store.stats();
    expect([s.statements, s.entities, s.runs]).toEqual([2, 1, 1]);
  });
});

describe("sqlite staging: an open run holds no lock on the store", () => {
  it("lets other connections write (audit appends, another run) while a run is staged, and keeps both", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vizier-stage-"));
    const a = new SqliteStore(dir);
    await a.init();
    await a.putDataset(ds);
    const b = new SqliteStore(dir);
    await b.init();
    try {
      const w = await a.beginWrite(run("r1"));
      await w.writeStatements(testStatements(ds, "e1", "Person", { name: "Jan Staged" }));
      // While r1 is open, another process's audit append and a whole second run go through at once.
      const t0 = performance.now();
      await b.appendAudit([{ at: "2026-01-01T00:00:00.000Z", actor: "x", agency: "A", purpose: "case:T", action: "search", query: "jan", resultIds: [], recipients: [] }], linkAudit);
      const w2 = await b.beginWrite(run("r2"));
      await w2.writeStatements(testStatements(ds, "e2", "Person", { name: "Piet Parallel" }));
      await w2.commit(run("r2"), { entries: [], link: linkAudit });
      expect(performance.now() - t0).toBeLessThan(2000);
      expect((await a.stats()).entities).toBe(1);
      await w.commit(run("r1"), { entries: [], link: linkAudit });
      const s = await b.stats();
      expect([s.entities, s.statements, s.runs, s.auditRecords]).toEqual([2, 4, 2, 1]);
      const all = scopeOf(systemCtx(), []);
      expect((await b.search(all, { text: "staged", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["e1"]);
      expect((await b.search(all, { text: "parallel", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["e2"]);
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
