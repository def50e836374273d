import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAudit, SEARCH_SCAN_CAP, type AuditRecord } from "@vizier/core";
import { testDataset, testStatements } from "@vizier/core/testing";
import type { Statement } from "@vizier/model";
import { createTestDatabase, pgServer } from "../../../store-postgres/src/test-db";
import { makeFixture, type Fixture, type UserName } from "../test/fixture";

/**
 * Facets over the result set and facet filters, through GET /api/search on each real store (core
 * computes them over the store's search, so both stores must give the same answers):
 * the fixture's agencies (A shares with B; C isolated; A's compartment), plus generated entities
 * whose names share the word "zorro" (an investigator of A reads more of them than the scan cap)
 * and, for one in eight, "yeti".
 */
let f: Fixture;
const N = 2 * SEARCH_SCAN_CAP + 100;
const COUNTRIES = ["nl", "be", "ma", "tr"];
const DS = [testDataset("za", "A"), testDataset("za2", "A"), testDataset("zb", "B"), testDataset("zc", "C"), testDataset("zsec", "A", { compartment: "case:SECRET-1" })];

function generated(): Statement[] {
  const out: Statement[] = [];
  for (let i = 0; i < N; i++) {
    const schema = i % 3 === 0 ? "Company" : "Person";
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const names = i % 8 === 0 ? [`Zorro ${i}`, `Yeti Zorro ${i}`] : [`Zorro ${i}`];
    out.push(...testStatements(DS[i % DS.length]!, `g${i}`, schema, { name: names, [schema === "Person" ? "nationality" : "jurisdiction"]: country }));
    // A second agency's record of the same entity, and A's owner-only (RED) values B must not count.
    if (i % 11 === 0) out.push(...testStatements(DS[2]!, `g${i}`, schema, { name: `Zorro ${i}` }));
    if (i % 7 === 0 && schema === "Person") out.push(...testStatements(DS[0]!, `g${i}`, schema, { nationality: "ru" }, { handling: "RED" }));
  }
  return out;
}

const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;

async function load(fixture: Fixture): Promise<void> {
  for (const ds of DS) await fixture.svc.store.putDataset(ds);
  const run = { id: "rz", dataset: "za", file: "z.csv", mapping: "", actor: "test", startedAt: "2026-01-01T00:00:00.000Z" };
  const w = await fixture.svc.store.beginWrite(run);
  await w.writeStatements(generated());
  await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
}

type Counts = Record<string, number>;
interface Item { entity: { id: string; schema: string; datasets?: string[]; properties: Record<string, string[]> } }
interface Page {
  items: Item[]; nextOffset: number | null; capped: boolean;
  facets?: { counted: number; complete: boolean; schema: Counts; dataset: Counts; agency: Counts; country: Counts };
}
const get = async (u: UserName, path: string, status = 200): Promise<Page> => {
  const r = await f.req(u, path);
  expect(r.status, `${u} ${path}`).toBe(status);
  return await r.json() as Page;
};
const AGENCY = new Map([...DS, testDataset("police", "A"), testDataset("secret", "A"), testDataset("bees", "B")].map((d) => [d.name, d.agency]));
const COUNTRY_PROPS = ["nationality", "jurisdiction", "country"];

/** Every result of a search, page by page, as a plain search (no filters, no facets) returns them. */
async function allResults(u: UserName, q: string, extra = ""): Promise<Item[]> {
  const out: Item[] = [];
  for (let offset = 0; ; offset += 200) {
    const p = await get(u, `/api/search?q=${q}&limit=200&offset=${offset}${extra}`);
    out.push(...p.items);
    if (p.nextOffset === null) return out;
  }
}

/** Facet counts computed here, independently of core, from the entities a plain search returned. */
function reference(items: readonly Item[]) {
  const c = { schema: {} as Counts, dataset: {} as Counts, agency: {} as Counts, country: {} as Counts };
  const add = (m: Counts, k: string) => { m[k] = (m[k] ?? 0) + 1; };
  for (const { entity: e } of items) {
    add(c.schema, e.schema);
    for (const d of new Set(e.datasets)) add(c.dataset, d);
    for (const a of new Set((e.datasets ?? []).map((d) => AGENCY.get(d)!))) add(c.agency, a);
    for (const v of new Set(COUNTRY_PROPS.flatMap((p) => e.properties[p] ?? []))) add(c.country, v);
  }
  return c;
}

