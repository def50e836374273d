import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FieldSpec, Judgement } from "@vizier/resolution";
import { resolveGroup } from "./compute";
import { noisyRecords } from "./testing";

const FIELDS: FieldSpec[] = [{ name: "name", kind: "full_name" }, { name: "date", kind: "date" }, { name: "identifier", kind: "identifier" }];
const base = { fields: FIELDS, threshold: 0.9, band: [0.5, 0.98] as const, view: "v" };

/** Confirm-connectivity by a naive reference (union-find over confirms only). */
function confirmComponents(ids: string[], confirms: Array<[string, string]>): (x: string) => string {
  const parent = new Map(ids.map((i) => [i, i]));
  const find = (x: string): string => { let r = x; while (parent.get(r) !== r) r = parent.get(r) ?? r; return r; };
  for (const [a, b] of confirms) parent.set(find(a), find(b));
  return find;
}

describe("resolveGroup", () => {
  it("merges noisy copies and queues uncertain pairs with explanations", () => {
    const records = noisyRecords(30, 7);
    const out = resolveGroup({ ...base, records, judgements: [] });
    const truth = (id: string): string => id.split("-")[0] ?? "";
    let same = 0;
    let wrong = 0;
    const ids = records.map((r) => r.id);
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i]!; const b = ids[j]!;
      const merged = out.clusterOf.get(a) === out.clusterOf.get(b);
      if (truth(a) === truth(b) && merged) same++;
      if (truth(a) !== truth(b) && merged) wrong++;
    }
    expect(wrong).toBe(0);
    expect(same).toBeGreaterThan(0);
    for (const p of out.review) {
      expect(p.probability).toBeGreaterThanOrEqual(0.5);
      expect(p.probability).toBeLessThan(0.98);
      const e = JSON.parse(p.explanation) as { matchWeight: number; fields: unknown[] };
      expect(e.matchWeight).toBeCloseTo(p.matchWeight, 6);
    }
  });

  it("judgements always win (property, fixed seed)", () => {
    const records = noisyRecords(25, 11);
    const ids = records.map((r) => r.id);
    const arbJudgement = fc.record({
      a: fc.nat(ids.length - 1), b: fc.nat(ids.length - 1), d: fc.constantFrom("confirm" as const, "reject" as const, "unsure" as const), t: fc.nat(50),
    });
    fc.assert(
      fc.property(fc.array(arbJudgement, { maxLength: 12 }), (raw) => {
        const js: Judgement[] = raw.filter((r) => r.a !== r.b).map((r) => ({
          left: { source: "person", id: ids[r.a]! }, right: { source: "person", id: ids[r.b]! }, decision: r.d, who: "t",
          when: `2026-01-01T00:00:${String(r.t).padStart(2, "0")}.000Z`, why: "test",
        }));
        // The judgement in force per pair: the latest by time, then by position (same rule as the engine).
        const latest = new Map<string, Judgement>();
        js.forEach((j) => {
          const k = [j.left.id, j.right.id].sort().join("|");
          const cur = latest.get(k);
          if (!cur || j.when >= cur.when) latest.set(k, j);
        });
        const inForce = [...latest.values()];
        const out = resolveGroup({ ...base, records, judgements: js });
        const confirms = inForce.filter((j) => j.decision === "confirm").map((j) => [j.left.id, j.right.id] as [string, string]);
        const comp = confirmComponents(ids, confirms);
        for (const [a, b] of confirms) expect(out.clusterOf.get(a)).toBe(out.clusterOf.get(b));
        for (const j of inForce.filter((x) => x.decision === "reject")) {
          if (comp(j.left.id) === comp(j.right.id)) continue; // contradicted by a chain of confirms: reported as a conflict, confirms win
          expect(out.clusterOf.get(j.left.id)).not.toBe(out.clusterOf.get(j.right.id));
        }
        for (const p of out.review) {
          const k = [p.left, p.right].sort().join("|");
          expect(p.status).toBe(latest.has(k) ? "judged" : "open");
        }
      }),
      { seed: 20261122, numRuns: 30 },
    );
  });

  it("incremental: only changed records are compared, and previous clusters are kept", () => {
    const records = noisyRecords(30, 5);
    const full = resolveGroup({ ...base, records, judgements: [] });
    const members = new Map(records.map((r) => [r.id, { resolvedId: full.clusterOf.get(r.id) ?? "", fingerprint: full.fingerprints.get(r.id) ?? "" }]));
    const added = [...records, { source: "person", id: "p0-9", fields: records[0]!.fields }];
    const inc = resolveGroup({ ...base, records: added, judgements: [], model: full.model, previous: { members, review: full.review } });
    expect(inc.compared).toBe(1);
    for (const r of records) for (const s of records) {
      if (full.clusterOf.get(r.id) === full.clusterOf.get(s.id)) expect(inc.clusterOf.get(r.id)).toBe(inc.clusterOf.get(s.id));
    }
    expect(inc.clusterOf.get("p0-9")).toBe(inc.clusterOf.get(records[0]!.id));
  });

  it("resolves tiny groups (one or two records, one field) without estimating nonsense", () => {
    const one = resolveGroup({ ...base, fields: [{ name: "name", kind: "org_name" }], records: [{ source: "organization", id: "c1", fields: { name: ["Acme BV"] } }], judgements: [] });
    expect([...one.clusterOf.keys()]).toEqual(["c1"]);
    const two = resolveGroup({
      ...base, fields: [{ name: "name", kind: "org_name" }], judgements: [],
      records: [{ source: "organization", id: "c1", fields: { name: ["Acme BV"] } }, { source: "organization", id: "c2", fields: { name: ["Globex Ltd"] } }],
    });
    expect(two.clusterOf.get("c1")).not.toBe(two.clusterOf.get("c2"));
  });
});
