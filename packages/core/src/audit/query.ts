import { z } from "zod";
import { VizierError } from "@vizier/model";
import type { Ctx } from "../context";
import { globMatch } from "../policy/rules";
import type { Services } from "../services";
import { audit, auditEntry } from "./chain";
import { requireAuditRole } from "./roles";
import type { AuditRecord } from "./types";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const moment = z.string().trim().refine((s) => !Number.isNaN(new Date(DAY.test(s) ? `${s}T00:00:00Z` : s).getTime()), "not a date (YYYY-MM-DD or ISO timestamp)");

/** What the privacy officer asks: every field narrows; actor, agency, purpose and action take `*` globs. */
export const AuditFilterSchema = z.object({
  /** An entity id that appears among the returned ids or in the query text of a record. */
  entity: z.string().trim().min(1).optional(),
  actor: z.string().trim().min(1).optional(),
  agency: z.string().trim().min(1).optional(),
  purpose: z.string().trim().min(1).optional(),
  action: z.string().trim().min(1).optional(),
  /** From this moment (a date means its start, UTC). */
  since: moment.optional(),
  /** Up to this moment (a date means its end, UTC). */
  until: moment.optional(),
}).strict();
export type AuditFilter = z.input<typeof AuditFilterSchema>;

interface Bounds { since?: string | undefined; until?: string | undefined }

function bounds(f: z.output<typeof AuditFilterSchema>): Bounds {
  const iso = (s: string, end: boolean) => new Date(DAY.test(s) ? `${s}T${end ? "23:59:59.999" : "00:00:00.000"}Z` : s).toISOString();
  return { since: f.since && iso(f.since, false), until: f.until && iso(f.until, true) };
}

/** Whether a record matches the filter (times compared as ISO-8601 UTC strings). */
export function auditMatches(r: AuditRecord, f: z.output<typeof AuditFilterSchema>, b: Bounds = bounds(f)): boolean {
  if (f.entity !== undefined && !r.resultIds.includes(f.entity) && !r.query.includes(f.entity)) return false;
  if (f.actor !== undefined && !globMatch(f.actor, r.actor)) return false;
  if (f.agency !== undefined && !globMatch(f.agency, r.agency)) return false;
  if (f.purpose !== undefined && !globMatch(f.purpose, r.purpose)) return false;
  if (f.action !== undefined && !globMatch(f.action, r.action)) return false;
  if (b.since !== undefined && r.at < b.since) return false;
  if (b.until !== undefined && r.at > b.until) return false;
  return true;
}

/**
 * "Who consulted this entity, when and why": streams the matching audit records, oldest first,
 * from `StorePort.scanAudit`. Admins and privacy officers only; the query is itself audited
 * (`audit.query`) before the first record is returned.
 */
export async function* queryAudit(ctx: Ctx, svc: Services, filter: AuditFilter): AsyncGenerator<AuditRecord> {
  requireAuditRole(ctx, "query the audit log");
  const parsed = AuditFilterSchema.safeParse(filter);
  if (!parsed.success) throw new VizierError("INVALID_ARGUMENT", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const f = parsed.data;
  const b = bounds(f);
  if (b.since && b.until && b.since > b.until) throw new VizierError("INVALID_ARGUMENT", "--since lies after --until");
  const asked = Object.entries(f).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`).join(" ");
  const [own] = await audit(svc.store, [auditEntry(ctx, "audit.query", asked || "all", f.entity ? [f.entity] : [])]);
  // The log as it stood when asked: records up to (not including) this query's own record.
  const end = own?.seq ?? Number.POSITIVE_INFINITY;
  for await (const batch of svc.store.scanAudit(5_000)) {
    for (const r of batch) {
      if (r.seq >= end) return;
      if (auditMatches(r, f, b)) yield r;
    }
  }
}
