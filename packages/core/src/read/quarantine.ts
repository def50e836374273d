import { VizierError, type Dataset } from "@vizier/model";
import type { Ctx } from "../context";
import { audit, auditEntry } from "../audit/chain";
import type { QuarantineRow } from "../ports/store";
import type { Services } from "../services";

export interface QuarantineQuery {
  dataset?: string;
  runId?: string;
  kind?: QuarantineRow["kind"];
  limit: number;
  offset?: number;
}

/** Rows read from the store per round when rows of other agencies' datasets or another kind are passed over. */
const CHUNK = 1000;

/**
 * Whose quarantine an actor may see. Quarantined rows are raw source values with no handling
 * code of their own, so only the owning agency of the dataset (and, for a compartment, members
 * of its case) may list them, whatever the actor's role; the system actor may list all.
 */
function mayListQuarantine(ctx: Ctx, ds: Dataset): boolean {
  if (ctx.actor.kind === "system") return true;
  return ds.agency === ctx.actor.agency && (!ds.compartment || ctx.actor.cases.includes(ds.compartment));
}

/**
 * A page of quarantined rows the actor may see (one dataset, or all of theirs), of one kind or
 * both, audited as a view naming the datasets listed. A dataset the actor may not list is
 * NOT_FOUND, as if it did not exist.
 */
export async function listQuarantine(ctx: Ctx, svc: Services, q: QuarantineQuery): Promise<QuarantineRow[]> {
  const datasets = await svc.store.listDatasets();
  const allowed = new Set(datasets.filter((d) => mayListQuarantine(ctx, d)).map((d) => d.name));
  if (q.dataset !== undefined && !allowed.has(q.dataset)) throw new VizierError("NOT_FOUND", `no dataset "${q.dataset}" of your agency`);
  const wanted = (r: QuarantineRow) => allowed.has(r.dataset) && (q.kind === undefined || r.kind === q.kind);
  const out: QuarantineRow[] = [];
  let skip = q.offset ?? 0;
  for (let at = 0; out.length < q.limit; at += CHUNK) {
    const rows = await svc.store.listQuarantine({ limit: CHUNK, offset: at, ...(q.dataset ? { dataset: q.dataset } : {}), ...(q.runId ? { runId: q.runId } : {}) });
    for (const r of rows) {
      if (!wanted(r)) continue;
      if (skip > 0) { skip--; continue; }
      out.push(r);
      if (out.length === q.limit) break;
    }
    if (rows.length < CHUNK) break;
  }
  const listed = q.dataset !== undefined ? [q.dataset] : [...new Set(out.map((r) => r.dataset))].sort();
  const query = `quarantine ${q.dataset ? `dataset=${q.dataset}` : "all"}${q.runId ? ` run=${q.runId}` : ""}${q.kind ? ` kind=${q.kind}` : ""}`;
  await audit(svc.store, [auditEntry(ctx, "view", query, listed)]);
  return out;
}
