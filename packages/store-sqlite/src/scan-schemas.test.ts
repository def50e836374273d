import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Statement } from "@vizier/model";
import { linkAudit, type IngestRun } from "@vizier/core";
import { scopeOf, systemCtx, testDataset, testStatements } from "@vizier/core/testing";
import { SqliteStore } from "./store";

const ds = testDataset("police", "A");
const run: IngestRun = { id: "r1", dataset: "police", file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };

describe("scanStatements with a schema hint", () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "vizier-scan-"));
    store = new SqliteStore(dir);
    await store.init();
    await store.putDataset(ds);
    const sts: Statement[] = [];
    // Many persons between few payments, so a page picked by schema spans ids of other schemata.
    for (let i = 0; i < 300; i++) {
      const id = `e${String(i).padStart(4, "0")}`;
      if (i % 50 === 7) sts.push(...testStatements(ds, id, "Payment", { amount: String(i), payer: "e0001", beneficiary: "e0002" }));
      else sts.push(...testStatements(ds, id, "Person", { name: `Person ${i}` }));
    }
    const w = await store.beginWrite(run);
    await w.writeStatements(sts);
    await w.commit(run, { entries: [], link: linkAudit });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function scan(schemas?: string[]): Promise<Statement[]> {
    const out: Statement[] = [];
    for await (const b of store.scanStatements(scopeOf(systemCtx(), []), schemas ? { schemas } : {}, 16)) out.push(...b);
    return out;
  }

  it("returns the entities with a block of those schemata, whole and in entity order", async () => {
    const all = await scan();
    const payments = await scan(["Payment"]);
    const ids = [...new Set(payments.map((s) => s.entityId))];
    expect(ids).toEqual(["e0007", "e0057", "e0107", "e0157", "e0207", "e0257"]);
    expect(payments.map((s) => `${s.entityId} ${s.prop} ${s.value}`).sort())
      .toEqual(all.filter((s) => ids.includes(s.entityId)).map((s) => `${s.entityId} ${s.prop} ${s.value}`).sort());
    expect(payments.map((s) => s.entityId)).toEqual([...payments.map((s) => s.entityId)].sort());
    expect(await scan(["Vessel"])).toEqual([]);
  });
});
