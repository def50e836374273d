/**
 * The one way analytics read the store: the viewer's scope from the policy decision point
 * (core `scopeFor`), a streamed scan of the statements that scope lets through, and entities
 * assembled from those statements only. Nothing a viewer may not read can reach a graph or a
 * flow table, because nothing else is ever loaded.
 */
import { assembleEntities, finishEntities, type FtmEntity, type Statement } from "@vizier/model";
import { audit, auditEntry, scopeFor, type AccessScope, type AuditAction, type Ctx, type Services } from "@vizier/core";

/** Which schemata a load keeps (entities of other schemata are dropped while streaming). */
export type SchemaFilter = (schema: string) => boolean;

/** Streams every readable entity, assembled from the readable statements only. Not audited: callers audit what they return. */
export async function* readableEntities(ctx: Ctx, svc: Services, keep: SchemaFilter = () => true, scope?: AccessScope): AsyncGenerator<FtmEntity> {
  scope ??= await scopeFor(ctx, svc);
  let pending: Statement[] = [];
  const flush = (): FtmEntity | undefined => {
    const [e] = assembleEntities(svc.model, pending);
    pending = [];
    return e && keep(e.schema) ? e : undefined;
  };
  // The schemata the filter keeps, as a hint that lets the store skip other entities unread.
  const all = svc.model.schemaNames;
  const kept = all.filter(keep);
  const schemas = kept.length < all.length ? kept : undefined;
  const q = schemas ? { schemas } : {};
  // A store that scans entity parts spares a statement object per value; the same entities either way.
  if (svc.store.scanEntityParts) {
    for await (const parts of svc.store.scanEntityParts(scope, q, 10_000)) {
      for (const e of finishEntities(svc.model, parts)) if (keep(e.schema)) yield e;
    }
    return;
  }
  for await (const batch of svc.store.scanStatements(scope, q, 10_000)) {
    for (const s of batch) {
      if (pending.length > 0 && pending[0]!.entityId !== s.entityId) {
        const e = flush();
        if (e) yield e;
      }
      pending.push(s);
    }
  }
  if (pending.length > 0) {
    const e = flush();
    if (e) yield e;
  }
}

/** Collects the readable entities of the kept schemata into memory, with the scope they were read under. */
export async function loadReadable(ctx: Ctx, svc: Services, keep?: SchemaFilter): Promise<{ entities: FtmEntity[]; scope: AccessScope }> {
  const scope = await scopeFor(ctx, svc);
  const entities: FtmEntity[] = [];
  for await (const e of readableEntities(ctx, svc, keep, scope)) entities.push(e);
  return { entities, scope };
}

/** Reads the given entities within `scope` (1,000 ids a query), keeping those of the kept schemata. Not audited. */
export async function readEntities(svc: Services, scope: AccessScope, ids: readonly string[], keep: SchemaFilter): Promise<FtmEntity[]> {
  const out: FtmEntity[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const page = ids.slice(i, i + 1000);
    const entities = svc.store.readEntityParts
      ? finishEntities(svc.model, await svc.store.readEntityParts(scope, page))
      : assembleEntities(svc.model, await svc.store.readStatements(scope, { entityIds: page }));
    for (const e of entities) if (keep(e.schema)) out.push(e);
  }
  return out;
}

/**
 * Records what an analytics load returned (action, the request as text, the entity ids). A failed
 * audit write throws AUDIT_FAILED, so the caller never hands out an unlogged result.
 */
export async function auditLoad(ctx: Ctx, svc: Services, action: AuditAction, query: string, ids: Iterable<string>): Promise<void> {
  await audit(svc.store, [auditEntry(ctx, action, query, [...new Set(ids)].sort())]);
}
