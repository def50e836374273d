import { VizierError, type Dataset, type FtmEntity } from "@vizier/model";
import type { Ctx } from "../context";
import { audit, auditEntry } from "../audit/chain";
import type { Services } from "../services";
import { readEntities } from "./entities-of";
import { scopeFor } from "./scope";

export interface SearchResult {
  entity: FtmEntity;
  score: number;
}

/**
 * Full-text search over names and identifiers, within the viewer's scope. Audited. `datasets`: the
 * registry as the caller has just read it (the HTTP route reads it for its facets), so the
 * decision point does not read it a second time.
 */
export async function searchEntities(
  ctx: Ctx, svc: Services, q: { text: string; limit?: number; offset?: number }, datasets?: readonly Dataset[],
): Promise<SearchResult[]> {
  const text = q.text.trim();
  if (!text) throw new VizierError("INVALID_ARGUMENT", "search text is empty");
  const limit = Math.min(Math.max(q.limit ?? 20, 1), 200);
  const scope = await scopeFor(ctx, svc, datasets);
  const hits = await svc.store.search(scope, { text, limit, offset: q.offset ?? 0 });
  const entities = new Map((await readEntities(svc, scope, hits.map((h) => h.entityId))).map((e) => [e.id, e]));
  const results: SearchResult[] = [];
  for (const h of hits) {
    const entity = entities.get(h.entityId);
    if (entity) results.push({ entity, score: h.score });
  }
  await audit(svc.store, [auditEntry(ctx, "search", text, results.map((r) => r.entity.id))]);
  return results;
}
