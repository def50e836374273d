import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E, makeFixture, MAPPING, token, type Fixture } from "@vizier/server/testing";
import { createClient, unwrap, VizierApiError } from "./index";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });

const client = (opts: { token?: string; purpose?: string } = { token: token("ann"), purpose: "case:TEST-1" }) =>
  createClient("http://localhost", { ...opts, fetch: ((input: Request | URL | string, init?: RequestInit) => f.app.request(input instanceof Request ? input : String(input), init)) as typeof fetch });

describe("typed client", () => {
  it("searches and reads an entity with typed results", async () => {
    const c = client();
    const page = await unwrap(await c.api.search.$get({ query: { q: "jan" } }));
    expect(page.items.map((i) => i.entity.id)).toEqual([E.jan]);
    const view = await unwrap(await c.api.entities[":id"].$get({ param: { id: E.jan } }));
    expect(view.entity.properties["name"]).toEqual(["Jan Jansen"]);
    expect(view.statements.every((s) => s.dataset === "police")).toBe(true);
  });

  it("filters a search (repeated and comma-separated values) and asks for its facets", async () => {
    const c = client();
    const page = await unwrap(await c.api.search.$get({ query: { q: "jan", facets: "true", schema: ["Person", "Company"], country: "nl,be" } }));
    expect(page.items.map((i) => i.entity.id)).toEqual([E.jan]);
    expect(page.facets).toMatchObject({ counted: 1, complete: true, schema: { Person: 1 }, country: { nl: 1 } });
    const none = await unwrap(await c.api.search.$get({ query: { q: "jan", schema: "Company" } }));
    expect(none).toMatchObject({ items: [], nextOffset: null, capped: false });
    expect(none.facets).toBeUndefined();
  });

  it("turns problems into VizierApiError with the code", async () => {
    const c = client({ token: token("ann") });
    const err = await unwrap(await c.api.datasets.$get()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VizierApiError);
    expect((err as VizierApiError).problem.code).toBe("PURPOSE_REQUIRED");
    expect((err as VizierApiError).status).toBe(400);
    const missing = await unwrap(await client().api.entities[":id"].$get({ param: { id: E.secret } })).catch((e: unknown) => e);
    expect((missing as VizierApiError).problem.code).toBe("NOT_FOUND");
  });

  it("ranks entities through a graph analytics route", async () => {
    const ranking = await unwrap(await client().api.graph.metrics.$get({ query: { ids: E.jan, metric: "degree" } }));
    expect(ranking.items[0]).toMatchObject({ id: E.jan, score: 2 });
  });

  it("uploads an ingest job and follows it", async () => {
    const c = client();
    const job = await unwrap(await c.api.jobs.$post({ form: { file: new File(["id,name\n1,Client Upload\n"], "c.csv"), mapping: MAPPING, dataset: "police" } }));
    expect(job.status).toBe("queued");
    await f.runner.idle();
    const done = await unwrap(await c.api.jobs[":id"].$get({ param: { id: job.id } }));
    expect(done.status).toBe("succeeded");
  });
});
