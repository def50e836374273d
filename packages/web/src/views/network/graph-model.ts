/**
 * The network explorer's graph model: what the viewer has expanded so far, merged from
 * GET /api/graph/expand answers, and the filters on it. Pure data → data; the renderer
 * (sigma) and the toolbox only read it.
 */

/** A node as the API returns it (NetworkNode). */
export interface ApiNode {
  id: string;
  schema: string;
  label: string;
}

/** An edge as the API returns it (NetworkEdge). */
export interface ApiEdge {
  source: string;
  target: string;
  type: string;
  directed: boolean;
  weight: number;
  count: number;
  amount?: number | undefined;
  duration?: number | undefined;
  period?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  evidence: string[];
}

/** One GET /api/graph/expand answer. */
export interface Neighbourhood {
  network: { nodes: ApiNode[]; edges: ApiEdge[] };
  hidden: number;
  truncated: boolean;
}

export interface GraphEdge extends ApiEdge {
  key: string;
}

export interface GraphState {
  nodes: ReadonlyMap<string, ApiNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  /** Each expansion asked for, with what its answer withheld (a count) or cut off. */
  expansions: readonly Expansion[];
}

export interface Expansion {
  seeds: readonly string[];
  hidden: number;
  truncated: boolean;
}

export const EMPTY_GRAPH: GraphState = { nodes: new Map(), edges: new Map(), expansions: [] };

/** The same relationship seen in two expansions is one edge. */
export function edgeKey(e: ApiEdge): string {
  return `${e.type}\u0000${e.source}\u0000${e.target}\u0000${e.period ?? ""}`;
}

/** Adds an expansion of `seeds` (the API reports hidden and truncated per request, so they are kept per request). */
export function mergeNeighbourhood(state: GraphState, seeds: readonly string[], nb: Neighbourhood): GraphState {
  const nodes = new Map(state.nodes);
  for (const n of nb.network.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const edges = new Map(state.edges);
  for (const e of nb.network.edges) {
    const key = edgeKey(e);
    if (!edges.has(key)) edges.set(key, { ...e, key });
  }
  // A merge without seeds (a path's nodes and edges) is no expansion.
  const expansions = seeds.length > 0 ? [...state.expansions, { seeds: [...seeds], hidden: nb.hidden, truncated: nb.truncated }] : state.expansions;
  return { nodes, edges, expansions };
}

export interface EdgeFilter {
  /** Edge types to show; null = all. */
  types: ReadonlySet<string> | null;
  /** Time window [since, until) on ISO dates; an edge without dates is kept. */
  since?: string | undefined;
  until?: string | undefined;
}

/** Whether an edge's [start, end] overlaps the filter's window. */
export function inWindow(e: ApiEdge, since?: string, until?: string): boolean {
  const start = e.start ?? e.end;
  const end = e.end ?? e.start;
  if (start === undefined || end === undefined) return true;
  if (since && end.slice(0, 10) < since) return false;
  if (until && start.slice(0, 10) >= until) return false;
  return true;
}

export function visibleEdges(state: GraphState, f: EdgeFilter): GraphEdge[] {
  const out: GraphEdge[] = [];
  for (const e of state.edges.values()) {
    if (f.types && !f.types.has(e.type)) continue;
    if (!inWindow(e, f.since, f.until)) continue;
    if (!state.nodes.has(e.source) || !state.nodes.has(e.target)) continue;
    out.push(e);
  }
  return out;
}

/** Edge types present, with how many edges each, most frequent first. */
export function edgeTypeCounts(state: GraphState): { type: string; count: number }[] {
  const m = new Map<string, number>();
  for (const e of state.edges.values()) m.set(e.type, (m.get(e.type) ?? 0) + 1);
  return [...m].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** Degree of every node over the given edges (the local fallback metric). */
export function degrees(nodeIds: Iterable<string>, edges: readonly ApiEdge[]): Map<string, number> {
  const d = new Map<string, number>();
  for (const id of nodeIds) d.set(id, 0);
  for (const e of edges) {
    d.set(e.source, (d.get(e.source) ?? 0) + 1);
    if (e.target !== e.source) d.set(e.target, (d.get(e.target) ?? 0) + 1);
  }
  return d;
}

/** The latest expansion that included this node as a seed, if any. */
export function expansionOf(state: GraphState, id: string): Expansion | undefined {
  for (let i = state.expansions.length - 1; i >= 0; i--) {
    const x = state.expansions[i];
    if (x?.seeds.includes(id)) return x;
  }
  return undefined;
}

/** Totals for the notice above the graph: relationships withheld, expansions cut off at the limit. */
export function expansionNotice(state: GraphState): { hidden: number; truncated: number } {
  let hidden = 0;
  let truncated = 0;
  for (const x of state.expansions) {
    hidden += x.hidden;
    if (x.truncated) truncated++;
  }
  return { hidden, truncated };
}
