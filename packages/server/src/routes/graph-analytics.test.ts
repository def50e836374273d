import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E, makeFixture, type Fixture } from "../test/fixture";
import { GRAPH_METRICS } from "./graph-compute";

let f: Fixture;
let small: Fixture;
let tight: Fixture;
beforeAll(async () => {
  f = await makeFixture();
  small = await makeFixture({ limits: { maxGraphNodes: 2 } });
  tight = await makeFixture({ limits: { maxDisruptionWork: 20 } });
});
afterAll(async () => { await f.close(); await small.close(); await tight.close(); });

interface Ranking { metric: string; nodes: number; edges: number; items: Array<{ id: string; caption: string; schema: string; score: number }> }
interface AuditPage { items: Array<{ action: string; query: string; resultIds: string[]; actor: string }> }

const SECRET = [E.secret, E.hiddenLink, "Geheim Persoon", "Hidden Alias"];

async function lastGraphAudit(actor: string): Promise<AuditPage["items"][number] | undefined> {
  const page = await (await f.req("pia", `/api/audit?action=graph&actor=${actor}&limit=200`)).json() as AuditPage;
  return page.items.filter((i) => i.action === "graph" && i.actor === actor)[0];
}

describe("GET /api/graph/metrics", () => {
  it("ranks the readable network around seeds, audited with what was read", async () => {
    const before = (await f.svc.store.stats()).auditRecords;
    const r = await f.req("ann", `/api/graph/metrics?ids=${E.jan}&metric=degree&top=5`);
    const text = await r.text();
    expect(r.status, text).toBe(200);
    const body = JSON.parse(text) as Ranking;
    expect(body.items[0]).toMatchObject({ id: E.jan, caption: "Jan Jansen", schema: "Person", score: 2 });
    expect(body.items.map((i) => i.id).sort()).toEqual([E.bee, E.jan, E.mixed].sort());
    for (const s of SECRET) expect(text).not.toContain(s);
    expect((await f.svc.store.stats()).auditRecords).toBe(before + 1);
    const a = await lastGraphAudit("ann");
    expect(a?.query).toContain("metrics degree");
    expect(a?.resultIds).toEqual(expect.arrayContaining([E.jan, E.bee, E.mixed, E.owns, E.pay]));
    expect(a?.resultIds).not.toContain(E.secret);
  });

  it("gives a member of the case the compartment's link", async () => {
    const body = await (await f.req("ivo", `/api/graph/metrics?ids=${E.jan}&metric=degree`)).json() as Ranking;
    expect(body.items[0]).toMatchObject({ id: E.jan, score: 3 });
    expect(body.items.map((i) => i.id)).toContain(E.secret);
  });

  it("computes every metric on the whole readable network", async () => {
    for (const metric of GRAPH_METRICS) {
      const r = await f.req("ann", `/api/graph/metrics?metric=${metric}`);
      const text = await r.text();
      expect(r.status, `${metric}: ${text}`).toBe(200);
      const body = JSON.parse(text) as Ranking;
      expect(body.nodes, metric).toBe(3);
      for (const i of body.items) expect(Number.isFinite(i.score), metric).toBe(true);
      for (const s of SECRET) expect(text, metric).not.toContain(s);
    }
    const pr = await (await f.req("ann", "/api/graph/metrics?metric=pagerank")).json() as Ranking;
    expect(pr.items[0]!.id).toBe(E.jan); // the hub of the path bee – jan – mixed
  });

  it("restricts to one dataset", async () => {
    const body = await (await f.req("ann", "/api/graph/metrics?dataset=police")).json() as Ranking;
    expect(body.items.map((i) => i.id)).toContain(E.jan);
    const none = await (await f.req("ann", "/api/graph/metrics?dataset=secret")).json() as Ranking;
    expect(none.items).toEqual([]);
  });

  it("refuses graphs above the limit and bad input with 400", async () => {
    const big = await small.req("ann", "/api/graph/metrics");
    expect(big.status).toBe(400);
    expect(await big.text()).toContain("/api/jobs/analytics");
    for (const q of ["metric=nope", `ids=${E.jan}&dataset=police`, `ids=${E.jan}&hops=9`, "top=0", "ids=", "dataset=../x"]) {
      expect((await f.req("ann", `/api/graph/metrics?${q}`)).status, q).toBe(400);
    }
  });
});