describe.each([
  ["embedded store", undefined],
  ["PostgreSQL", server.url ? "pg" : `skipped: ${server.reason}`],
] as const)("search on the %s", (_name, pg) => {
  const skip = pg !== undefined && pg !== "pg";
  beforeAll(async () => {
    if (skip) return;
    if (pg === "pg") db = await createTestDatabase(server.url!, "vz_facets");
    f = await makeFixture(pg === "pg" ? { postgres: db!.url } : {});
    await load(f);
  }, 120_000);
  afterAll(async () => {
    await f?.close();
    await db?.drop();
    db = undefined;
  });

  describe.skipIf(skip)("facets over the result set", () => {
    it.each(["ann", "bob", "cat", "ivo"] as UserName[])("equal counts over %s's readable results, computed independently", async (u) => {
      const all = await allResults(u, "yeti");
      const p = await get(u, "/api/search?q=yeti&facets=true&limit=5");
      expect(p.facets).toEqual({ counted: all.length, complete: true, ...reference(all) });
      expect(p.items.map((i) => i.entity.id)).toEqual(all.slice(0, 5).map((i) => i.entity.id));
    });

    it("never count what an agency-B analyst may not read", async () => {
      const p = await get("bob", "/api/search?q=zorro&facets=true");
      // B reads A's shared data and its own: not C's, not A's compartment, not A's owner-only values.
      expect(Object.keys(p.facets!.dataset).sort()).toEqual(["za", "za2", "zb"]);
      expect(Object.keys(p.facets!.agency).sort()).toEqual(["A", "B"]);
      expect(p.facets!.country["ru"]).toBeUndefined();
      // A's own analyst sees the owner-only values.
      expect((await get("ann", "/api/search?q=zorro&facets=true")).facets!.country["ru"]).toBeGreaterThan(0);
    });

    it("say when the result set was larger than the scan cap", async () => {
      const p = await get("ivo", "/api/search?q=zorro&facets=true");
      expect(p.facets).toMatchObject({ counted: SEARCH_SCAN_CAP, complete: false });
      expect(Object.values(p.facets!.schema).reduce((a, b) => a + b, 0)).toBe(SEARCH_SCAN_CAP);
    });

    it("are absent from a plain search", async () => {
      const p = await get("ann", "/api/search?q=yeti");
      expect(p.facets).toBeUndefined();
      expect(p.capped).toBe(false);
    });
  });

  describe.skipIf(skip)("filters", () => {
    it("return exactly the readable results inside random filters; each facet counts those inside the other filters (fast-check)", async () => {
      const some = <T>(xs: readonly T[]) => fc.subarray([...xs], { maxLength: 2 });
      const reads = new Map<UserName, Item[]>();
      await fc.assert(fc.asyncProperty(
        fc.constantFrom<UserName>("ann", "bob", "ivo"), some(["Person", "Company"]), some(DS.map((d) => d.name)), some(["A", "B", "C"]), some(COUNTRIES),
        async (u, schema, dataset, agency, country) => {
          if (!reads.has(u)) reads.set(u, await allResults(u, "yeti"));
          const all = reads.get(u)!;
          const agencies = (i: Item) => (i.entity.datasets ?? []).map((d) => AGENCY.get(d)!);
          const countries = (i: Item) => COUNTRY_PROPS.flatMap((p) => i.entity.properties[p] ?? []);
          const tests = {
            schema: (i: Item) => schema.length === 0 || schema.includes(i.entity.schema),
            dataset: (i: Item) => dataset.length === 0 || (i.entity.datasets ?? []).some((d) => dataset.includes(d)),
            agency: (i: Item) => agency.length === 0 || agencies(i).some((a) => agency.includes(a)),
            country: (i: Item) => country.length === 0 || countries(i).some((c) => country.includes(c)),
          };
          const facets = ["schema", "dataset", "agency", "country"] as const;
          const inside = (i: Item, but?: (typeof facets)[number]) => facets.every((k) => k === but || tests[k](i));
          const params = [["schema", schema], ["dataset", dataset], ["agency", agency], ["country", country]]
            .filter(([, v]) => v!.length > 0).map(([k, v]) => `&${k as string}=${(v as string[]).join(",")}`).join("");
          const want = all.filter((i) => inside(i));
          const p = await get(u, `/api/search?q=yeti&limit=200&facets=true${params}`);
          expect(p.items.map((i) => i.entity.id)).toEqual(want.map((i) => i.entity.id));
          // Each facet counts the results inside every filter but its own.
          expect(p.facets).toEqual({ counted: want.length, complete: true, ...Object.fromEntries(facets.map((k) => [k, reference(all.filter((i) => inside(i, k)))[k]])) });
        },
      ), { seed: 66, numRuns: 30 });
    });

    it("never return an entity outside the filters, and find every one inside them", async () => {
      const all = await allResults("bob", "yeti");
      const inside = (i: Item) => i.entity.schema === "Person" && (i.entity.datasets ?? []).some((d) => AGENCY.get(d) === "B")
        && (i.entity.properties["nationality"] ?? []).some((c) => c === "nl" || c === "ma");
      const filtered = await allResults("bob", "yeti", "&schema=Person&agency=B&country=nl,MAR");
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.map((i) => i.entity.id)).toEqual(all.filter(inside).map((i) => i.entity.id));
    });

    it("page without overlap or skip; facets then count the filtered set", async () => {
      for (const limit of [1, 7, 50]) {
        const ids: string[] = [];
        for (let offset = 0; ; offset += limit) {
          const p = await get("ann", `/api/search?q=yeti&dataset=za&dataset=za2&limit=${limit}&offset=${offset}`);
          expect(p.capped).toBe(false);
          ids.push(...p.items.map((i) => i.entity.id));
          if (p.nextOffset === null) break;
          expect(p.items).toHaveLength(limit);
        }
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual((await allResults("ann", "yeti")).filter((i) => i.entity.datasets!.some((d) => d === "za" || d === "za2")).map((i) => i.entity.id));
      }
      // The dataset facet keeps the values beside the chosen one (choosing one more widens the search).
      const p = await get("ann", "/api/search?q=yeti&dataset=za&facets=true");
      expect(p.facets!.dataset["za"]).toBe(p.facets!.counted);
      const inZa2 = (await allResults("ann", "yeti")).filter((i) => i.entity.datasets!.includes("za2")).length;
      expect(p.facets!.dataset).toEqual({ za: p.facets!.counted, za2: inZa2 });
      expect(Object.values(p.facets!.schema).reduce((a, b) => a + b, 0)).toBe(p.facets!.counted);
    });

    it("say when the scan stopped at the cap before the page was filled", async () => {
      // ivo reads more "zorro" matches than the cap, none of them in C's dataset.
      const p = await get("ivo", "/api/search?q=zorro&dataset=zc");
      expect(p).toMatchObject({ items: [], nextOffset: null, capped: true });
      // Fewer readable "yeti" matches than the cap: the scan saw them all.
      expect(await get("ivo", "/api/search?q=yeti&dataset=zc")).toMatchObject({ items: [], nextOffset: null, capped: false });
      // A page filled within the cap is not capped, and says there is more.
      expect(await get("ivo", "/api/search?q=zorro&dataset=za&limit=10")).toMatchObject({ capped: false, nextOffset: 10 });
    });

    it("are audited with the query, the filters and the page's ids", async () => {
      const p = await get("bob", "/api/search?q=yeti&schema=Company&country=be&facets=true&limit=3");
      let last: AuditRecord | undefined;
      for await (const batch of f.svc.store.scanAudit(500)) last = batch.at(-1) ?? last;
      expect(last).toMatchObject({ actor: "bob", action: "search", query: "yeti [schema=Company; country=be; facets]" });
      expect(last!.resultIds).toEqual(p.items.map((i) => i.entity.id));
    });

    it("refuse bad filter values with 400, never 500", async () => {
      for (const q of ["schema=Persoon", "country=Atlantis", `dataset=${Array.from({ length: 21 }, (_, i) => `d${i}`).join(",")}`, "dataset=%01", "facets=yes", `agency=${"x".repeat(101)}`]) {
        const r = await f.req("ann", `/api/search?q=yeti&${q}`);
        expect(r.status, q).toBe(400);
        expect(r.headers.get("content-type")).toBe("application/problem+json");
      }
      // Unknown datasets and agencies only narrow.
      expect((await get("ann", "/api/search?q=yeti&dataset=nope")).items).toEqual([]);
    });
  });
});
