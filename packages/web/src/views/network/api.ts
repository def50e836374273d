/**
 * The explorer's calls to the HTTP API, through the typed client (useApi). Metrics,
 * communities, paths and disruption answer 404 on a server without them; the callers then
 * fall back to what can be computed on the graph in view (degree, BFS path, LCC curve).
 */
import { unwrap, type VizierClient } from "@vizier/client";
import type { Neighbourhood } from "./graph-model";

export const METRICS = ["degree", "pagerank", "betweenness", "eigenvector", "closeness", "kcore", "brokerage", "collective-influence"] as const;
export type Metric = (typeof METRICS)[number];
export const STRATEGIES = ["betweenness", "degree", "pagerank", "collective-influence", "katz", "random"] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The API takes at most this many seeds per expansion, and 50 for analytics. */
export const MAX_EXPAND_SEEDS = 20;
export const MAX_ANALYTICS_SEEDS = 50;

export interface ExpandQuery {
  ids: readonly string[];
  limit: number;
  types?: readonly string[] | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

export async function expand(api: VizierClient, q: ExpandQuery): Promise<Neighbourhood> {
  return await unwrap(await api.api.graph.expand.$get({
    query: {
      ids: q.ids.slice(0, MAX_EXPAND_SEEDS).join(","), limit: String(q.limit),
      ...(q.types && q.types.length > 0 ? { types: q.types.join(",") } : {}),
      ...(q.since ? { since: q.since } : {}), ...(q.until ? { until: q.until } : {}),
    },
  }));
}

export interface NodeRef { id: string; caption: string; schema: string }

export async function metricScores(api: VizierClient, ids: readonly string[], metric: Metric): Promise<Map<string, number>> {
  const r = await unwrap(await api.api.graph.metrics.$get({ query: { ids: ids.slice(0, MAX_ANALYTICS_SEEDS).join(","), hops: "1", metric, top: "1000" } }));
  return new Map(r.items.map((i) => [i.id, i.score]));
}

export async function communities(api: VizierClient, ids: readonly string[]): Promise<{ membership: Map<string, number>; modularity: number; count: number }> {
  const r = await unwrap(await api.api.graph.communities.$get({ query: { ids: ids.slice(0, MAX_ANALYTICS_SEEDS).join(","), hops: "1" } }));
  return { membership: new Map(r.membership.map((m) => [m.id, m.community])), modularity: r.modularity, count: r.count };
}

/** The shortest readable path as a small neighbourhood (nodes and edges), or null when there is none within reach. */
export async function shortestPathApi(api: VizierClient, from: string, to: string): Promise<{ ids: string[]; nb: Neighbourhood } | null> {
  const r = await unwrap(await api.api.graph.paths.$get({ query: { from, to, k: "1", maxLength: "6" } }));
  const p = r.paths[0];
  if (!p) return null;
  return {
    ids: p.nodes.map((n) => n.id),
    nb: { network: { nodes: p.nodes.map((n) => ({ id: n.id, schema: n.schema, label: n.caption })), edges: p.edges }, hidden: 0, truncated: false },
  };
}

export interface CurvePoint { removed: number; lcc: number; fraction: number; removedNodes: NodeRef[] }

export async function disruption(api: VizierClient, ids: readonly string[], strategy: Strategy, steps: number): Promise<{ nodes: number; curve: CurvePoint[] }> {
  const r = await unwrap(await api.api.graph.disruption.$post({ json: { ids: ids.slice(0, MAX_ANALYTICS_SEEDS), hops: 1, strategy, steps } }));
  return { nodes: r.nodes, curve: r.steps.map((s) => ({ removed: s.removed, lcc: s.lccSize, fraction: s.lccFraction, removedNodes: s.nodes })) };
}
