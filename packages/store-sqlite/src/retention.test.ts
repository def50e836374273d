import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultModel, isVizierError } from "@vizier/model";
import { linkAudit, makeCtx, retentionDue, runRetention, systemActor, userActor, verifyAudit, type Services } from "@vizier/core";
import { scopeOf, systemCtx, testDataset, testStatements, TEST_SHARING } from "@vizier/core/testing";
import { SqliteStore } from "./store";

describe("retention use case on the embedded store", () => {
  let dir: string;
  let store: SqliteStore;
  let svc: Services;
  const ds = testDataset("police", "A", { retention: "P1Y" });
  const at = (iso: string) => () => new Date(iso);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "vizier-retention-"));
    store = new SqliteStore(dir);
    await store.init();
    await store.putDataset(ds);
    svc = { store, model: defaultModel(), sharing: TEST_SHARING };
    const w = await store.beginWrite({ id: "r1", dataset: "police", file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" });
    await w.writeStatements([
      ...testStatements(ds, "e1", "Person", { name: "Old Record" }).map((s) => ({ ...s, retentionUntil: "2027-01-01" })),
      ...testStatements(ds, "e2", "Person", { name: "New Record" }).map((s) => ({ ...s, retentionUntil: "2030-01-01" })),
    ]);
    await w.commit({ id: "r1", dataset: "police", file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" }, { entries: [], link: linkAudit });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists what falls due within the window, and refuses analysts", async () => {
    const admin = makeCtx(userActor("ad", "A", ["admin"]), "purpose:retention", at("2026-12-15T00:00:00Z"));
    expect((await retentionDue(admin, svc, 30)).due.map((d) => d.retentionUntil)).toEqual(["2027-01-01"]);
    expect((await retentionDue(admin, svc, 5)).due).toEqual([]);
    const analyst = makeCtx(userActor("an", "A", ["analyst"]), "case:X", at("2026-12-15T00:00:00Z"));
    await expect(runRetention(analyst, svc)).rejects.toSatisfy((e: unknown) => isVizierError(e, "FORBIDDEN"));
  });

  it("removes only expired statements, tells derived data to forget removed entities, and audits it all", async () => {
    const forgotten: string[][] = [];
    const ctx = makeCtx(systemActor("retention", "A"), "purpose:retention", at("2027-03-01T00:00:00Z"));
    const res = await runRetention(ctx, svc, [{ label: "resolution", forgetEntities: async (ids) => { forgotten.push([...ids]); return ids.length; } }]);
    expect(res.removedEntityIds).toEqual(["e1"]);
    expect(res.derived).toEqual({ resolution: 1 });
    expect(forgotten).toEqual([["e1"]]);
    const all = scopeOf(systemCtx(), []);
    expect(await store.readStatements(all, { entityIds: ["e1"] })).toEqual([]);
    expect((await store.readStatements(all, { entityIds: ["e2"] })).length).toBe(2);
    const recs = [];
    for await (const b of store.scanAudit(100)) recs.push(...b);
    expect(recs.map((r) => r.action)).toEqual(["retention", "retention"]);
    expect(recs[0]!.resultIds).toEqual(["e1"]);
    expect((await verifyAudit(store.scanAudit(100))).ok).toBe(true);
  });
});
