import { createRoute, z } from "@hono/zod-openapi";
import { searchEntities, type Services } from "@vizier/core";
import type { FtmEntity } from "@vizier/model";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, EntitySchema, pageQuery, problems, PURPOSE_PARAMETER } from "../schemas";

const Counts = z.record(z.string(), z.number().int());
const SearchPageSchema = z.object({
  items: z.array(z.object({ entity: EntitySchema, score: z.number() })),
  limit: z.number().int(),
  offset: z.number().int(),
  nextOffset: z.number().int().nullable().openapi({ description: "offset of the next page, null on the last page" }),
  facets: z.object({ schema: Counts, dataset: Counts, agency: Counts, country: Counts })
    .openapi({ description: "counts over the entities of this page (not the whole result set)" }),
}).openapi("SearchPage");

/** Counts of schema, dataset, agency and country over a page of entities. */
export function pageFacets(svc: Services, datasetAgency: ReadonlyMap<string, string>, entities: readonly FtmEntity[]) {
  const f = { schema: {} as Record<string, number>, dataset: {} as Record<string, number>, agency: {} as Record<string, number>, country: {} as Record<string, number> };
  const add = (m: Record<string, number>, k: string) => { m[k] = (m[k] ?? 0) + 1; };
  for (const e of entities) {
    add(f.schema, e.schema);
    const agencies = new Set<string>();
    for (const ds of e.datasets ?? []) {
      add(f.dataset, ds);
      const a = datasetAgency.get(ds);
      if (a) agencies.add(a);
    }
    for (const a of agencies) add(f.agency, a);
    const schema = svc.model.hasSchema(e.schema) ? svc.model.getSchema(e.schema) : undefined;
    const countries = new Set<string>();
    for (const [prop, values] of Object.entries(e.properties)) {
      if (schema?.properties.get(prop)?.type === "country") for (const v of values) countries.add(v);
    }
    for (const c of countries) add(f.country, c);
  }
  return f;
}

/** GET /api/search — full-text search through core/read/search (policy decision + audit). */
export function searchRoutes(d: Deps) {
  const search = createRoute({
    method: "get", path: "/api/search", tags: ["search"], summary: "Search names and identifiers within what you may read (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({ q: z.string().trim().min(1).max(500).openapi({ description: "search text", example: "gomez arango" }), ...pageQuery(d.limits.maxPageSize, d.limits.maxOffset) }),
    },
    responses: { 200: { description: "a page of results", content: { "application/json": { schema: SearchPageSchema } } }, ...problems(...DATA_PROBLEMS) },
  });
  return router().openapi(search, async (c) => {
    const { q, limit, offset } = c.req.valid("query");
    const ctx = requestCtx(c, d.now);
    // The registry once: the owning agency of each dataset for the facets, and the decision point's input.
    const datasets = await d.svc.store.listDatasets();
    const agencies = new Map(datasets.map((ds) => [ds.name, ds.agency]));
    const results = await searchEntities(ctx, d.svc, { text: q, limit, offset }, datasets);
    const items = results.map((r) => ({ entity: r.entity, score: r.score }));
    return c.json({
      items, limit, offset,
      // A full page may have more behind it; a short page is the last one.
      nextOffset: results.length === limit && offset + limit <= d.limits.maxOffset ? offset + limit : null,
      facets: pageFacets(d.svc, agencies, results.map((r) => r.entity)),
    }, 200);
  });
}
