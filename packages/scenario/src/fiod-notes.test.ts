import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAccess, makeCtx, requestAccess, searchEntities, userActor, viewEntities, type Services } from "@vizier/core";
import { generateScenario } from "./generate";
import { ingestScenario, type Ingested } from "./test-ingest";
import { readTruth } from "./test-read";

// The demo's datasets (manifest.yml) through the real pipeline into a real SQLite store, read as the
// demo's users under config/sharing-rules.yml: FIOD's notes sit on the KvK register's entity of the
// importer, so its profile announces what FIOD holds to those who may not read it.
const out = mkdtempSync(join(tmpdir(), "vizier-scenario-fiod-notes-"));
generateScenario({ seed: 2026, scale: 0.05, out });
let ing: Ingested;
let svc: Services;
beforeAll(async () => {
  ing = await ingestScenario(out);
  svc = { ...ing.svc, access: ing.store.accessRequests };
}, 120_000);
afterAll(async () => { await ing?.cleanup(); rmSync(out, { recursive: true, force: true }); });

const CASE = "case:NL-2026-0042";
const customs = makeCtx(userActor("analist.douane", "DOUANE", ["analyst"]), "purpose:demo");
const fiu = makeCtx(userActor("analist.fiu", "FIU", ["analyst"]), "purpose:demo");
const police = makeCtx(userActor("analist.politie", "POLITIE", ["analyst"], [CASE]), CASE);
const fiodOfficer = makeCtx(userActor("privacy.fiod", "FIOD", ["privacy_officer"]), "purpose:demo");

/** The importer as the public register has it, found by name as the given viewer. */
async function kvkImporter(ctx: typeof customs): Promise<string> {
  const hits = await searchEntities(ctx, svc, { text: "Verdi Fresh", limit: 50 });
  const kvk = hits.filter((h) => h.entity.datasets?.includes("kvk"));
  expect(kvk).toHaveLength(1);
  return kvk[0]!.entity.id;
}

const view = async (ctx: typeof customs, id: string) => {
  const [v] = await viewEntities(ctx, svc, [id]);
  if (!v) throw new Error(`no view of ${id}`);
  // FIOD's values; the pseudo-property "id" (the entity exists in the dataset) is not counted as withheld either.
  return { ...v, notes: v.statements.filter((s) => s.dataset === "fiod-notities" && s.prop !== "id") };
};

describe("FIOD's notes on the importer (dataset fiod-notities, H2)", () => {
  it("are on the KvK register's entity of the importer, and so are the truth's", async () => {
    const id = await kvkImporter(customs);
    const truth = readTruth(out, "identities.csv").filter((r) => r["file"] === "fiod/notities.ftm.json" && r["entity"] === "X-IMPORTER");
    expect(truth.map((r) => r["record"])).toEqual([id]);
  });

  it("are withheld from Customs and the FIU without a case: counted per agency and handling code, no content", async () => {
    const id = await kvkImporter(customs);
    for (const ctx of [customs, fiu]) {
      const v = await view(ctx, id);
      expect(v.entity.properties["name"]).toContain("Verdi Fresh Import B.V.");
      expect(v.notes, ctx.actor.id).toEqual([]);
      expect(v.withheld.map((w) => [w.agency, w.dataset, w.handling, w.count]), ctx.actor.id).toEqual([["FIOD", "fiod-notities", "H2", 5]]);
      expect(JSON.stringify(v), ctx.actor.id).not.toContain("El Amrani");
    }
  });

  it("are readable by FIOD itself and by the police analyst with the case purpose", async () => {
    const id = await kvkImporter(police);
    for (const ctx of [fiodOfficer, police]) {
      const v = await view(ctx, id);
      expect(v.withheld, ctx.actor.id).toEqual([]);
      expect(v.notes.map((s) => s.prop).sort(), ctx.actor.id).toEqual(["name", "notes", "notes", "taxNumber", "taxStatus"]);
      expect(v.notes.find((s) => s.prop === "notes" && s.value.startsWith("Aandeelhouder M. El Amrani (100%)")), ctx.actor.id).toBeDefined();
      expect(v.notes.every((s) => s.agency === "FIOD" && s.handling === "H2"), ctx.actor.id).toBe(true);
    }
  });

  it("open up to Customs once FIOD's privacy officer approves its access request", async () => {
    const id = await kvkImporter(customs);
    const r = await requestAccess(customs, svc, { entityIds: [id], dataset: "fiod-notities", justification: "Consignee of the seized container; need the shareholder" });
    expect(r.owner).toBe("FIOD");
    expect((await view(customs, id)).notes).toEqual([]);
    await decideAccess(fiodOfficer, svc, r.id, { approve: true, reason: "Case cooperation agreed with Customs" });
    const v = await view(customs, id);
    expect(v.withheld).toEqual([]);
    expect(v.notes).toHaveLength(5);
    // The grant is for this entity: FIOD's notes on the car-rental front stay withheld.
    const rental = readTruth(out, "identities.csv").find((t) => t["file"] === "fiod/notities.ftm.json" && t["entity"] === "X-CARRENTAL")!;
    expect((await view(customs, rental["record"]!)).withheld.map((w) => [w.dataset, w.count])).toEqual([["fiod-notities", 4]]);
  });
});
