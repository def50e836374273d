import type { Dataset } from "@vizier/model";
import type { Ctx } from "../context";
import type { Services } from "../services";
import { searchPage, type SearchResult } from "./search-page";

export type { SearchResult };

/**
 * Full-text search over names and identifiers, within the viewer's scope. Audited. `datasets`: the
 * registry as the caller has just read it, so the decision point does not read it a second time.
 * The plain form of searchPage (search-page.ts): no filters, no facets.
 */
export async function searchEntities(
  ctx: Ctx, svc: Services, q: { text: string; limit?: number; offset?: number }, datasets?: readonly Dataset[],
): Promise<SearchResult[]> {
  return (await searchPage(ctx, svc, { text: q.text, limit: q.limit, offset: q.offset }, datasets)).results;
}
