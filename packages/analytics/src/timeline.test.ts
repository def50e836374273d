/** The timeline of entities through reverse references, on both stores, within the viewer's access. */
import { describe, expect, it } from "vitest";
import type { Services } from "@vizier/core";
import { ctxFor, systemCtx } from "@vizier/core/testing";
import { timeline } from "./timeline";
import { storeCases, withSeededStore } from "./testing/stores";

for (const c of storeCases("vz_timeline")) {
  describe.skipIf(Boolean(c.skip))(`timeline: ${c.label}${c.skip ? ` (skipped: ${c.skip})` : ""}`, () => {
    const withStore = (fn: (svc: Services) => Promise<void>) => withSeededStore(c, fn);

    it("lists dated items involving the entities or their accounts, earliest first, only what the viewer may read", () => withStore(async (svc) => {
      // p2 owns acc1 (Ownership, A); payments into and out of acc1 involve p2 through the account.
      const owner = await timeline(systemCtx(), svc, ["p2"]);
      expect(owner.items.map((i) => [i.id, i.start])).toEqual([
        ["pay-a1", "2024-03-01"], ["pay-c1", "2024-03-02"], ["pay-c2", "2024-03-03"], ["pay-c3", "2024-03-04"], ["pay-c4", "2024-03-05"],
      ]);
      expect(owner.items.find((i) => i.id === "pay-c1")?.involves).toEqual(["acc1"]);
      expect(owner.items.find((i) => i.id === "pay-c4")?.involves).toEqual(["p2"]);

      // B reads A's data only: C's payments (from acc1, and p2's own) are counted, not shown.
      const viewer = await timeline(ctxFor("B"), svc, ["p2"]);
      expect(viewer.items.map((i) => i.id)).toEqual(["pay-a1"]);
      expect(viewer.hidden).toBe(5);
      // C cannot read A's Ownership, so for C the account is not p2's: only p2's own payment shows.
      expect((await timeline(ctxFor("C"), svc, ["p2"])).items.map((i) => i.id)).toEqual(["pay-c4"]);

      const window = await timeline(systemCtx(), svc, ["p2"], { since: "2024-03-02", until: "2024-03-04" });
      expect(window.items.map((i) => i.id)).toEqual(["pay-c1", "pay-c2"]);
      const capped = await timeline(systemCtx(), svc, ["p2"], { limit: 2 });
      expect([capped.items.length, capped.truncated]).toEqual([2, true]);
    }));
  });
}
