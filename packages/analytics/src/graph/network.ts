/**
 * The store-backed network of one viewer: entities read through the policy decision point
 * (load.ts), turned into typed, weighted edges, audited as `graph.load` with every entity id the
 * network contains, and handed to @vizier/graph as a compact graph.
 */
import { graphFromTypedEdges, type Graph } from "@vizier/graph";
import type { FtmEntity, Registry } from "@vizier/model";
import type { Ctx, Services } from "@vizier/core";
import { auditLoad, loadReadable } from "../load";
import { applyResolution, type Resolution } from "../resolved";
import { NetworkBuilder } from "./builder";
import { addDerived } from "./derived";
import { addEvent, indexPhones } from "./events";
import { addRelation } from "./relations";
import type { Network, NetworkOptions } from "./types";

const EVENT_SCHEMATA = new Set(["Payment", "Communication", "Call", "Shipment"]);

/** Derives the network from already-loaded (readable) entities. Pure: no store, no audit. */
export function deriveNetwork(model: Registry, entities: readonly FtmEntity[], opts: NetworkOptions = {}): Network {
  const b = new NetworkBuilder(model, entities, opts);
  const phones = indexPhones(b);
  for (const e of b.byId.values()) {
    if (!model.hasSchema(e.schema)) continue;
    if (EVENT_SCHEMATA.has(e.schema)) addEvent(b, e, phones);
    else addRelation(b, e);
  }
  addDerived(b);
  return b.finish();
}

/** The request as written into the audit log. */
export function describeRequest(opts: NetworkOptions): string {
  return [
    `types=${opts.types ? opts.types.join(",") : "all"}`,
    ...(opts.since !== undefined ? [`since=${opts.since}`] : []),
    ...(opts.until !== undefined ? [`until=${opts.until}`] : []),
    `period=${opts.period ?? "month"}`,
    ...((opts as { resolved?: boolean }).resolved ? ["resolved"] : []),
  ].join(" ");
}

/**
 * Loads the viewer's network: only statements the viewer's scope lets through are read, and the
 * load is audited (action `graph.load`, result = node ids plus the ids of the entities behind the
 * edges) before anything is returned; a failed audit write fails the load.
 */
export async function loadNetwork(ctx: Ctx, svc: Services, opts: NetworkOptions & { resolved?: boolean } = {}): Promise<Network & { resolution?: Resolution }> {
  const { entities: read, scope } = await loadReadable(ctx, svc);
  const r = opts.resolved ? await applyResolution(svc.model, svc.store, scope, read) : undefined;
  const net: Network & { resolution?: Resolution } = deriveNetwork(svc.model, r ? r.entities : read, opts);
  if (r) net.resolution = r.resolution;
  const ids = new Set(net.nodes.map((n) => n.id));
  for (const e of net.edges) for (const ev of e.evidence) if (!ev.startsWith("Shared")) ids.add(ev);
  await auditLoad(ctx, svc, "graph.load", describeRequest(opts), ids);
  return net;
}

/**
 * The network as a compact graph; parallel edges of a pair (several types, periods) are summed.
 * In a directed graph an undirected relation (Family, a shared address) becomes two arcs.
 */
export function networkGraph(net: Network, opts: { directed?: boolean } = {}): Graph {
  const directed = opts.directed ?? false;
  const typed = net.edges.flatMap((e) => {
    const arc = { source: e.source, target: e.target, type: e.type, weight: e.weight };
    return directed && !e.directed ? [arc, { ...arc, source: e.target, target: e.source }] : [arc];
  });
  return graphFromTypedEdges(typed, { directed, combine: "sum" });
}
