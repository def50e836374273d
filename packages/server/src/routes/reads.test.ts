import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E, makeFixture, type Fixture, type UserName } from "../test/fixture";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });

const get = async <T>(u: UserName, path: string, status = 200): Promise<T> => {
  const r = await f.req(u, path);
  expect(r.status, `${u} ${path}: ${r.status}`).toBe(status);
  return await r.json() as T;
};
interface View { entity: { id: string; properties: Record<string, string[]> }; statements: Array<{ dataset: string; value: string; agency: string }>; withheld: Array<{ agency: string; dataset: string; count: number; handling: string }> }
const auditCount = async () => (await f.svc.store.stats()).auditRecords;

describe("datasets: only what the scope lets you read", () => {
  it.each([
    ["ann", ["police"]], ["ivo", ["police", "secret"]], ["bob", ["bees", "police"]], ["cat", []],
  ] as Array<[UserName, string[]]>)("%s sees %j", async (u, names) => {
    const { items } = await get<{ items: Array<{ name: string }> }>(u, "/api/datasets");
    expect(items.map((d) => d.name)).toEqual(names);
  });

  it("shows one dataset, and a compartment you are not in as 404", async () => {
    expect((await get<{ agency: string }>("ivo", "/api/datasets/secret")).agency).toBe("A");
    expect((await get<{ code: string }>("ann", "/api/datasets/secret", 404)).code).toBe("NOT_FOUND");
    expect((await get<{ code: string }>("ann", "/api/datasets/nope", 404)).code).toBe("NOT_FOUND");
  });
});

