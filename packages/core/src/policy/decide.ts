import type { Dataset } from "@vizier/model";
import type { Ctx } from "../context";
import { globMatch, type SharingConfig } from "./rules";
import { grantApplies, type Grant } from "./grants";
import { makeScope, type AccessScope } from "./scope";

/**
 * The policy decision point: the one place that says what an actor may read for a purpose.
 * A statement is readable iff (a) the sharing rules let the actor's agency receive the owner's
 * data under the dataset's legal basis for this purpose, (b) its handling code permits it for this
 * actor, and (c) for a compartmented dataset, the actor is a member of the case — or (d) the owner
 * approved this actor's access request for that entity, dataset and purpose, and it has not expired.
 */
export function decide(ctx: Ctx, config: SharingConfig, datasets: readonly Dataset[], grants: readonly Grant[] = []): AccessScope {
  const { actor, purpose } = ctx;
  if (actor.kind === "system") return makeScope(actor.id, purpose, new Map(), true);
  const publicAgencies = new Set(config.agencies.filter((a) => a.public).map((a) => a.code));
  const allowed = new Map<string, Set<string>>();
  for (const ds of datasets) {
    if (ds.compartment && !actor.cases.includes(ds.compartment)) continue;
    const own = ds.agency === actor.agency;
    const shared = own || publicAgencies.has(ds.agency) || config.rules.some((r) =>
      r.from === ds.agency && r.to.includes(actor.agency) &&
      r.legalBases.some((g) => globMatch(g, ds.legalBasis)) &&
      r.purposes.some((g) => globMatch(g, purpose)));
    const codes = new Set<string>();
    for (const h of config.handlingCodes) {
      if (own || (shared && h.share === "rules")) codes.add(h.code);
    }
    if (codes.size > 0) allowed.set(ds.name, codes);
  }
  const granted = new Map<string, Set<string>>();
  const known = new Set(datasets.map((d) => d.name));
  const now = ctx.now();
  for (const g of grants) {
    if (!known.has(g.dataset) || !grantApplies(g, actor.id, purpose, now)) continue;
    let ids = granted.get(g.dataset);
    if (!ids) granted.set(g.dataset, (ids = new Set()));
    for (const id of g.entityIds) ids.add(id);
  }
  return makeScope(actor.id, purpose, allowed, false, granted);
}
