/**
 * Issue P4/P5 "done when": a withheld edge never appears. The same two-agency store on SQLite and
 * on PostgreSQL; the viewer of agency B is denied agency C's dataset by the sharing rules.
 */
import { describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import type { AuditRecord, Services, StorePort } from "@vizier/core";
import { ctxFor } from "@vizier/core/testing";
import { aggregateFlows, detectPatterns, trace } from "@vizier/flows";
import { loadNetwork, networkGraph } from "./graph/network";
import { loadPayments } from "./flows/load-payments";
import { ONLY_C } from "./testing/scenario";
import { storeCases, withSeededStore } from "./testing/stores";

const cases = storeCases("vz_analytics");

async function lastAudit(store: StorePort): Promise<AuditRecord> {
  let last: AuditRecord | undefined;
  for await (const batch of store.scanAudit(100)) last = batch.at(-1) ?? last;
  if (!last) throw new Error("no audit record");
  return last;
}

const STRUCTURING = { patterns: ["structuring"], structuring: { minMedianRatio: 0 } };

for (const c of cases) {
  describe.skipIf(Boolean(c.skip))(`store-backed analytics respect the viewer's access: ${c.label}${c.skip ? ` (skipped: ${c.skip})` : ""}`, () => {
    const withStore = (fn: (svc: Services) => Promise<void>) => withSeededStore(c, fn);

    it("a withheld edge, and a node only the withheld dataset knows, never appear in the graph", () => withStore(async (svc) => {
      const viewer = await loadNetwork(ctxFor("B"), svc);
      const owner = await loadNetwork(ctxFor("C"), svc);
      const nodeIds = (n: typeof viewer) => n.nodes.map((x) => x.id);
      const evidence = (n: typeof viewer) => n.edges.flatMap((e) => e.evidence);
      const types = (n: typeof viewer) => new Set(n.edges.map((e) => e.type));

      // the owner sees C's Associate edge to p9, the Family tie, the shared address and the payments
      expect(nodeIds(owner)).toContain(ONLY_C.person);
      expect(evidence(owner)).toEqual(expect.arrayContaining([ONLY_C.associate, ONLY_C.family, ...ONLY_C.payments]));
      expect(types(owner)).toContain("SharedAddress");

      // the B viewer sees A's data and nothing of C's
      expect(nodeIds(viewer)).toEqual(expect.arrayContaining(["p1", "p2", "c1", "acc1"]));
      expect(nodeIds(viewer)).not.toContain(ONLY_C.person);
      for (const id of [ONLY_C.associate, ONLY_C.family, ...ONLY_C.payments]) expect(evidence(viewer)).not.toContain(id);
      expect(types(viewer)).not.toContain("Associate");
      expect(types(viewer)).not.toContain("Family");
      expect(types(viewer)).not.toContain("SharedAddress");
      expect(types(viewer)).toContain("Directorship");
      expect(viewer.nodes.find((n) => n.id === "p1")).toEqual({ id: "p1", schema: "Person", label: "Anna Alfa" });
      const g = networkGraph(viewer);
      expect(g.ids).not.toContain(ONLY_C.person);

      // the load is audited with the entity ids it returned, and only those
      const rec = await lastAudit(svc.store);
      expect(rec.action).toBe("graph.load");
      expect(rec.actor).toBe("user-C");
      const vrec = [] as AuditRecord[];
      for await (const b of svc.store.scanAudit(100)) vrec.push(...b.filter((r) => r.actor === "user-B"));
      expect(vrec).toHaveLength(1);
      expect(vrec[0]!.resultIds).toEqual(expect.arrayContaining(["p1", "c1", "dir-a"]));
      expect(vrec[0]!.resultIds).not.toContain(ONLY_C.person);
      expect(vrec[0]!.purpose).toBe("case:TEST-1");
    }));

    it("a withheld payment never appears in trace, aggregate or alerts", () => withStore(async (svc) => {
      const viewer = await loadPayments(ctxFor("B"), svc);
      const owner = await loadPayments(ctxFor("C"), svc);
      expect(owner.table.ids).toEqual(expect.arrayContaining(ONLY_C.payments));
      expect(viewer.table.ids).toEqual(["pay-a1"]);
      // by holder: A's payment goes to the account's holder p2 (Ownership in A's data)
      expect(viewer.table.accounts).toEqual(["c1", "p2"]);
      expect(viewer.labels.get("p2")).toBe("Bart Bravo");

      const ownerAlerts = detectPatterns(owner.table, STRUCTURING).alerts;
      expect(ownerAlerts.length).toBeGreaterThan(0);
      const viewerAlerts = detectPatterns(viewer.table, STRUCTURING).alerts;
      const alertTx = viewerAlerts.flatMap((a) => [...a.txs].map((i) => viewer.table.ids![i]));
      for (const id of ONLY_C.payments) expect(alertTx).not.toContain(id);

      const links = aggregateFlows(viewer.table, { period: "all" });
      expect(links.map((l) => [l.source, l.target, l.amount])).toEqual([["c1", "p2", 12000]]);

      const p2 = viewer.table.accounts.indexOf("p2");
      const fwd = trace(viewer.table, { start: [p2], direction: "forward", maxHops: 5 });
      expect(fwd.steps).toEqual([]);
      const ownerP2 = owner.table.accounts.indexOf("acc1");
      expect(trace(owner.table, { start: [ownerP2], direction: "forward", maxHops: 5 }).steps.length).toBeGreaterThan(0);

      // USD converted to EUR at the built-in rate, only for the owner who may read it
      const usd = owner.table.ids!.indexOf("pay-c4");
      expect(owner.table.amount[usd]).toBeCloseTo(5000 / 1.0824, 9);
    }));

    it("fails the load when the audit cannot be written", () => withStore(async (svc) => {
      const broken: StorePort = Object.create(svc.store, { appendAudit: { value: () => Promise.reject(new Error("disk full")) } }) as StorePort;
      await expect(loadNetwork(ctxFor("B"), { ...svc, store: broken })).rejects.toSatisfy((e: unknown) => isVizierError(e, "AUDIT_FAILED"));
      await expect(loadPayments(ctxFor("B"), { ...svc, store: broken })).rejects.toSatisfy((e: unknown) => isVizierError(e, "AUDIT_FAILED"));
    }));
  });
}
