/**
 * A deliberately naive reference implementation of the access policy, written from the text of
 * issue #2 (item 2, 3 and 5), not from decide.ts — for property tests only, never for production.
 * It answers for ONE statement at a time, by walking the configuration literally.
 */
import type { Dataset } from "@vizier/model";
import type { Actor } from "../context";
import type { Grant } from "./grants";
import type { SharingConfig } from "./rules";

/** `*` matches any run of characters, everything else itself (ignoring case); by recursion. */
export function naiveGlob(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  const go = (i: number, j: number): boolean => {
    if (i === p.length) return j === v.length;
    if (p[i] === "*") {
      for (let k = j; k <= v.length; k++) if (go(i + 1, k)) return true;
      return false;
    }
    return j < v.length && p[i] === v[j] && go(i + 1, j + 1);
  };
  return go(0, 0);
}

export interface ReferenceStatement {
  entityId: string;
  dataset: string;
  handling: string;
}

/** Whether `actor`, reading for `purpose` at `now`, may read statement `s`, per the issue text. */
export function referenceAllows(
  config: SharingConfig, datasets: readonly Dataset[], grants: readonly Grant[], actor: Actor, purpose: string, now: Date, s: ReferenceStatement,
): boolean {
  // System actors (ingest, retention) read everything; their reads are still audited.
  if (actor.kind === "system") return true;
  const ds = datasets.find((d) => d.name === s.dataset);
  if (ds === undefined) return false;
  // Item 5: an owner's approval, for this person, entity, dataset and purpose, until its end date.
  for (const g of grants) {
    const current = g.until === undefined || now.getTime() <= new Date(g.until).getTime();
    if (g.requester === actor.id && g.dataset === s.dataset && g.entityIds.includes(s.entityId) && g.purpose === purpose && current) return true;
  }
  // (c) A compartmented dataset: only members of the case.
  if (ds.compartment !== "" && !actor.cases.includes(ds.compartment)) return false;
  // (b) The handling code must exist and permit it for this actor.
  const code = config.handlingCodes.find((h) => h.code === s.handling);
  if (code === undefined) return false;
  if (ds.agency === actor.agency) return true;
  if (code.share === "owner") return false;
  // (a) The sharing rules: public sources, or a rule from the owner to the actor's agency for this
  // legal basis and purpose.
  if (config.agencies.some((a) => a.code === ds.agency && a.public)) return true;
  for (const r of config.rules) {
    if (r.from !== ds.agency || !r.to.includes(actor.agency)) continue;
    if (r.legalBases.some((g) => naiveGlob(g, ds.legalBasis)) && r.purposes.some((g) => naiveGlob(g, purpose))) return true;
  }
  return false;
}
