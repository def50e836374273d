import { createHash } from "node:crypto";
import type { AccessScope } from "@vizier/core";

/**
 * A *view* is what one access scope lets through. Resolution runs per view: records are built
 * only from statements the scope admits, and memberships, the review queue and runs are stored
 * under the view's key, so a viewer is never shown a cluster computed from data they may not read.
 * Viewers whose scopes admit exactly the same (dataset, handling) pairs and hold the same
 * access-request grants share one view.
 */
export interface View {
  /** Short digest of `basis`, the key memberships are stored under. */
  key: string;
  /** Canonical JSON of the admitted (dataset, handling) pairs and granted (dataset, entity) pairs, or "*" for a system scope. */
  basis: string;
}

/** The view of a scope. */
export function viewOf(scope: AccessScope): View {
  // Items: ["h", dataset, handling] for what the rules admit, ["g", dataset, entity] for access-request grants.
  const items = [
    ...[...scope.allowed].flatMap(([ds, codes]) => [...codes].map((c) => ["h", ds, c])),
    ...[...scope.grants].flatMap(([ds, ids]) => [...ids].map((id) => ["g", ds, id])),
  ].sort((a, b) => (a.join("\u0000") < b.join("\u0000") ? -1 : 1));
  const basis = scope.all ? "*" : JSON.stringify(items);
  return { key: `v${createHash("sha256").update(basis).digest("hex").slice(0, 16)}`, basis };
}

/** True when everything readable under `inner` is readable under `outer` (a judgement made under `inner` may shape `outer`'s clusters). */
export function basisWithin(inner: string, outer: string): boolean {
  if (outer === "*") return true;
  if (inner === "*") return false;
  const have = new Set((JSON.parse(outer) as string[][]).map((p) => p.join("\u0000")));
  return (JSON.parse(inner) as string[][]).every((p) => have.has(p.join("\u0000")));
}
