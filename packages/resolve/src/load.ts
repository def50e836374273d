import { assembleEntities, type Statement } from "@vizier/model";
import { scopeFor, type AccessScope, type Ctx, type Services } from "@vizier/core";
import type { ErRecord } from "@vizier/resolution";
import { groupOf, toRecord, type Group } from "./records";

export interface Loaded {
  scope: AccessScope;
  records: Map<Group, ErRecord[]>;
  /** Entities read (for the audit record). */
  entityIds: string[];
}

/**
 * Loads the records a context may read: the scope comes from the policy decision point, the
 * statements from StorePort.scanStatements under that scope, and entities are assembled from
 * those statements only. The caller audits the load together with what it writes.
 */
export async function loadRecords(ctx: Ctx, svc: Services, onProgress?: (entities: number) => void): Promise<Loaded> {
  const scope = await scopeFor(ctx, svc);
  const records = new Map<Group, ErRecord[]>();
  const entityIds: string[] = [];
  let pending: Statement[] = [];
  let seen = 0;
  const flush = (): void => {
    const [e] = assembleEntities(svc.model, pending);
    pending = [];
    seen++;
    if (!e) return;
    const g = groupOf(svc.model, e.schema);
    if (!g) return;
    const list = records.get(g) ?? [];
    list.push(toRecord(svc.model, e, g));
    records.set(g, list);
    entityIds.push(e.id);
  };
  for await (const batch of svc.store.scanStatements(scope, {}, 10_000)) {
    for (const s of batch) {
      if (pending.length > 0 && pending[0]!.entityId !== s.entityId) flush();
      pending.push(s);
    }
    onProgress?.(seen);
  }
  if (pending.length > 0) flush();
  return { scope, records, entityIds };
}
