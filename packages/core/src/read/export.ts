import { assembleEntities, finishEntities, type FtmEntity, type Statement } from "@vizier/model";
import type { AccessScope } from "../policy/scope";
import type { StatementQuery } from "../ports/store";
import type { Ctx } from "../context";
import { audit, auditEntry } from "../audit/chain";
import type { Services } from "../services";
import { scopeFor } from "./scope";

export interface ExportQuery { dataset?: string; recipients?: readonly string[] }

/** The export's scope and store query; audited here, before anything is read. */
async function startExport(ctx: Ctx, svc: Services, q: ExportQuery): Promise<{ scope: AccessScope; query: StatementQuery }> {
  const scope = await scopeFor(ctx, svc);
  await audit(svc.store, [auditEntry(ctx, "export", q.dataset ? `dataset=${q.dataset}` : "all", [], q.recipients ?? [])]);
  return { scope, query: q.dataset === undefined ? {} : { dataset: q.dataset } };
}

/**
 * Streams every readable entity (optionally of one dataset) assembled from its readable
 * statements. The export is audited before the first entity leaves, so it cannot happen unlogged.
 */
export async function* exportEntities(ctx: Ctx, svc: Services, q: ExportQuery): AsyncGenerator<{ entity: FtmEntity; statements: Statement[] }> {
  const { scope, query } = await startExport(ctx, svc, q);
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

/**
 * The same export as entities only (FtM JSON lines): from entity parts where the store scans them
 * (no statement object per value), else from exportEntities. Audited the same way, first.
 */
export async function* exportFtm(ctx: Ctx, svc: Services, q: ExportQuery): AsyncGenerator<FtmEntity> {
  if (!svc.store.scanEntityParts) {
    for await (const { entity } of exportEntities(ctx, svc, q)) yield entity;
    return;
  }
  const { scope, query } = await startExport(ctx, svc, q);
  for await (const parts of svc.store.scanEntityParts(scope, query, 10_000)) yield* finishEntities(svc.model, parts);
}
