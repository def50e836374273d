import { VizierError } from "@vizier/model";
import { audit, auditEntry, linkAudit } from "./audit/chain";
import type { Ctx } from "./context";
import type { RetentionDue, RetentionPurge } from "./ports/store";
import type { Services } from "./services";

/**
 * Data derived from statements that must go when an entity's last statement goes: resolution
 * memberships, access grants, cached analytics. Each port that keeps such data offers this.
 */
export interface DerivedData {
  readonly label: string;
  forgetEntities(entityIds: readonly string[]): Promise<number>;
}

/** Only administrators, privacy officers and system tasks run retention. */
function mayRunRetention(ctx: Ctx): void {
  const a = ctx.actor;
  if (a.kind === "system" || a.roles.includes("admin") || a.roles.includes("privacy_officer")) return;
  throw new VizierError("FORBIDDEN", `${a.id} may not run retention: it needs the admin or privacy_officer role`);
}

const DAY = 86_400_000;

/** Statements whose retention ends within `withinDays` (or has ended): what is up for review. */
export async function retentionDue(ctx: Ctx, svc: Services, withinDays: number): Promise<{ until: string; due: RetentionDue[] }> {
  mayRunRetention(ctx);
  if (!Number.isInteger(withinDays) || withinDays < 0) throw new VizierError("INVALID_ARGUMENT", `--within must be a whole number of days ≥ 0, got ${withinDays}`);
  const until = new Date(ctx.now().getTime() + withinDays * DAY).toISOString().slice(0, 10);
  const due = await svc.store.retentionDue(until);
  await audit(svc.store, [auditEntry(ctx, "retention", `due until ${until}`, due.map((d) => d.dataset))]);
  return { until, due };
}

/**
 * Removes every statement whose retention ended before today, with its search entries, and then
 * the derived data of entities left without statements. The removal and its audit record commit
 * together; derived data goes right after, and each removal is audited too.
 */
export async function runRetention(ctx: Ctx, svc: Services, derived: readonly DerivedData[] = []): Promise<RetentionPurge & { derived: Record<string, number> }> {
  mayRunRetention(ctx);
  const before = ctx.now().toISOString().slice(0, 10);
  const result = await svc.store.purgeExpired(before, (r) => ({
    entries: [auditEntry(ctx, "retention", `removed ${r.statements} statements of ${r.entities} entities expired before ${before}`, r.removedEntityIds)],
    link: linkAudit,
  }));
  const counts: Record<string, number> = {};
  for (const d of derived) {
    counts[d.label] = result.removedEntityIds.length ? await d.forgetEntities(result.removedEntityIds) : 0;
    if (counts[d.label]) await audit(svc.store, [auditEntry(ctx, "retention", `removed ${counts[d.label]} ${d.label} rows derived from removed entities`, result.removedEntityIds)]);
  }
  return { ...result, derived: counts };
}
