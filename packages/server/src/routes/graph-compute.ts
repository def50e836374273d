/**
 * Graph analytics on a loaded network (pure: no store, no audit): node rankings, communities,
 * paths with their edges, disruption curves. Used by the graph routes and the analytics jobs.
 */
import {
  betweenness, brokerage, closeness, collectiveInfluence, coreNumber, degree, disrupt, eigenvector, indexOfIds,
  kShortestPaths, leiden, louvain, pagerank, type CommunityResult, type DisruptOptions, type Graph,
} from "@vizier/graph";
import type { NetworkEdge } from "@vizier/analytics";
import { VizierError } from "@vizier/model";
import type { LoadedNetwork } from "./graph-source";

export const GRAPH_METRICS = ["degree", "pagerank", "betweenness", "eigenvector", "closeness", "kcore", "brokerage", "collective-influence"] as const;
export type GraphMetric = (typeof GRAPH_METRICS)[number];
export const COMMUNITY_ALGORITHMS = ["louvain", "leiden"] as const;
export type CommunityAlgorithm = (typeof COMMUNITY_ALGORITHMS)[number];

export interface NodeRef { id: string; caption: string; schema: string }
export interface Ranked extends NodeRef { score: number }

function ref(net: LoadedNetwork, id: string): NodeRef {
  const n = net.nodes.get(id);
  return { id, caption: n?.label ?? id, schema: n?.schema ?? "" };
}

function communities(g: Graph, algorithm: CommunityAlgorithm, opts: { resolution?: number; seed?: number } = {}): CommunityResult {
  const o = { weighted: true, resolution: opts.resolution ?? 1, seed: opts.seed ?? 0 };
  return algorithm === "louvain" ? louvain(g, o) : leiden(g, o);
}

/** Scores per node; brokerage counts Gould–Fernandez roles over Louvain communities as the groups. */
function scores(g: Graph, metric: GraphMetric): Float64Array {
  switch (metric) {
    case "degree": return degree(g);
    case "pagerank": return pagerank(g, { weighted: true });
    case "betweenness": return betweenness(g, { weights: "none" });
    case "eigenvector": return eigenvector(g, { weighted: true });
    case "closeness": return closeness(g, { weights: "none" });
    case "kcore": return coreNumber(g);
    case "brokerage": return brokerage(g, communities(g, "louvain").membership).total;
    case "collective-influence": return collectiveInfluence(g, { weighted: false });
  }
}

/** The `top` highest-scoring nodes, highest first (ties by id). Non-finite scores count as 0. */
export function rankNodes(net: LoadedNetwork, metric: GraphMetric, top: number): { nodes: number; edges: number; items: Ranked[] } {
  const g = net.graph;
  const s = scores(g, metric);
  const order = g.ids.map((id, i) => ({ id, score: Number.isFinite(s[i]) ? (s[i] as number) : 0 }));
  order.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes: g.n, edges: g.m, items: order.slice(0, top).map((x) => ({ ...ref(net, x.id), score: x.score })) };
}

export interface Communities {
  algorithm: CommunityAlgorithm;
  count: number;
  modularity: number;
  membership: Array<NodeRef & { community: number }>;
}

export function findCommunities(net: LoadedNetwork, algorithm: CommunityAlgorithm, opts: { resolution?: number; seed?: number } = {}): Communities {
  const g = net.graph;
  const r = communities(g, algorithm, opts);
  return {
    algorithm, count: r.count, modularity: Number.isFinite(r.modularity) ? r.modularity : 0,
    membership: g.ids.map((id, i) => ({ ...ref(net, id), community: r.membership[i] as number })),
  };
}

export interface NetworkPath { rank: number; length: number; nodes: NodeRef[]; edges: NetworkEdge[] }

/** The k shortest loopless paths (hops) from → to of at most `maxLength` hops, each with the network edges along it. */
export function findPaths(net: LoadedNetwork, from: string, to: string, k: number, maxLength: number): NetworkPath[] {
  const ix = indexOfIds(net.graph);
  const s = ix.get(from), t = ix.get(to);
  if (s === undefined || t === undefined) throw new VizierError("NOT_FOUND", `no readable connection: ${s === undefined ? from : to} is not in your network around these entities`);
  const pair = new Map<string, NetworkEdge[]>();
  for (const e of net.network.edges) {
    const key = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    const list = pair.get(key) ?? [];
    list.push(e);
    pair.set(key, list);
  }
  const paths = kShortestPaths(net.graph, s, t, k, { weights: "none" }).filter((p) => p.length <= maxLength);
  return paths.map((p, r) => {
    const ids = p.nodes.map((v) => net.graph.ids[v] as string);
    const edges = ids.slice(1).flatMap((b, i) => {
      const a = ids[i] as string;
      return pair.get(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`) ?? [];
    });
    return { rank: r + 1, length: p.length, nodes: ids.map((id) => ref(net, id)), edges };
  });
}

export interface DisruptionStep { removed: number; nodes: NodeRef[]; lccSize: number; lccFraction: number; components: number; efficiency?: number }

/** A disruption run: the largest connected component after each removal step and the nodes removed. */
export function runDisruption(net: LoadedNetwork, opts: Pick<DisruptOptions, "strategy" | "mode" | "blockSize" | "seed" | "list" | "maxRemoved" | "efficiency">): { nodes: number; steps: DisruptionStep[] } {
  const steps = disrupt(net.graph, { ...opts, weights: "none", minRemaining: 0 });
  return {
    nodes: net.graph.n,
    steps: steps.map((s) => ({
      removed: s.removed, nodes: s.nodes.map((id) => ref(net, id)), lccSize: s.lccSize, lccFraction: s.lccFraction, components: s.components,
      ...(opts.efficiency && Number.isFinite(s.efficiency) ? { efficiency: s.efficiency } : {}),
    })),
  };
}
