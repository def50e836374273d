import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportEntities, exportFtm, linkAudit, makeCtx, userActor } from "@vizier/core";
import { ctxFor, scopeOf, systemCtx, testDataset, testStatements, TEST_SHARING } from "@vizier/core/testing";
import { assembleEntities, defaultModel, finishEntities, type Statement } from "@vizier/model";
import { SqliteStore } from "./store";

describe("entity parts straight from blocks", () => {
  let dir: string;
  let store: SqliteStore;
  const police = testDataset("police", "A");
  const customs = testDataset("customs", "B");
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "vizier-parts-"));
    store = new SqliteStore(dir);
    await store.init();
    for (const d of [police, customs]) await store.putDataset(d);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ingest = async (runId: string, seen: string, statements: Statement[]) => {
    const run = { id: runId, dataset: statements[0]!.dataset, file: "t.csv", mapping: "m.yml", actor: "system:test", startedAt: seen };
    const w = await store.beginWrite(run);
    await w.writeStatements(statements.map((s) => ({ ...s, runId, firstSeen: seen, lastSeen: seen })));
    await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
  };

  it("gives the entities assembleEntities makes of the readable statements, over runs, datasets and handling codes", async () => {
    await ingest("r1", "2026-01-01T00:00:00.000Z", [
      ...testStatements(police, "e1", "Person", { name: ["Jan Jansen", "J. Jansen"], birthDate: "1980" }),
      ...testStatements(police, "e3", "Person", { name: "Piet Peters" }),
    ]);
    // A later run: one value again (last seen moves), one new value, and another entity.
    await ingest("r2", "2026-03-01T00:00:00.000Z", [
      ...testStatements(police, "e1", "Person", { name: "Jan Jansen", nationality: "nl" }, { row: 5 }),
      ...testStatements(police, "e2", "LegalEntity", { name: "Jansen BV" }),
    ]);
    await ingest("r3", "2026-02-01T00:00:00.000Z", [
      ...testStatements(customs, "e1", "LegalEntity", { name: "Jan Jansen Import" }),
      ...testStatements(customs, "e2", "Company", { name: "Jansen B.V." }, { handling: "RED" }),
      ...testStatements(customs, "e3", "Person", { name: "P. Peters" }),
    ]);
    const model = defaultModel();
    const ids = ["e2", "e1", "nobody", "e1", "e3"];
    for (const agency of ["A", "B", "C"]) {
      const scope = scopeOf(ctxFor(agency), [police, customs]);
      const want = assembleEntities(model, await store.readStatements(scope, { entityIds: ids }));
      const got = finishEntities(model, await store.readEntityParts(scope, ids));
      expect(got).toEqual(want);
    }
    // The system reads everything: first and last seen across the runs.
    const all = finishEntities(model, await store.readEntityParts(scopeOf(systemCtx(), [police, customs]), ["e1", "e3"]));
    expect(all.map((e) => [e.id, e.first_seen, e.last_seen, e.datasets])).toEqual([
      ["e1", "2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", ["customs", "police"]],
      ["e3", "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", ["customs", "police"]],
    ]);
  });

  it("scans the entities scanStatements gives, batch by batch, for every scope, dataset and schema hint", async () => {
    // Enough entities for several pages (batch 16 → 2 entities a page), over runs, datasets and handling codes.
    for (let r = 0; r < 3; r++) {
      const ds = r === 1 ? customs : police;
      const statements: Statement[] = [];
      for (let i = 0; i < 12; i++) {
        if ((i + r) % 3 === 0) continue;
        statements.push(...testStatements(ds, `e${String(i).padStart(2, "0")}`, i % 4 === 0 ? "Company" : i % 4 === 1 ? "Payment" : "Person",
          i % 4 === 1 ? { amount: String(i * 10 + r) } : { name: `Name ${i} ${r}` }, { handling: (i + r) % 5 === 0 ? "RED" : "GREEN", row: i + 2 }));
      }
      await ingest(`r${r}`, `2026-0${r + 1}-01T00:00:00.000Z`, statements);
    }
    const model = defaultModel();
    for (const agency of ["A", "B", "C", null]) {
      const scope = agency ? scopeOf(ctxFor(agency), [police, customs]) : scopeOf(systemCtx(), [police, customs]);
      for (const q of [{}, { dataset: "customs" }, { schemas: ["Payment"] }, { schemas: ["Person", "Company"], dataset: "police" }]) {
        const want: unknown[] = [];
        for await (const batch of store.scanStatements(scope, q, 16)) want.push(...assembleEntities(model, batch));
        const got: unknown[] = [];
        for await (const parts of store.scanEntityParts(scope, q, 16)) got.push(...finishEntities(model, parts));
        expect(got, `${agency} ${JSON.stringify(q)}`).toEqual(want);
        if (agency === null && q.dataset === undefined) expect(want.length).toBeGreaterThan(q.schemas ? 2 : 8);
      }
    }
    // The FtM export through the parts gives exportEntities' entities, each export audited once.
    const svc = { store, model, sharing: TEST_SHARING };
    for (const agency of ["A", "B"]) {
      const ctx = makeCtx(userActor("u", agency, ["analyst"]), "purpose:test");
      for (const q of [{}, { dataset: "police" }]) {
        const before = (await store.stats()).auditRecords;
        const want: unknown[] = [];
        for await (const { entity } of exportEntities(ctx, svc, q)) want.push(entity);
        const got: unknown[] = [];
        for await (const entity of exportFtm(ctx, svc, q)) got.push(entity);
        expect(got).toEqual(want);
        expect((await store.stats()).auditRecords).toBe(before + 2);
      }
    }
  });
});
