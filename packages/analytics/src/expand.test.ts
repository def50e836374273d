/** Neighbourhood expansion through the reverse-reference index, on both stores, within the viewer's access. */
import { describe, expect, it } from "vitest";
import type { Services } from "@vizier/core";
import { ctxFor } from "@vizier/core/testing";
import { expandNeighbourhood } from "./expand";
import { ONLY_C } from "./testing/scenario";
import { storeCases, withSeededStore } from "./testing/stores";

for (const c of storeCases("vz_expand")) {
  describe.skipIf(Boolean(c.skip))(`neighbourhood expansion: ${c.label}${c.skip ? ` (skipped: ${c.skip})` : ""}`, () => {
    const withStore = (fn: (svc: Services) => Promise<void>) => withSeededStore(c, fn);

    it("returns the relationships around a seed that the viewer may read, and counts the others", () => withStore(async (svc) => {
      const owner = await expandNeighbourhood(ctxFor("C"), svc, ["p1"]);
      const ownerEvidence = owner.network.edges.flatMap((e) => e.evidence);
      expect(ownerEvidence).toEqual(expect.arrayContaining([ONLY_C.associate, ONLY_C.family]));
      expect(owner.network.nodes.map((n) => n.id)).toContain(ONLY_C.person);

      const viewer = await expandNeighbourhood(ctxFor("B"), svc, ["p1"]);
      const nodes = viewer.network.nodes.map((n) => n.id).sort();
      expect(nodes).toEqual(["c1", "p1"]);
      expect(viewer.network.edges.map((e) => [e.type, e.source, e.target, e.evidence])).toEqual([["Directorship", "p1", "c1", ["dir-a"]]]);
      // C's Associate, Family and the USD payment to p1 point at p1: counted, never shown.
      expect(viewer.hidden).toBe(3);
      expect(viewer.truncated).toBe(false);
    }));

    it("stops at the limit and says so", () => withStore(async (svc) => {
      const r = await expandNeighbourhood(ctxFor("C"), svc, ["p1"], { limit: 1 });
      expect(r.truncated).toBe(true);
      expect(r.network.edges.length).toBeLessThanOrEqual(2);
    }));
  });
}
