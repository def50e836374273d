import { VizierError, type Dataset, type FtmEntity } from "@vizier/model";
import { audit, auditEntry } from "../audit/chain";
import type { Ctx } from "../context";
import type { AccessScope } from "../policy/scope";
import type { Services } from "../services";
import { readEntities } from "./entities-of";
import { scopeFor } from "./scope";
import { countFacetsUnder, describeFilters, filterJudge, hasFilters, normaliseFilters, type FacetCounts, type SearchFilters } from "./search-facets";
import { pageOfScan, scanHits, type ScanSource } from "./search-scan";

export interface SearchResult {
  entity: FtmEntity;
  score: number;
}

export interface SearchPageQuery {
  text: string;
  limit?: number;
  offset?: number;
  /** Narrow to entities matching these facet values (applied to what the scope lets through). */
  filters?: SearchFilters;
  /** Count facets over the readable matching entities (up to SEARCH_SCAN_CAP hits). */
  facets?: boolean;
}

/**
 * Facet counts over the result set: `counted` entities inside every filter; each facet's values over
 * the entities inside every other filter; `complete` unless the scan stopped at the cap.
 */
export interface SearchFacets extends FacetCounts {
  counted: number;
  complete: boolean;
}

export interface SearchPage {
  results: SearchResult[];
  /** Whether a next page exists (filtered: found; plain: the page is full). */
  more: boolean;
  /** A filtered page the scan could not fill or confirm the end of within SEARCH_SCAN_CAP hits. */
  capped: boolean;
  facets?: SearchFacets;
}

/**
 * A page of a search, optionally filtered by facet values and with facet counts over the result
 * set. Audited like searchEntities: the page's entity ids, and the text with the filters (and
 * `facets` when counted) as the query. Without filters or facets it is the plain search: one
 * store search for the page. With filters, the store's ranked hits are scanned from the first (the
 * scope applied by the store, the filters to the entities as the scope lets them be read) until
 * the page and one more match are found, at most SEARCH_SCAN_CAP hits; with facets, the whole
 * capped scan is counted. `datasets`: the registry as the caller read it in this request.
 */
export async function searchPage(ctx: Ctx, svc: Services, q: SearchPageQuery, datasets?: readonly Dataset[]): Promise<SearchPage> {
  const text = q.text.trim();
  if (!text) throw new VizierError("INVALID_ARGUMENT", "search text is empty");
  const limit = Math.min(Math.max(q.limit ?? 20, 1), 200);
  const offset = Math.max(q.offset ?? 0, 0);
  const filters = normaliseFilters(svc.model, q.filters ?? {});
  const registry = datasets ?? await svc.store.listDatasets();
  const scope = await scopeFor(ctx, svc, registry);
  const page = hasFilters(filters) || q.facets
    ? await scannedPage(svc, scope, registry, { text, limit, offset, filters, facets: q.facets === true })
    : await plainPage(svc, scope, { text, limit, offset });
  const described = [describeFilters(filters), page.facets ? "facets" : ""].filter((s) => s !== "").join("; ");
  await audit(svc.store, [auditEntry(ctx, "search", described ? `${text} [${described}]` : text, page.results.map((r) => r.entity.id))]);
  return page;
}

interface Asked { text: string; limit: number; offset: number }

/** One store search for the page, its entities read through the scope. */
async function plainPage(svc: Services, scope: AccessScope, q: Asked): Promise<SearchPage> {
  const hits = await svc.store.search(scope, q);
  const entities = new Map((await readEntities(svc, scope, hits.map((h) => h.entityId))).map((e) => [e.id, e]));
  const results: SearchResult[] = [];
  for (const h of hits) {
    const entity = entities.get(h.entityId);
    if (entity) results.push({ entity, score: h.score });
  }
  return { results, more: hits.length === q.limit, capped: false };
}

/**
 * Filtered: the page cut from a scan of the ranked hits (offset counts filtered results). Unfiltered
 * with facets: the plain page (offset counts the store's hits, as without facets) and the scan for
 * the counts. A facet's values are counted over the scanned entities inside every filter but that
 * facet's own, so the values beside a chosen one keep their counts (choosing one more widens).
 */
async function scannedPage(
  svc: Services, scope: AccessScope, registry: readonly Dataset[], q: Asked & { filters: SearchFilters; facets: boolean },
): Promise<SearchPage> {
  const agencyOf = new Map(registry.map((d) => [d.name, d.agency]));
  const src: ScanSource = {
    hits: (offset, limit) => svc.store.search(scope, { text: q.text, offset, limit }),
    read: (ids) => readEntities(svc, scope, ids),
  };
  const filtered = hasFilters(q.filters);
  const judge = filterJudge(svc.model, agencyOf, q.filters, q.facets);
  const scan = await scanHits(src, { judge, enough: q.facets ? Infinity : q.offset + q.limit + 1 });
  const facets = q.facets
    ? { counted: scan.matches.length, complete: scan.exhausted, ...countFacetsUnder(svc.model, agencyOf, scan.matches.map((m) => m.entity), scan.near) }
    : undefined;
  const page: SearchPage = filtered ? pageOfScan(scan, q.offset, q.limit) : await plainPage(svc, scope, q);
  return facets ? { ...page, facets } : page;
}
