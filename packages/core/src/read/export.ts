import { assembleEntities, type FtmEntity, type Statement } from "@vizier/model";
import type { Ctx } from "../context";
import { audit, auditEntry } from "../audit/chain";
import type { Services } from "../services";
import { scopeFor } from "./scope";

/**
 * Streams every readable entity (optionally of one dataset) assembled from its readable
 * statements. The export is audited before the first entity leaves, so it cannot happen unlogged.
 */
export async function* exportEntities(
  ctx: Ctx, svc: Services, q: { dataset?: string; recipients?: readonly string[] },
): AsyncGenerator<{ entity: FtmEntity; statements: Statement[] }> {
  const scope = await scopeFor(ctx, svc);
  await audit(svc.store, [auditEntry(ctx, "export", q.dataset ? `dataset=${q.dataset}` : "all", [], q.recipients ?? [])]);
  const query = q.dataset === undefined ? {} : { dataset: q.dataset };
  let pending: Statement[] = [];
  for await (const batch of svc.store.scanStatements(scope, query, 10_000)) {
    for (const s of batch) {
      if (pending.length > 0 && pending[0]!.entityId !== s.entityId) {
        yield { entity: assembleEntities(svc.model, pending)[0]!, statements: pending };
        pending = [];
      }
      pending.push(s);
    }
  }
  if (pending.length > 0) yield { entity: assembleEntities(svc.model, pending)[0]!, statements: pending };
}
