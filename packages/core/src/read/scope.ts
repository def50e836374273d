import type { Dataset } from "@vizier/model";
import { grantsFor } from "../access/grants";
import type { Ctx } from "../context";
import { decide } from "../policy/decide";
import type { AccessScope } from "../policy/scope";
import type { Services } from "../services";

/**
 * Asks the policy decision point for the scope of this context over all registered datasets and the
 * actor's grants. `datasets`, when given, is the registry as the caller read it in this request.
 */
export async function scopeFor(ctx: Ctx, svc: Services, datasets?: readonly Dataset[]): Promise<AccessScope> {
  return decide(ctx, svc.sharing, datasets ?? await svc.store.listDatasets(), await grantsFor(ctx, svc));
}
