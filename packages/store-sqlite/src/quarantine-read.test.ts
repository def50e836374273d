import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultModel, isVizierError } from "@vizier/model";
import { linkAudit, listQuarantine, makeCtx, systemActor, userActor, type QuarantineRow, type Services } from "@vizier/core";
import { testDataset, TEST_SHARING } from "@vizier/core/testing";
import { SqliteStore } from "./store";

// Datasets of agencies A and B; "casefile" is A's, compartmented to case OP-1.
const DATASETS = [testDataset("a1", "A"), testDataset("a2", "A"), testDataset("b1", "B"), testDataset("casefile", "A", { compartment: "case:OP-1" })];

describe("listQuarantine (core read service) on the embedded store", () => {
  let dir: string;
  let store: SqliteStore;
  let svc: Services;
  const stored: QuarantineRow[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vizier-quarantine-"));
    store = new SqliteStore(dir);
    await store.init();
    for (const ds of DATASETS) await store.putDataset(ds);
    svc = { store, model: defaultModel(), sharing: TEST_SHARING };
    for (const [k, ds] of DATASETS.entries()) {
      const run = { id: `r${k}`, dataset: ds.name, file: `${ds.name}.csv`, mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
      const w = await store.beginWrite(run);
      const rows: QuarantineRow[] = Array.from({ length: 7 + k }, (_, i) => ({
        kind: i % 3 === 0 ? "conflict" as const : "rejected" as const, runId: run.id, dataset: ds.name, file: run.file, row: i + 2, column: "c", reason: "r",
        raw: JSON.stringify({ c: `${ds.name}-${i}` }),
      }));
      await w.writeQuarantine(rows);
      await w.commit(run, { entries: [], link: linkAudit });
      stored.push(...rows);
    }
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("pages exactly the rows of datasets the actor's agency owns (compartments for case members), of the kind asked, each listing audited", async () => {
    const listed = await store.listQuarantine({ limit: 1000 });
    const order = (r: QuarantineRow) => listed.findIndex((x) => x.runId === r.runId && x.row === r.row);
    await fc.assert(fc.asyncProperty(
      fc.constantFrom("A", "B", "C"), fc.boolean(), fc.boolean(), fc.option(fc.constantFrom("a1", "b1", "casefile")),
      fc.option(fc.constantFrom("rejected" as const, "conflict" as const)), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 12 }),
      async (agency, member, system, dataset, kind, limit, offset) => {
        const actor = system ? systemActor("test", agency) : userActor("u", agency, ["admin"], member ? ["case:OP-1"] : []);
        const ctx = makeCtx(actor, "purpose:quality-check");
        const mine = (name: string) => {
          const ds = DATASETS.find((d) => d.name === name)!;
          return system || (ds.agency === agency && (ds.compartment === "" || member));
        };
        const before = (await store.stats()).auditRecords;
        if (dataset !== null && !mine(dataset)) {
          await expect(listQuarantine(ctx, svc, { dataset, limit, offset })).rejects.toSatisfy((e: unknown) => isVizierError(e, "NOT_FOUND"));
          return;
        }
        const got = await listQuarantine(ctx, svc, { limit, offset, ...(dataset !== null ? { dataset } : {}), ...(kind !== null ? { kind } : {}) });
        const expected = [...stored].sort((x, y) => order(x) - order(y))
          .filter((r) => mine(r.dataset) && (dataset === null || r.dataset === dataset) && (kind === null || r.kind === kind))
          .slice(offset, offset + limit);
        expect(got.map((r) => r.raw)).toEqual(expected.map((r) => r.raw));
        expect((await store.stats()).auditRecords).toBe(before + 1);
      },
    ), { numRuns: 60 });
  });
});
