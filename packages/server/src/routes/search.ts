import { createRoute, z } from "@hono/zod-openapi";
import { SEARCH_SCAN_CAP, searchPage } from "@vizier/core";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, EntitySchema, jsonResponse, pageQuery, problems, PURPOSE_PARAMETER } from "../schemas";
import { filtersOf, searchFilterQuery } from "./search-query";

const Counts = z.record(z.string(), z.number().int());
const FacetsSchema = z.object({
  counted: z.number().int().openapi({ description: "readable matching entities counted" }),
  complete: z.boolean().openapi({ description: `false when the query matches more than the first ${SEARCH_SCAN_CAP} readable entities counted` }),
  schema: Counts, dataset: Counts, agency: Counts, country: Counts,
}).openapi("SearchFacets", { description: `counts over the result set (filters applied), up to its first ${SEARCH_SCAN_CAP} readable matches` });
const SearchPageSchema = z.object({
  items: z.array(z.object({ entity: EntitySchema, score: z.number() })),
  limit: z.number().int(),
  offset: z.number().int(),
  nextOffset: z.number().int().nullable().openapi({ description: "offset of the next page, null on the last page" }),
  capped: z.boolean().openapi({ description: `with filters: the search looked at its first ${SEARCH_SCAN_CAP} readable matches and stopped before this page was filled or its end was certain` }),
  facets: FacetsSchema.optional().openapi({ description: "present when asked for with facets=true" }),
}).openapi("SearchPage");

/** GET /api/search — full-text search through core/read/search-page (policy decision + audit). */
export function searchRoutes(d: Deps) {
  const search = createRoute({
    method: "get", path: "/api/search", tags: ["search"], summary: "Search names and identifiers within what you may read (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        q: z.string().trim().min(1).max(500).openapi({ description: "search text", example: "gomez arango" }),
        ...pageQuery(d.limits.maxPageSize, d.limits.maxOffset),
        ...searchFilterQuery,
      }),
    },
    responses: { 200: jsonResponse(SearchPageSchema, "a page of results"), ...problems(...DATA_PROBLEMS) },
  });
  return router().openapi(search, async (c) => {
    const { q, limit, offset, facets, ...rest } = c.req.valid("query");
    const ctx = requestCtx(c, d.now);
    // The registry once: the decision point's input and, for filters and facets, each dataset's agency.
    const datasets = await d.svc.store.listDatasets();
    const page = await searchPage(ctx, d.svc, { text: q, limit, offset, filters: filtersOf(rest), facets }, datasets);
    return c.json({
      items: page.results.map((r) => ({ entity: r.entity, score: r.score })),
      limit, offset,
      nextOffset: page.more && offset + limit <= d.limits.maxOffset ? offset + limit : null,
      capped: page.capped,
      ...(page.facets ? { facets: page.facets } : {}),
    }, 200);
  });
}
