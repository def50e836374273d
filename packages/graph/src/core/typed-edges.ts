/**
 * Graphs from typed, timed edges — the shape the store-backed graph (persons, companies, accounts
 * linked by Directorship, Payment, Communication …) will hand over. Filtering by edge type and time
 * window happens here, before the CSR is built, so algorithms never see excluded edges.
 */
import { VizierError } from "@vizier/model";
import type { Graph } from "./graph";
import { buildGraph } from "./build";

/** One typed edge between two entity ids. `time` is epoch milliseconds (or absent). */
export interface TypedEdge {
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly weight?: number;
  readonly time?: number;
}

export interface TypedEdgeFilter {
  /** Keep only these edge types (all when absent). */
  types?: readonly string[];
  /** Keep edges with `time >= from`; edges without a time are kept only when no window is set. */
  from?: number;
  /** Keep edges with `time < to`. */
  to?: number;
  directed?: boolean;
  /** How parallel edges of one pair combine: `sum` (default: counts of payments, calls) or `last`. */
  combine?: "sum" | "last";
}

/** Builds a graph from typed edges after type/time filtering; parallel edges are combined. */
export function graphFromTypedEdges(edges: readonly TypedEdge[], filter: TypedEdgeFilter = {}): Graph {
  const types = filter.types ? new Set(filter.types) : undefined;
  const windowed = filter.from !== undefined || filter.to !== undefined;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const intern = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) { i = ids.length; ids.push(id); index.set(id, i); }
    return i;
  };
  const directed = filter.directed ?? false;
  const pairWeight = new Map<string, number>();
  const src: number[] = [];
  const dst: number[] = [];
  const keys: string[] = [];
  for (const e of edges) {
    if (types && !types.has(e.type)) continue;
    if (windowed) {
      if (e.time === undefined) continue;
      if (filter.from !== undefined && e.time < filter.from) continue;
      if (filter.to !== undefined && e.time >= filter.to) continue;
    }
    const w = e.weight ?? 1;
    if (!Number.isFinite(w)) throw new VizierError("INVALID_ARGUMENT", `edge ${e.source}→${e.target} has a non-finite weight`);
    const u = intern(e.source);
    const v = intern(e.target);
    const key = directed || u < v ? `${u} ${v}` : `${v} ${u}`;
    const prev = pairWeight.get(key);
    if (prev === undefined) { src.push(u); dst.push(v); keys.push(key); }
    pairWeight.set(key, prev !== undefined && (filter.combine ?? "sum") === "sum" ? prev + w : w);
  }
  const weights = Float64Array.from(keys, (k) => pairWeight.get(k) as number);
  return buildGraph({ ids, sources: Int32Array.from(src), targets: Int32Array.from(dst), weights }, { directed });
}
