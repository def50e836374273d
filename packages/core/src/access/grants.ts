import type { Ctx } from "../context";
import type { Grant } from "../policy/grants";
import type { Services } from "../services";

/**
 * The approved access requests of this actor as grants for the decision point. Purpose and
 * expiry are checked by `decide` itself, so there is one place that applies them.
 */
export async function grantsFor(ctx: Ctx, svc: Services): Promise<Grant[]> {
  if (!svc.access || ctx.actor.kind !== "user") return [];
  return (await svc.access.approvedFor(ctx.actor.id)).map((r) => ({
    requestId: r.id, requester: r.requester, dataset: r.dataset, entityIds: r.entityIds, purpose: r.purpose, until: r.until,
  }));
}