describe("search: per viewer, paginated, faceted, audited", () => {
  it("finds within the scope only and records the search", async () => {
    const before = await auditCount();
    const ann = await get<{ items: Array<{ entity: { id: string } }>; facets: Record<string, unknown>; nextOffset: number | null }>("ann", "/api/search?q=jan&facets=true");
    expect(ann.items.map((i) => i.entity.id)).toEqual([E.jan]);
    expect(ann.facets).toEqual({ counted: 1, complete: true, schema: { Person: 1 }, dataset: { police: 1 }, agency: { A: 1 }, country: { nl: 1 } });
    expect(ann.nextOffset).toBeNull();
    expect(await auditCount()).toBe(before + 1);
    expect((await get<{ items: unknown[] }>("cat", "/api/search?q=jan")).items).toEqual([]);
    // The compartment's values are found only by its members.
    expect((await get<{ items: unknown[] }>("ann", "/api/search?q=geheim")).items).toEqual([]);
    expect((await get<{ items: Array<{ entity: { id: string } }> }>("ivo", "/api/search?q=geheim")).items.map((i) => i.entity.id)).toEqual([E.secret]);
  });

  it("pages with limit and offset", async () => {
    const p1 = await get<{ items: Array<{ entity: { id: string } }>; nextOffset: number | null }>("bob", "/api/search?q=bee&limit=1");
    expect(p1.items).toHaveLength(1);
    expect(p1.nextOffset).toBe(1);
    const p2 = await get<{ items: unknown[]; nextOffset: number | null }>("bob", "/api/search?q=bee&limit=1&offset=1");
    expect(p2.items).toEqual([]);
    expect(p2.nextOffset).toBeNull();
  });

  it("refuses bad paging and empty text (400), never 500", async () => {
    for (const q of ["q=", "q=%20%20", "q=x&limit=0", "q=x&limit=201", "q=x&limit=abc", "q=x&offset=-1", "q=x&offset=10001", "", `q=${"a".repeat(501)}`]) {
      const r = await f.req("ann", `/api/search?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});

describe("entities: per-viewer profile, withheld counts, no content across compartments", () => {
  it("shows values with provenance", async () => {
    const v = await get<View>("ann", `/api/entities/${E.jan}`);
    expect(v.entity.properties["name"]).toEqual(["Jan Jansen"]);
    expect(v.statements.every((s) => s.dataset === "police" && s.agency === "A")).toBe(true);
  });

  it("guessing a compartment's entity id returns no content", async () => {
    for (const u of ["ann", "bob", "cat"] as UserName[]) {
      const r = await f.req(u, `/api/entities/${E.secret}`);
      expect(r.status).toBe(404);
      const text = await r.text();
      expect(text).not.toMatch(/Geheim|SECRET-ID-42|secret/i);
    }
    expect((await get<View>("ivo", `/api/entities/${E.secret}`)).entity.properties["idNumber"]).toEqual(["SECRET-ID-42"]);
  });

  it("an entity with withheld values shows counts for them, never the values", async () => {
    const r = await f.req("ann", `/api/entities/${E.mixed}`);
    const text = await r.text();
    expect(text).not.toContain("Hidden Alias");
    const v = JSON.parse(text) as View;
    expect(v.entity.properties["name"]).toEqual(["Mixed Person"]);
    expect(v.withheld.reduce((n, w) => n + w.count, 0)).toBeGreaterThan(0);
    expect(v.withheld.every((w) => w.dataset === "secret")).toBe(true);
    const ivo = await get<View>("ivo", `/api/entities/${E.mixed}`);
    expect(ivo.entity.properties["name"]?.sort()).toEqual(["Hidden Alias", "Mixed Person"]);
    expect(ivo.withheld).toEqual([]);
  });

  it("B sees A's shared data, C sees nothing", async () => {
    expect((await get<View>("bob", `/api/entities/${E.jan}`)).entity.id).toBe(E.jan);
    expect((await f.req("cat", `/api/entities/${E.jan}`)).status).toBe(404);
    expect((await f.req("ann", `/api/entities/${E.bee}`)).status).toBe(404);
  });

  it("reads several ids at once, leaving out what you may not read; audits every view", async () => {
    const before = await auditCount();
    const { items } = await get<{ items: View[] }>("ann", `/api/entities?ids=${E.jan},${E.secret},${E.bee},${E.jan}`);
    expect(items.map((v) => v.entity.id)).toEqual([E.jan]);
    expect(await auditCount()).toBe(before + 1);
    expect((await f.req("ann", `/api/entities?ids=${Array.from({ length: 101 }, (_, i) => `e${i}`).join(",")}`)).status).toBe(400);
    expect((await f.req("ann", "/api/entities?ids=../../etc/passwd")).status).toBe(400);
  });
});

describe("export: what you may read, as FtM lines, audited first", () => {
  it("streams readable entities only", async () => {
    const before = await auditCount();
    const r = await f.req("ann", "/api/export");
    expect(r.headers.get("content-type")).toContain("application/x-ndjson");
    // A streamed response carries the API's headers like the JSON ones do.
    expect([r.headers.get("x-content-type-options"), r.headers.get("cache-control"), r.headers.get("referrer-policy")]).toEqual(["nosniff", "no-store", "no-referrer"]);
    const lines = (await r.text()).trim().split("\n").map((l) => JSON.parse(l) as { id: string; properties: Record<string, string[]> });
    expect(lines.map((e) => e.id).sort()).toEqual([E.jan, E.mixed, E.owns, E.pay].sort());
    expect(JSON.stringify(lines)).not.toContain("Hidden Alias");
    expect(await auditCount()).toBe(before + 1);
    const bees = await (await f.req("bob", "/api/export?dataset=bees&recipients=A")).text();
    expect(bees.trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([E.bee]);
    expect((await f.req("cat", "/api/export")).status).toBe(200);
    expect(await (await f.req("cat", "/api/export")).text()).toBe("");
  });
});

describe("quarantine: the owning agency only", () => {
  it("lists rows to the owner and audits it; others get 404", async () => {
    const before = await auditCount();
    const { items } = await get<{ items: Array<{ row: number; reason: string }> }>("ann", "/api/quarantine?dataset=police");
    expect(items).toEqual([expect.objectContaining({ row: 3, reason: "bad date" })]);
    expect(await auditCount()).toBe(before + 1);
    expect((await get<{ items: unknown[] }>("ann", "/api/quarantine?dataset=police&kind=conflict")).items).toEqual([]);
    for (const u of ["bob", "cat"] as UserName[]) expect((await f.req(u, "/api/quarantine?dataset=police")).status).toBe(404);
    expect((await f.req("ann", "/api/quarantine?dataset=secret")).status).toBe(404);
    expect((await f.req("ann", "/api/quarantine")).status).toBe(400);
  });
});