describe("GET /api/graph/communities", () => {
  it("returns membership of every node and the modularity", async () => {
    for (const algorithm of ["louvain", "leiden"]) {
      const r = await f.req("ann", `/api/graph/communities?algorithm=${algorithm}`);
      expect(r.status).toBe(200);
      const body = await r.json() as { algorithm: string; count: number; modularity: number; membership: Array<{ id: string; community: number }> };
      expect(body.algorithm).toBe(algorithm);
      expect(body.membership.map((m) => m.id).sort()).toEqual([E.bee, E.jan, E.mixed].sort());
      expect(body.count).toBe(new Set(body.membership.map((m) => m.community)).size);
      expect(Number.isFinite(body.modularity)).toBe(true);
    }
    expect((await f.req("ann", "/api/graph/communities?algorithm=girvan")).status).toBe(400);
  });
});

describe("GET /api/graph/paths", () => {
  interface Paths { paths: Array<{ length: number; nodes: Array<{ id: string }>; edges: Array<{ type: string; evidence: string[] }> }> }
  it("finds the path with the edges along it", async () => {
    const r = await f.req("ann", `/api/graph/paths?from=${E.bee}&to=${E.mixed}&k=3`);
    expect(r.status).toBe(200);
    const body = await r.json() as Paths;
    expect(body.paths).toHaveLength(1);
    expect(body.paths[0]!.nodes.map((n) => n.id)).toEqual([E.bee, E.jan, E.mixed]);
    expect(body.paths[0]!.edges.map((e) => e.type).sort()).toEqual(["Ownership", "Payment"]);
    expect((await (await f.req("ann", `/api/graph/paths?from=${E.bee}&to=${E.mixed}&maxLength=1`)).json() as Paths).paths).toEqual([]);
  });

  it("never goes through what the actor may not read", async () => {
    const ann = await f.req("ann", `/api/graph/paths?from=${E.secret}&to=${E.bee}`);
    expect(ann.status).toBe(404);
    const text = await ann.text();
    for (const s of ["Geheim Persoon", E.hiddenLink]) expect(text).not.toContain(s);
    const ivo = await (await f.req("ivo", `/api/graph/paths?from=${E.secret}&to=${E.bee}`)).json() as Paths;
    expect(ivo.paths[0]!.nodes.map((n) => n.id)).toEqual([E.secret, E.jan, E.bee]);
    expect(ivo.paths[0]!.edges.flatMap((e) => e.evidence)).toContain(E.hiddenLink);
  });
});

describe("POST /api/graph/disruption", () => {
  const post = (u: "ann" | "ivo", body: unknown) => f.req(u, "/api/graph/disruption", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  it("removes the hub first and reports the largest component per step", async () => {
    const r = await post("ann", { strategy: "degree", steps: 1 });
    const text = await r.text();
    expect(r.status, text).toBe(200);
    const body = JSON.parse(text) as { nodes: number; steps: Array<{ removed: number; nodes: Array<{ id: string }>; lccSize: number }> };
    expect(body.nodes).toBe(3);
    expect(body.steps[0]).toMatchObject({ removed: 0, lccSize: 3 });
    expect(body.steps[1]).toMatchObject({ removed: 1, lccSize: 1 });
    expect(body.steps[1]!.nodes.map((n) => n.id)).toEqual([E.jan]);
  });

  it("takes a removal list and validates the body", async () => {
    const r = await post("ann", { strategy: "list", list: [E.bee, E.secret], steps: 2 });
    expect(r.status).toBe(200);
    expect(await r.text()).not.toContain(E.secret);
    expect((await post("ann", { strategy: "list" })).status).toBe(400);
    expect((await post("ann", { strategy: "nope" })).status).toBe(422);
    expect((await post("ann", { strategy: "degree", steps: 10_000 })).status).toBe(422);
  });

  it("refuses a run above the work budget", async () => {
    // Jan's network: 3 nodes, 2 edges. Two betweenness steps cost 2·(3·3 + 5) = 28 > 20; two degree steps 2·5 = 10.
    const go = (strategy: string) => tight.req("ann", "/api/graph/disruption", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ids: [E.jan], strategy, steps: 2 }) });
    const costly = await go("betweenness");
    expect(costly.status).toBe(400);
    expect(await costly.text()).toContain("too costly");
    expect((await go("degree")).status).toBe(200);
  });
});
