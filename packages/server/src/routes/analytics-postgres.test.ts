import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountsPort } from "@vizier/core";
import { createTestDatabase, pgServer } from "../../../store-postgres/src/test-db";
import { E, makeFixture, type Fixture } from "../test/fixture";

// The graph, flows, admin and job routes over the PostgreSQL store (its own reverse-reference,
// statement scan and account SQL) and its job table.
const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;
let f: Fixture;

describe.skipIf(!server.url)(`analytics, admin and jobs on PostgreSQL${server.url ? "" : ` (skipped: ${server.reason})`}`, () => {
  beforeAll(async () => {
    db = await createTestDatabase(server.url!, "vz_routes");
    f = await makeFixture({ postgres: db.url });
  });
  afterAll(async () => {
    await f?.close();
    await db?.drop();
  });

  it("ranks, finds paths and traces within the scope", async () => {
    const m = await (await f.req("ann", `/api/graph/metrics?ids=${E.jan}&hops=2`)).json() as { items: Array<{ id: string; score: number }> };
    expect(m.items[0]).toMatchObject({ id: E.jan, score: 2 });
    expect(m.items.map((i) => i.id)).not.toContain(E.secret);
    const ivo = await (await f.req("ivo", `/api/graph/paths?from=${E.secret}&to=${E.bee}`)).json() as { paths: Array<{ nodes: Array<{ id: string }> }> };
    expect(ivo.paths[0]!.nodes.map((n) => n.id)).toEqual([E.secret, E.jan, E.bee]);
    expect((await f.req("ann", `/api/graph/paths?from=${E.secret}&to=${E.bee}`)).status).toBe(404);
    const all = await (await f.req("ann", "/api/graph/communities?dataset=police")).json() as { membership: Array<{ id: string }> };
    expect(all.membership.map((x) => x.id)).toContain(E.jan);
    const t = await (await f.req("ann", `/api/flows/trace?entity=${E.jan}`)).json() as { total: number };
    expect(t.total).toBe(100);
  });

  it("adds a user in the PostgreSQL accounts and runs jobs from its job table", async () => {
    const r = await f.req("ada", "/api/admin/users", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "pguser", roles: ["analyst"] }) });
    expect(r.status).toBe(201);
    expect(await (f.svc.store as unknown as { accounts: AccountsPort }).accounts.getUser("pguser")).toMatchObject({ agency: "A" });
    const post = (path: string, body: unknown) => f.req("ann", path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const a = await (await post("/api/jobs/analytics", { task: "metric", metric: "degree" })).json() as { id: string };
    const res = await (await post("/api/jobs/resolve", {})).json() as { id: string };
    await f.runner.idle();
    expect(await f.jobs.getJob(a.id)).toMatchObject({ kind: "analytics", status: "succeeded" });
    expect(await f.jobs.getJob(res.id)).toMatchObject({ kind: "resolve", status: "succeeded" });
  });
});
