/**
 * The network a graph analytics request computes on: the viewer's readable network around seed
 * entities (hop by hop through the store's reverse references), within one dataset, or all of it —
 * always read through the policy decision point (scopeFor), bounded, and audited with what was read.
 */
import { assembleEntities, VizierError, type Statement } from "@vizier/model";
import { auditLoad, deriveNetwork, networkGraph, type Network, type NetworkNode, type NetworkOptions } from "@vizier/analytics";
import { scopeFor, type AccessScope, type Ctx, type Services } from "@vizier/core";
import type { Graph } from "@vizier/graph";

/** Which part of the readable network: seeds and hops, a dataset, or (neither) everything readable. */
export interface NetworkSelection {
  ids?: readonly string[];
  hops?: number;
  dataset?: string;
}

export interface LoadedNetwork {
  network: Network;
  graph: Graph;
  nodes: Map<string, NetworkNode>;
}

const CHUNK = 500;

/** The request as text for the audit log. */
export function describeSelection(sel: NetworkSelection): string {
  if (sel.ids) return `ids=${sel.ids.join(",")} hops=${sel.hops ?? 1}`;
  return sel.dataset ? `dataset=${sel.dataset}` : "all";
}

function tooLarge(what: string, max: number): VizierError {
  return new VizierError("INVALID_ARGUMENT", `the network has more than ${max} ${what}; narrow it (fewer ids, fewer hops, one dataset) or submit it as a job (POST /api/jobs/analytics)`);
}

async function readChunked(svc: Services, scope: AccessScope, ids: readonly string[]): Promise<Statement[]> {
  const out: Statement[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...await svc.store.readStatements(scope, { entityIds: ids.slice(i, i + CHUNK) }));
  return out;
}

/** Seeds and `hops` rings of neighbours: relationships and events pointing at the frontier, and what they point at. */
async function aroundSeeds(svc: Services, scope: AccessScope, seeds: readonly string[], hops: number, maxEntities: number): Promise<Statement[]> {
  const loaded = new Set<string>();
  const statements: Statement[] = [];
  let frontier = [...new Set(seeds)];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const { references } = await svc.store.references(scope, frontier, maxEntities + 1);
    if (references.length > maxEntities) throw tooLarge("entities", maxEntities);
    const want = [...new Set([...frontier, ...references.map((r) => r.entityId)])].filter((id) => !loaded.has(id));
    const read = await readChunked(svc, scope, want);
    for (const id of want) loaded.add(id);
    statements.push(...read);
    frontier = [...new Set(read.filter((s) => s.propType === "entity").map((s) => s.value))].filter((id) => !loaded.has(id));
    if (loaded.size + frontier.length > maxEntities) throw tooLarge("entities", maxEntities);
  }
  // The last ring: read so the nodes have their schema and caption (not expanded further).
  const rest = frontier.filter((id) => !loaded.has(id));
  statements.push(...await readChunked(svc, scope, rest));
  return statements;
}

/** Every readable statement (of one dataset), bounded by the number of entities. */
async function scanAll(svc: Services, scope: AccessScope, dataset: string | undefined, maxEntities: number, signal?: AbortSignal): Promise<Statement[]> {
  const out: Statement[] = [];
  let entities = 0;
  let last = "";
  for await (const batch of svc.store.scanStatements(scope, dataset ? { dataset } : {}, 10_000)) {
    if (signal?.aborted) throw new VizierError("CANCELLED", "cancelled");
    for (const s of batch) {
      if (s.entityId !== last) { entities++; last = s.entityId; }
      if (entities > maxEntities) throw tooLarge("entities", maxEntities);
      out.push(s);
    }
  }
  return out;
}

/**
 * Loads the selected part of the viewer's network (undirected graph for analytics) and audits it
 * as `graph` with `what` and every node and evidence id it contains, before anything is returned.
 */
export async function loadSelection(
  ctx: Ctx, svc: Services, sel: NetworkSelection, what: string,
  limits: { maxEntities: number; maxNodes: number }, opts: NetworkOptions = {}, signal?: AbortSignal,
): Promise<LoadedNetwork> {
  const scope = await scopeFor(ctx, svc);
  const statements = sel.ids
    ? await aroundSeeds(svc, scope, sel.ids, sel.hops ?? 1, limits.maxEntities)
    : await scanAll(svc, scope, sel.dataset, limits.maxEntities, signal);
  const network = deriveNetwork(svc.model, assembleEntities(svc.model, statements), opts);
  if (network.nodes.length > limits.maxNodes) throw tooLarge("nodes", limits.maxNodes);
  const ids = new Set(network.nodes.map((n) => n.id));
  for (const e of network.edges) for (const ev of e.evidence) if (!ev.startsWith("Shared")) ids.add(ev);
  await auditLoad(ctx, svc, "graph", `${what} ${describeSelection(sel)}`, ids);
  return { network, graph: networkGraph(network), nodes: new Map(network.nodes.map((n) => [n.id, n])) };
}
