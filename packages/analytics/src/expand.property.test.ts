/**
 * Issue P2's property, through graph expansion: for random agencies, sharing rules, handling codes,
 * compartments, datasets and actors, the neighbourhood of an entity shows exactly the
 * relationships whose statements the naive policy reference allows, and counts the others.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultModel, type Statement } from "@vizier/model";
import { linkAudit, makeCtx, type Services } from "@vizier/core";
import { testStatements } from "@vizier/core/testing";
import { actorArb, datasetsArb, holdingsArb, NOW, PURPOSES, sharingArb } from "../../core/src/policy/arbitraries";
import { referenceAllows } from "../../core/src/policy/reference";
import { expandNeighbourhood } from "./expand";
import { storeCases } from "./testing/stores";

const HUB = "hub";
const worldArb = fc.record({ sharing: sharingArb, datasets: datasetsArb, actor: actorArb, purpose: fc.constantFrom(...PURPOSES) })
  .chain((w) => holdingsArb(w.datasets).map((holdings) => ({ ...w, holdings })));

for (const c of storeCases("vz_expand_prop")) {
  describe.skipIf(Boolean(c.skip))(`graph expansion against the naive policy reference: ${c.label}${c.skip ? ` (skipped: ${c.skip})` : ""}`, () => {
    it("shows exactly the relationships the reference allows and counts exactly the ones it denies", async () => {
      await fc.assert(fc.asyncProperty(worldArb, async (w) => {
        const store = await c.make();
        try {
          // Each holding becomes an Associate relationship between the hub and its entity, in the
          // holding's dataset and handling code; the hub itself is a public-looking entity everyone holds.
          const statements: Statement[] = [];
          const rels: Statement[][] = [];
          for (const h of w.holdings) {
            const ds = w.datasets.find((d) => d.name === h.dataset)!;
            const rel = testStatements(ds, `rel-${h.entityId}-${h.dataset}`, "Associate", { person: HUB, associate: h.entityId }, { handling: h.handling, runId: "r1" });
            rels.push(rel);
            statements.push(...rel);
          }
          for (const d of w.datasets) await store.putDataset(d);
          const run = { id: "r1", dataset: w.datasets[0]!.name, file: "t.csv", mapping: "m.yml", actor: "system:test", startedAt: NOW.toISOString() };
          const writer = await store.beginWrite(run);
          await writer.writeStatements(statements);
          await writer.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });

          const svc: Services = { store, model: defaultModel(), sharing: w.sharing };
          const got = await expandNeighbourhood(makeCtx(w.actor, w.purpose, () => NOW), svc, [HUB]);
          const allowed = rels.filter((rel) => referenceAllows(w.sharing, w.datasets, [], w.actor, w.purpose, NOW, rel[0]!));
          expect(got.network.edges.flatMap((e) => e.evidence).sort()).toEqual(allowed.map((r) => r[0]!.entityId).sort());
          expect(got.hidden).toBe(rels.length - allowed.length);
        } finally {
          await store.close();
        }
      }), { seed: 20261124, numRuns: c.label === "sqlite" ? 60 : 15 });
    }, 120_000);
  });
}
