import { cleanCountry, VizierError, type FtmEntity, type Registry } from "@vizier/model";

/** The facets of a search: type, dataset, owning agency (dataset registry), country-typed values. */
export const FACETS = ["schema", "dataset", "agency", "country"] as const;
export type Facet = (typeof FACETS)[number];

/** Facet filters: any of a facet's values (OR), every facet given (AND). Empty or absent: no filter. */
export type SearchFilters = Partial<Record<Facet, readonly string[]>>;

/** Counts per facet value. */
export type FacetCounts = Record<Facet, Record<string, number>>;

/** An entity's values for each facet, each value once. `agencyOf`: dataset name → owning agency. */
export function facetValues(model: Registry, agencyOf: ReadonlyMap<string, string>, e: FtmEntity): Record<Facet, string[]> {
  const datasets = [...new Set(e.datasets ?? [])];
  const agencies = new Set<string>();
  for (const ds of datasets) {
    const a = agencyOf.get(ds);
    if (a !== undefined) agencies.add(a);
  }
  const schema = model.hasSchema(e.schema) ? model.getSchema(e.schema) : undefined;
  const countries = new Set<string>();
  for (const [prop, values] of Object.entries(e.properties)) {
    if (schema?.properties.get(prop)?.type === "country") for (const v of values) countries.add(v);
  }
  return { schema: [e.schema], dataset: datasets, agency: [...agencies], country: [...countries] };
}

/** Counts each facet value over `entities` (an entity counts once per value it has). */
export function countFacets(model: Registry, agencyOf: ReadonlyMap<string, string>, entities: Iterable<FtmEntity>): FacetCounts {
  const out: FacetCounts = { schema: {}, dataset: {}, agency: {}, country: {} };
  for (const e of entities) {
    const values = facetValues(model, agencyOf, e);
    for (const f of FACETS) for (const v of values[f]) out[f][v] = (out[f][v] ?? 0) + 1;
  }
  return out;
}

/** Whether any filter is set. */
export function hasFilters(filters: SearchFilters): boolean {
  return FACETS.some((f) => (filters[f]?.length ?? 0) > 0);
}

/** How an entity stands to the filters: inside every one, outside exactly one (which), or neither. */
export type Standing = "match" | Facet | undefined;

/**
 * Judges entities against the filters (any of a facet's values, every facet given): "match" when
 * inside every filter; with `near`, the facet when outside that one filter only (such an entity
 * counts for that facet's values, so a chosen value's siblings keep their counts, as Aleph's
 * facets do); otherwise undefined.
 */
export function filterJudge(model: Registry, agencyOf: ReadonlyMap<string, string>, filters: SearchFilters, near = false): (e: FtmEntity) => Standing {
  const active = FACETS.flatMap((f) => (filters[f]?.length ? [[f, new Set(filters[f])] as const] : []));
  if (active.length === 0) return () => "match";
  return (e) => {
    const values = facetValues(model, agencyOf, e);
    let missed: Facet | undefined;
    for (const [f, wanted] of active) {
      if (values[f].some((v) => wanted.has(v))) continue;
      if (!near || missed !== undefined) return undefined;
      missed = f;
    }
    return missed ?? "match";
  };
}

/**
 * Facet counts under filters: each facet's values counted over the entities inside every filter
 * but that facet's own (`matches`: inside all; `near`: outside one, which). Without filters, plain
 * counts over `matches`.
 */
export function countFacetsUnder(
  model: Registry, agencyOf: ReadonlyMap<string, string>, matches: Iterable<FtmEntity>, near: Iterable<{ entity: FtmEntity; missed: Facet }>,
): FacetCounts {
  const out = countFacets(model, agencyOf, matches);
  for (const { entity, missed } of near) {
    for (const v of facetValues(model, agencyOf, entity)[missed]) out[missed][v] = (out[missed][v] ?? 0) + 1;
  }
  return out;
}

/**
 * Filters as the model names them: schema names must exist, countries are normalised as ingest
 * normalises them ("NL", "NLD", "Netherlands" → "nl"); values deduplicated. A value that cannot
 * be anything is INVALID_ARGUMENT. Dataset and agency names are kept as given: an unknown one
 * narrows to nothing (saying which exist is the dataset registry's business, not search's).
 */
export function normaliseFilters(model: Registry, filters: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  for (const f of FACETS) {
    const values = filters[f];
    if (!values?.length) continue;
    const clean = values.map((raw) => {
      const v = raw.trim();
      if (v === "") throw new VizierError("INVALID_ARGUMENT", `empty ${f} filter value`);
      if (f === "schema" && !model.hasSchema(v)) throw new VizierError("INVALID_ARGUMENT", `unknown schema "${v}" in the schema filter`);
      if (f !== "country") return v;
      const c = cleanCountry(v, model.countries);
      if (!c.ok) throw new VizierError("INVALID_ARGUMENT", `unknown country "${v}" in the country filter`);
      return c.value;
    });
    out[f] = [...new Set(clean)];
  }
  return out;
}

/** The filters as text for the audit entry: `schema=Person,Company; country=nl`. */
export function describeFilters(filters: SearchFilters): string {
  return FACETS.filter((f) => filters[f]?.length).map((f) => `${f}=${filters[f]!.join(",")}`).join("; ");
}
