import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixture, type Fixture } from "../test/fixture";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });

const PUBLIC = new Set(["GET /api/health", "GET /api/openapi.json", "POST /api/session"]);

/** Every operation of the OpenAPI document, with path parameters filled in. */
async function operations(): Promise<Array<{ method: string; path: string }>> {
  const doc = await (await f.app.request("/api/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
  const ops: Array<{ method: string; path: string }> = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const m of Object.keys(item)) ops.push({ method: m.toUpperCase(), path: p.replace(/\{[^}]+\}/g, "x1") });
  }
  expect(ops.length).toBeGreaterThanOrEqual(12);
  return ops;
}

describe("authentication and purpose on every route", () => {
  it("refuses every non-public route without credentials (401 problem)", async () => {
    for (const op of await operations()) {
      if (PUBLIC.has(`${op.method} ${op.path}`)) continue;
      const r = await f.req(undefined, op.path, { method: op.method });
      expect(r.status, `${op.method} ${op.path}`).toBe(401);
      expect(r.headers.get("www-authenticate")).toContain("Bearer");
      expect((await r.json() as { code: string }).code).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses a wrong or malformed bearer token (401), even on public routes", async () => {
    for (const h of ["Bearer vz_wrong", "Bearer ", "Basic YWRtaW46YWRtaW4=", `Bearer ${"x".repeat(600)}`]) {
      const r = await f.app.request("/api/datasets", { headers: { authorization: h, "x-vizier-purpose": "case:T" } });
      expect(r.status, h).toBe(401);
    }
  });

  it("refuses every data route without a purpose (400 PURPOSE_REQUIRED)", async () => {
    for (const op of await operations()) {
      if (PUBLIC.has(`${op.method} ${op.path}`) || op.path === "/api/session") continue;
      const path = op.path === "/api/search" ? "/api/search?q=jan" : op.path === "/api/quarantine" ? "/api/quarantine?dataset=police" : op.path === "/api/entities" ? "/api/entities?ids=ent-jan" : op.path;
      const init: RequestInit & { purpose: null } = { method: op.method, purpose: null };
      if (op.path === "/api/jobs" && op.method === "POST") {
        const form = new FormData();
        form.set("file", new File(["id\n1\n"], "a.csv"));
        form.set("dataset", "police");
        init.body = form;
      }
      const r = await f.req("ann", path, init);
      expect(r.status, `${op.method} ${path}`).toBe(400);
      expect((await r.json() as { code: string }).code, `${op.method} ${path}`).toBe("PURPOSE_REQUIRED");
      const blank = await f.req("ann", path, { ...init, purpose: "   " });
      expect(blank.status).toBe(400);
    }
  });

  it("answers 404 for unknown routes, purpose or not", async () => {
    for (const purpose of [null, "case:T"]) {
      const r = await f.req("ann", "/api/nope", { purpose });
      expect(r.status).toBe(404);
    }
  });

  it("refuses a purpose with control characters", async () => {
    const r = await f.req("ann", "/api/datasets", { purpose: "case:\u0001x" });
    expect(r.status).toBe(400);
  });
});
