import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E, makeFixture, USERS, type Fixture, type UserName } from "./test/fixture";

// Every read route × every user: only members of case:SECRET-1 (ivo) ever get the compartment's
// content; nobody gets a 500. Expected statuses per role are asserted where roles matter.
let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });

const SECRET_CONTENT = ["Geheim Persoon", "SECRET-ID-42", "Hidden Alias", E.hiddenLink];

/** A concrete request for every GET operation in the document (ids aimed at the compartment). */
const READS: Record<string, string> = {
  "/api/health": "/api/health",
  "/api/session": "/api/session",
  "/api/datasets": "/api/datasets",
  "/api/datasets/{name}": "/api/datasets/secret",
  "/api/search": "/api/search?q=geheim",
  "/api/entities": `/api/entities?ids=${E.secret},${E.mixed},${E.jan}`,
  "/api/entities/{id}": `/api/entities/${E.mixed}`,
  "/api/export": "/api/export",
  "/api/quarantine": "/api/quarantine?dataset=secret",
  "/api/jobs": "/api/jobs",
  "/api/jobs/{id}": "/api/jobs/nope",
  "/api/access-requests": "/api/access-requests",
  "/api/audit": `/api/audit?entity=${E.secret}`,
  "/api/graph/expand": `/api/graph/expand?ids=${E.jan},${E.secret}`,
  "/api/timeline": `/api/timeline?ids=${E.secret}`,
  "/api/graph/metrics": `/api/graph/metrics?ids=${E.jan},${E.secret}&hops=2&metric=betweenness`,
  "/api/graph/communities": "/api/graph/communities",
  "/api/graph/paths": `/api/graph/paths?from=${E.jan}&to=${E.secret}&k=3`,
  "/api/flows/trace": `/api/flows/trace?entity=${E.jan}&hops=5`,
  "/api/flows/aggregate": `/api/flows/aggregate?ids=${E.jan},${E.secret}`,
  "/api/flows/alerts": "/api/flows/alerts",
  "/api/admin/users": "/api/admin/users",
  "/api/admin/agencies": "/api/admin/agencies",
  "/api/admin/sharing-rules": "/api/admin/sharing-rules",
  "/api/admin/handling-codes": "/api/admin/handling-codes",
  "/api/tokens": "/api/tokens",
  "/api/review": "/api/review",
  "/api/review/{id}": "/api/review/nope",
  "/api/resolved/{id}": `/api/resolved/${E.secret}`,
};

describe("authorisation matrix", () => {
  it("covers every GET operation", async () => {
    const doc = await (await f.app.request("/api/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
    const gets = Object.entries(doc.paths).filter(([, item]) => "get" in item).map(([p]) => p);
    expect(gets.filter((p) => p !== "/api/openapi.json").sort()).toEqual(Object.keys(READS).sort());
  });

  it.each(Object.keys(USERS) as UserName[])("%s: no compartment content unless a member, never 500", async (u) => {
    // ivo queried the secret entity once, so the audit query has something to show.
    await f.req("ivo", `/api/entities/${E.secret}`);
    for (const [route, path] of Object.entries(READS)) {
      const r = await f.req(u, path);
      const text = await r.text();
      expect(r.status, `${u} ${path}`).toBeLessThan(500);
      if (u !== "ivo" && route !== "/api/audit") for (const s of SECRET_CONTENT) expect(text, `${u} ${path}`).not.toContain(s);
    }
  });

  it.each(Object.keys(USERS) as UserName[])("%s: graph disruption never shows the compartment unless a member", async (u) => {
    const r = await f.req(u, "/api/graph/disruption", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ids: [E.jan, E.secret], hops: 2, strategy: "degree", steps: 5 }) });
    const text = await r.text();
    expect(r.status, `${u} ${text}`).toBe(200);
    if (u !== "ivo") for (const s of SECRET_CONTENT) expect(text, u).not.toContain(s);
    else expect(text).toContain(E.secret);
  });

  it("gives the compartment's content to its member", async () => {
    expect(await (await f.req("ivo", `/api/entities/${E.mixed}`)).text()).toContain("Hidden Alias");
    expect(await (await f.req("ivo", "/api/search?q=geheim")).text()).toContain("Geheim Persoon");
    expect((await f.req("ivo", "/api/quarantine?dataset=secret")).status).toBe(200);
  });

  it.each([["ann", 403], ["ivo", 403], ["bob", 403], ["cat", 403], ["pia", 200]] as Array<[UserName, number]>)("audit query as %s: %i", async (u, status) => {
    expect((await f.req(u, "/api/audit")).status).toBe(status);
  });
});
