/**
 * Neighbourhood expansion (the network explorer's "expand"): the readable relationships around a
 * few entities, found through the store's reverse-reference index instead of loading the whole
 * network. Goes through the decision point (scopeFor) like every read, and is audited.
 */
import { assembleEntities, type Statement } from "@vizier/model";
import { scopeFor, type Ctx, type Services } from "@vizier/core";
import { deriveNetwork } from "./graph/network";
import type { Network, NetworkOptions } from "./graph/types";
import { auditLoad } from "./load";

export interface ExpandOptions extends NetworkOptions {
  /** At most this many relationship entities per expansion (default 200, at most 5,000). */
  limit?: number;
}

export interface Neighbourhood {
  network: Network;
  /** Relationships pointing at the seeds that the viewer may not read: a count, no content. */
  hidden: number;
  /** True when more relationships than `limit` were found (the rest are left out). */
  truncated: boolean;
}

/** Entity ids referred to by entity-typed statements. */
function referenced(statements: readonly Statement[]): string[] {
  return statements.filter((s) => s.propType === "entity").map((s) => s.value);
}

export async function expandNeighbourhood(ctx: Ctx, svc: Services, seeds: readonly string[], opts: ExpandOptions = {}): Promise<Neighbourhood> {
  const limit = Math.min(Math.max(1, opts.limit ?? 200), 5000);
  const scope = await scopeFor(ctx, svc);
  const ids = [...new Set(seeds)];
  const { references, withheld } = await svc.store.references(scope, ids, limit + 1);
  const truncated = references.length > limit;
  // The seeds, what points at them (relationships, payments, calls…) and what those point at.
  const first = await svc.store.readStatements(scope, { entityIds: [...new Set([...ids, ...references.slice(0, limit).map((r) => r.entityId)])] });
  const loaded = new Set(first.map((s) => s.entityId));
  const ends = [...new Set(referenced(first))].filter((id) => !loaded.has(id));
  const second = ends.length ? await svc.store.readStatements(scope, { entityIds: ends }) : [];
  const entities = assembleEntities(svc.model, [...first, ...second]);
  const network = deriveNetwork(svc.model, entities, opts);
  await auditLoad(ctx, svc, "graph", `expand ${ids.join(",")} limit ${limit}`, network.nodes.map((n) => n.id));
  return { network, hidden: withheld, truncated };
}
