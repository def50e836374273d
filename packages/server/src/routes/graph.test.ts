import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E, makeFixture, type Fixture } from "../test/fixture";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });

interface Hood { network: { nodes: Array<{ id: string }>; edges: Array<{ type: string; source: string; target: string; evidence: string[] }> }; hidden: number; truncated: boolean }

describe("graph expansion", () => {
  it("shows readable relationships and counts the hidden ones", async () => {
    const before = (await f.svc.store.stats()).auditRecords;
    const r = await f.req("ann", `/api/graph/expand?ids=${E.jan}`);
    expect(r.status).toBe(200);
    const text = await r.text();
    const n = JSON.parse(text) as Hood;
    expect(n.network.edges.some((e) => e.type === "Ownership" && e.evidence.includes(E.owns))).toBe(true);
    expect(n.hidden).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(E.hiddenLink);
    expect(text).not.toContain(E.secret);
    expect((await f.svc.store.stats()).auditRecords).toBe(before + 1);
    // A member of the case sees the compartment's link.
    const ivo = await (await f.req("ivo", `/api/graph/expand?ids=${E.jan}`)).json() as Hood;
    expect(ivo.network.edges.some((e) => e.evidence.includes(E.hiddenLink))).toBe(true);
    expect(ivo.hidden).toBe(0);
  });

  it("limits the expansion and filters edge types", async () => {
    const one = await (await f.req("ann", `/api/graph/expand?ids=${E.jan}&limit=1`)).json() as Hood;
    expect(one.truncated).toBe(true);
    const pay = await (await f.req("ann", `/api/graph/expand?ids=${E.jan}&types=Payment`)).json() as Hood;
    expect(pay.network.edges.every((e) => e.type === "Payment")).toBe(true);
    for (const q of ["ids=", "ids=a&limit=1001", "ids=a&types=Nope", "ids=a&since=yesterday", `ids=${Array.from({ length: 21 }, (_, i) => `e${i}`).join(",")}`]) {
      expect((await f.req("ann", `/api/graph/expand?${q}`)).status, q).toBe(400);
    }
  });
});

describe("timeline", () => {
  it("lists dated events involving the entities, within scope", async () => {
    const t = await (await f.req("ann", `/api/timeline?ids=${E.jan}`)).json() as { items: Array<{ id: string; start: string }>; hidden: number };
    expect(t.items.map((i) => i.id)).toContain(E.pay);
    expect((await (await f.req("cat", `/api/timeline?ids=${E.jan}`)).json() as { items: unknown[] }).items).toEqual([]);
    expect((await f.req("ann", `/api/timeline?ids=${E.jan}&until=2026-02-01`)).status).toBe(200);
    expect(((await (await f.req("ann", `/api/timeline?ids=${E.jan}&until=2026-02-01`)).json()) as { items: Array<{ id: string }> }).items.map((i) => i.id)).not.toContain(E.pay);
  });
});
