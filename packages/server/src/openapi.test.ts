import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixture, type Fixture } from "./test/fixture";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });

interface Doc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: Array<{ name: string; in: string; required?: boolean }>; security?: unknown[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

/** Every route the API serves today; a new route must be added here and to docs/api.md. */
const ROUTES = [
  "get /api/health", "post /api/session", "get /api/session", "delete /api/session", "post /api/session/password",
  "get /api/datasets", "get /api/datasets/{name}", "get /api/search", "get /api/entities", "get /api/entities/{id}",
  "get /api/export", "get /api/quarantine", "post /api/jobs", "get /api/jobs", "get /api/jobs/{id}", "post /api/jobs/{id}/cancel",
  "post /api/access-requests", "get /api/access-requests", "post /api/access-requests/{id}/decision", "get /api/audit",
  "get /api/graph/expand", "get /api/timeline",
  "get /api/graph/metrics", "get /api/graph/communities", "get /api/graph/paths", "post /api/graph/disruption",
  "get /api/flows/trace", "get /api/flows/aggregate", "get /api/flows/alerts",
  "get /api/admin/users", "post /api/admin/users", "patch /api/admin/users/{name}", "post /api/admin/users/{name}/password-reset",
  "get /api/admin/agencies", "get /api/admin/sharing-rules", "get /api/admin/handling-codes",
  "get /api/tokens", "post /api/tokens", "delete /api/tokens/{id}",
  "post /api/jobs/resolve", "post /api/jobs/analytics",
  "get /api/review", "get /api/review/{id}", "post /api/judgements", "post /api/judgements/{id}/undo", "get /api/resolved/{id}",
];

describe("OpenAPI document", () => {
  let doc: Doc;
  beforeAll(async () => {
    const r = await f.app.request("/api/openapi.json");
    expect(r.status).toBe(200);
    doc = await r.json() as Doc;
  });

  it("is OpenAPI 3.1 with info, security schemes and every route", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearer", "session"]);
    const ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p}`));
    expect(ops.sort()).toEqual([...ROUTES].sort());
  });

  it("declares every path parameter, at least one success response and problem responses", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        for (const n of names) expect(op.parameters?.some((p) => p.in === "path" && p.name === n && p.required), `${method} ${path} {${n}}`).toBe(true);
        const codes = Object.keys(op.responses);
        expect(codes.some((c) => /^2\d\d$/.test(c)), `${method} ${path}`).toBe(true);
        expect(codes.every((c) => /^[1-5]\d\d$/.test(c))).toBe(true);
        if (path !== "/api/health") expect(codes.some((c) => /^4\d\d$/.test(c)), `${method} ${path}`).toBe(true);
      }
    }
  });

  it("resolves every $ref to a component", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(doc.components.schemas[r], r).toBeDefined();
    for (const name of ["Problem", "Entity", "EntityView", "Statement", "Withheld", "Dataset", "Job", "SearchPage"]) expect(doc.components.schemas[name], name).toBeDefined();
  });

  it("marks only health and login as public", () => {
    const open = Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).filter(([, op]) => Array.isArray(op.security) && op.security.length === 0).map(([m]) => `${m} ${p}`));
    expect(open.sort()).toEqual(["get /api/health", "post /api/session"]);
  });
});

describe("health", () => {
  it("answers without credentials and names the store kind", async () => {
    const r = await f.app.request("/api/health");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok", store: "sqlite", version: "0.1.0" });
    expect([r.headers.get("x-content-type-options"), r.headers.get("cache-control"), r.headers.get("referrer-policy")]).toEqual(["nosniff", "no-store", "no-referrer"]);
  });

  it("answers 503 when the store is gone", async () => {
    const g = await makeFixture();
    await g.svc.store.close();
    const r = await g.app.request("/api/health");
    expect(r.status).toBe(503);
    expect((await r.json() as { code: string }).code).toBe("STORE_UNAVAILABLE");
    await g.close();
  });
});
