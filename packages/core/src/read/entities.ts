import { assembleEntities, VizierError, type FtmEntity, type Statement } from "@vizier/model";
import type { Ctx } from "../context";
import { audit, auditEntry } from "../audit/chain";
import type { WithheldCount } from "../ports/store";
import type { Services } from "../services";
import { scopeFor } from "./scope";

export interface EntityView {
  entity: FtmEntity;
  /** The readable statements behind every value, with provenance. */
  statements: Statement[];
  /** What other agencies hold on this entity that this viewer may not read: a hit, not the content. */
  withheld: WithheldCount[];
}

/** The per-viewer view of entities: only readable statements, plus withheld-hit counts. Audited. */
export async function viewEntities(ctx: Ctx, svc: Services, ids: readonly string[]): Promise<EntityView[]> {
  if (ids.length === 0) return [];
  if (ids.length > 1000) throw new VizierError("INVALID_ARGUMENT", "at most 1000 entities per request");
  const scope = await scopeFor(ctx, svc);
  const statements = await svc.store.readStatements(scope, { entityIds: ids });
  const withheld = await svc.store.countWithheld(scope, ids);
  const byEntity = new Map<string, Statement[]>();
  for (const s of statements) {
    const list = byEntity.get(s.entityId);
    if (list) list.push(s);
    else byEntity.set(s.entityId, [s]);
  }
  const views: EntityView[] = [];
  for (const id of ids) {
    const st = byEntity.get(id);
    const held = withheld.filter((w) => w.entityId === id);
    if (!st) continue;
    const [entity] = assembleEntities(svc.model, st);
    if (entity) views.push({ entity, statements: st, withheld: held });
  }
  await audit(svc.store, [auditEntry(ctx, "view", ids.join(","), views.map((v) => v.entity.id))]);
  return views;
}
