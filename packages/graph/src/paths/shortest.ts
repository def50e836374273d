/**
 * Shortest-path listings between two nodes: all shortest paths (by predecessor lists from one BFS
 * or Dijkstra run, E. W. Dijkstra 1959) and the k shortest loopless paths (J. Y. Yen 1971,
 * "Finding the k shortest loopless paths in a network", Management Science 17(11):712–716).
 */
import { VizierError } from "@vizier/model";
import type { Graph } from "../core/graph";
import { DistHeap } from "./heap";
import { edgeLengths } from "./lengths";
import type { WeightMode } from "./lengths";

export interface PathOptions {
  weights?: WeightMode;
  /** Stop after this many paths (default 10,000) so hubs with huge path counts stay bounded. */
  limit?: number;
}

/** A path as node indices, and its length (hops, or summed edge lengths). */
export interface Path { nodes: number[]; length: number }

/** Dijkstra/BFS from `s`, skipping blocked nodes and arcs; returns distances and predecessor lists. */
function search(g: Graph, s: number, lengths: Float64Array | undefined, blockedNode?: Uint8Array, blockedArc?: Uint8Array) {
  const n = g.n;
  const dist = new Float64Array(n).fill(Infinity);
  const preds: number[][] = Array.from({ length: n }, () => []);
  const done = new Uint8Array(n);
  const heap = new DistHeap(16);
  dist[s] = 0;
  heap.push(0, s, s);
  while (heap.size > 0) {
    heap.pop();
    const v = heap.topNode;
    if (done[v]) continue;
    done[v] = 1;
    const d = heap.topDist;
    for (let p = g.outOffsets[v] as number, e = g.outOffsets[v + 1] as number; p < e; p++) {
      const w = g.outTargets[p] as number;
      if (blockedNode?.[w] || blockedArc?.[p]) continue;
      const nd = d + (lengths ? (lengths[p] as number) : 1);
      const cur = dist[w] as number;
      if (nd < cur) { dist[w] = nd; preds[w] = [v]; heap.push(nd, w, v); } else if (nd === cur && !done[w]) (preds[w] as number[]).push(v);
    }
  }
  return { dist, preds };
}

/** Every shortest path from s to t (empty when t is unreachable). */
export function allShortestPaths(g: Graph, s: number, t: number, opts: PathOptions = {}): Path[] {
  const lengths = edgeLengths(g.outWeights, opts.weights ?? "none");
  const { dist, preds } = search(g, s, lengths);
  const length = dist[t] as number;
  if (length === Infinity) return [];
  const limit = opts.limit ?? 10_000;
  const out: Path[] = [];
  const stack: number[] = [t];
  const walk = (v: number): void => {
    if (out.length >= limit) return;
    if (v === s) { out.push({ nodes: [...stack].reverse(), length }); return; }
    for (const u of preds[v] as number[]) { stack.push(u); walk(u); stack.pop(); }
  };
  walk(t);
  return out;
}

/** The k shortest loopless paths from s to t, shortest first (Yen's algorithm). */
export function kShortestPaths(g: Graph, s: number, t: number, k: number, opts: PathOptions = {}): Path[] {
  if (!Number.isInteger(k) || k < 1) throw new VizierError("INVALID_ARGUMENT", "k must be a positive integer");
  const lengths = edgeLengths(g.outWeights, opts.weights ?? "none");
  const arcLen = (p: number): number => (lengths ? (lengths[p] as number) : 1);
  const first = allShortestPaths(g, s, t, { ...opts, limit: 1 })[0];
  if (!first) return [];
  const found: Path[] = [first];
  const candidates: Path[] = [];
  const key = (nodes: number[]): string => nodes.join(",");
  const seen = new Set<string>([key(first.nodes)]);
  while (found.length < k) {
    const last = found[found.length - 1] as Path;
    for (let i = 0; i < last.nodes.length - 1; i++) {
      const spur = last.nodes[i] as number;
      const root = last.nodes.slice(0, i + 1);
      const blockedArc = new Uint8Array(g.outTargets.length);
      const blockedNode = new Uint8Array(g.n);
      for (const p of found) {
        if (p.nodes.length > i && key(p.nodes.slice(0, i + 1)) === key(root)) blockArc(g, blockedArc, p.nodes[i] as number, p.nodes[i + 1] as number);
      }
      for (let j = 0; j < i; j++) blockedNode[root[j] as number] = 1;
      const { dist, preds } = search(g, spur, lengths, blockedNode, blockedArc);
      if (dist[t] === Infinity) continue;
      const tail: number[] = [t];
      while ((tail[tail.length - 1] as number) !== spur) tail.push((preds[tail[tail.length - 1] as number] as number[])[0] as number);
      const nodes = [...root.slice(0, -1), ...tail.reverse()];
      if (seen.has(key(nodes))) continue;
      seen.add(key(nodes));
      let length = 0;
      for (let j = 0; j + 1 < nodes.length; j++) length += arcLen(arcPosition(g, nodes[j] as number, nodes[j + 1] as number));
      candidates.push({ nodes, length });
    }
    if (candidates.length === 0) break;
    candidates.sort((a, b) => a.length - b.length || a.nodes.length - b.nodes.length);
    found.push(candidates.shift() as Path);
  }
  return found;
}

function arcPosition(g: Graph, u: number, v: number): number {
  for (let p = g.outOffsets[u] as number, e = g.outOffsets[u + 1] as number; p < e; p++) if (g.outTargets[p] === v) return p;
  throw new VizierError("INTERNAL", "path uses a missing arc");
}

function blockArc(g: Graph, blocked: Uint8Array, u: number, v: number): void {
  blocked[arcPosition(g, u, v)] = 1;
  if (!g.directed) blocked[arcPosition(g, v, u)] = 1;
}
