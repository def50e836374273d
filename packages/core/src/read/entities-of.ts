import { assembleEntities, finishEntities, type FtmEntity } from "@vizier/model";
import type { AccessScope } from "../policy/scope";
import type { Services } from "../services";

/**
 * The entities `ids` as the scope may read them, assembled from their readable statements — by
 * the store's own readEntityParts where it has one (no statement objects), else from readStatements.
 * The caller has the scope from the decision point and audits the read.
 */
export async function readEntities(svc: Services, scope: AccessScope, ids: readonly string[]): Promise<FtmEntity[]> {
  if (ids.length === 0) return [];
  if (svc.store.readEntityParts) return finishEntities(svc.model, await svc.store.readEntityParts(scope, ids));
  return assembleEntities(svc.model, await svc.store.readStatements(scope, { entityIds: ids }));
}
