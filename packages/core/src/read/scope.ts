import { grantsFor } from "../access/grants";
import type { Ctx } from "../context";
import { decide } from "../policy/decide";
import type { AccessScope } from "../policy/scope";
import type { Services } from "../services";

/** Asks the policy decision point for the scope of this context over all registered datasets and the actor's grants. */
export async function scopeFor(ctx: Ctx, svc: Services): Promise<AccessScope> {
  return decide(ctx, svc.sharing, await svc.store.listDatasets(), await grantsFor(ctx, svc));
}
