import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, pgServer } from "../../store-postgres/src/test-db";
import { E, makeFixture, MAPPING, type Fixture } from "./test/fixture";

// The same API over the PostgreSQL store and its job table: reads through the decision point,
// a compartment guess, an ingest job, an access grant, the audit query.
const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;
let f: Fixture;

describe.skipIf(!server.url)(`API on PostgreSQL${server.url ? "" : ` (skipped: ${server.reason})`}`, () => {
  beforeAll(async () => {
    db = await createTestDatabase(server.url!, "vz_server");
    f = await makeFixture({ postgres: db.url });
  });
  afterAll(async () => {
    await f?.close();
    await db?.drop();
  });

  it("searches and views within the scope; a compartment guess gets nothing", async () => {
    const page = await (await f.req("ann", "/api/search?q=jansen")).json() as { items: Array<{ entity: { id: string } }> };
    expect(page.items.map((i) => i.entity.id)).toEqual([E.jan]);
    const secret = await f.req("ann", `/api/entities/${E.secret}`);
    expect(secret.status).toBe(404);
    expect(await secret.text()).not.toMatch(/Geheim|SECRET-ID-42/);
    const mixed = await (await f.req("ann", `/api/entities/${E.mixed}`)).json() as { withheld: Array<{ count: number }> };
    expect(mixed.withheld.reduce((n, w) => n + w.count, 0)).toBeGreaterThan(0);
    expect((await f.req("ivo", `/api/entities/${E.secret}`)).status).toBe(200);
  });

  it("runs an uploaded ingest as a job in the PostgreSQL job table", async () => {
    const form = new FormData();
    form.set("file", new File(["id,name\n1,Paula Postgres\n"], "pg.csv"));
    form.set("mapping", MAPPING);
    form.set("dataset", "police");
    const r = await f.req("ann", "/api/jobs", { method: "POST", body: form });
    expect(r.status).toBe(202);
    const { id } = await r.json() as { id: string };
    await f.runner.idle();
    expect((await (await f.req("ann", `/api/jobs/${id}`)).json() as { status: string }).status).toBe("succeeded");
    expect((await f.jobs.getJob(id))?.status).toBe("succeeded");
    const page = await (await f.req("ann", "/api/search?q=paula")).json() as { items: unknown[] };
    expect(page.items).toHaveLength(1);
  });

  it("grants access on approval and shows the view in the privacy officer's audit query", async () => {
    const post = (u: "ann" | "pia", path: string, body: unknown) => f.req(u, path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const ar = await (await post("ann", "/api/access-requests", { entityIds: [E.mixed], dataset: "secret", justification: "needed to link the alias" })).json() as { id: string };
    expect((await post("pia", `/api/access-requests/${ar.id}/decision`, { approve: true, reason: "granted" })).status).toBe(200);
    expect(await (await f.req("ann", `/api/entities/${E.mixed}`)).text()).toContain("Hidden Alias");
    const audit = await (await f.req("pia", `/api/audit?entity=${E.mixed}&actor=ann`)).json() as { items: Array<{ action: string }> };
    expect(audit.items.map((i) => i.action)).toContain("view");
  });
});
