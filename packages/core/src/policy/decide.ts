import type { Dataset } from "@vizier/model";
import type { Ctx } from "../context";
import { globMatch, type SharingConfig } from "./rules";
import { makeScope, type AccessScope } from "./scope";

/**
 * The policy decision point: the one place that says what an actor may read for a purpose.
 * A statement is readable iff (a) the sharing rules let the actor's agency receive the owner's
 * data under the dataset's legal basis for this purpose, (b) its handling code permits it for this
 * actor, and (c) for a compartmented dataset, the actor is a member of the case.
 */
export function decide(ctx: Ctx, config: SharingConfig, datasets: readonly Dataset[]): AccessScope {
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
  return makeScope(actor.id, purpose, allowed, false);
}
