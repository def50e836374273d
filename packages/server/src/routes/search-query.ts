import { z } from "@hono/zod-openapi";
import { FACETS, type Facet, type SearchFilters } from "@vizier/core";

/** Most values one facet filter may list. */
export const MAX_FILTER_VALUES = 20;

const value = z.string().trim().min(1).max(100).regex(/^[^\p{Cc},]+$/u, "no control characters or commas");

/**
 * A facet filter in the query string: repeated (`schema=Person&schema=Company`), comma-separated
 * (`schema=Person,Company`) or both; any of the values matches. Empty items are ignored.
 */
const filterParam = (facet: Facet, example: string) => z.union([z.string(), z.array(z.string())])
  .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== ""))])
  .pipe(z.array(value).max(MAX_FILTER_VALUES))
  .optional()
  .openapi({
    type: "string", example,
    description: `only results with any of these ${facet} values; repeat the parameter or separate values with commas (at most ${MAX_FILTER_VALUES})`,
  });

/** The facet filter and facet request parameters of GET /api/search. */
export const searchFilterQuery = {
  schema: filterParam("schema", "Person,Company"),
  dataset: filterParam("dataset", "kvk"),
  agency: filterParam("agency", "FIOD"),
  country: filterParam("country", "nl"),
  facets: z.enum(["true", "false"]).default("false").transform((v) => v === "true")
    .openapi({ description: "true: count schema, dataset, agency and country over the result set (the first 1,000 readable matches)" }),
};

/** The filters given, keyed by facet. */
export function filtersOf(q: Partial<Record<Facet, string[] | undefined>>): SearchFilters {
  const out: SearchFilters = {};
  for (const f of FACETS) if (q[f]?.length) out[f] = q[f];
  return out;
}
