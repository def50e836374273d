/**
 * Betweenness centrality.
 * U. Brandes (2001), "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2):163–177;
 * sampling: U. Brandes & C. Pich (2007), "Centrality estimation in large networks", IJBC 17(7).
 *
 * The traversal and accumulation order follow networkx 2.8 step for step (BFS queue order,
 * Dijkstra with an insertion counter, the same floating-point expressions), so scores are
 * bit-identical to networkx's — needed because disruption curves break ties on exact equality.
 */
import type { Graph } from "../core/graph";
import { DistHeap } from "../paths/heap";
import { edgeLengths } from "../paths/lengths";
import type { WeightMode } from "../paths/lengths";
import { mulberry32, sampleWithoutReplacement } from "../core/random";

export interface BetweennessOptions {
  /** Divide by (n−1)(n−2) as networkx does (default true); otherwise undirected scores are halved. */
  normalized?: boolean;
  weights?: WeightMode;
  /** Use k sampled sources instead of all (Brandes–Pich); scores are scaled by n/k. */
  samples?: number;
  seed?: number;
}

/** Betweenness of every node; see the module comment for conventions. */
export function betweenness(g: Graph, opts: BetweennessOptions = {}): Float64Array {
  const n = g.n;
  const bc = new Float64Array(n);
  const lengths = edgeLengths(g.outWeights, opts.weights ?? "none");
  const sources = opts.samples !== undefined && opts.samples < n
    ? sampleWithoutReplacement(n, opts.samples, mulberry32(opts.seed ?? 0))
    : undefined;
  const run = new BrandesRun(g, lengths);
  const total = sources ? sources.length : n;
  for (let i = 0; i < total; i++) {
    const s = sources ? (sources[i] as number) : i;
    if (lengths) run.dijkstra(s); else run.bfs(s);
    run.accumulate(s, bc);
  }
  rescale(bc, n, opts.normalized ?? true, g.directed, sources ? sources.length : undefined);
  return bc;
}

/**
 * Error bound for sampled betweenness (Hoeffding, as in Brandes–Pich): with k sources the
 * normalised estimate of each node is within ±ε of the exact value with probability ≥ 1−δ, where
 * ε = sqrt(ln(2n/δ) / (2k)) (union bound over n nodes; per-source contributions lie in [0, 1]).
 */
export function samplingErrorBound(n: number, k: number, delta = 0.05): number {
  return Math.sqrt(Math.log((2 * n) / delta) / (2 * k));
}

/** Sources needed for a normalised error ≤ ε with probability ≥ 1−δ (inverse of the bound). */
export function samplesForError(n: number, epsilon: number, delta = 0.05): number {
  return Math.min(n, Math.ceil(Math.log((2 * n) / delta) / (2 * epsilon * epsilon)));
}

function rescale(bc: Float64Array, n: number, normalized: boolean, directed: boolean, k: number | undefined): void {
  let scale: number | undefined;
  if (normalized) scale = n <= 2 ? undefined : 1 / ((n - 1) * (n - 2));
  else if (!directed) scale = 0.5;
  if (scale === undefined) return;
  if (k !== undefined) scale = (scale * n) / k;
  for (let v = 0; v < n; v++) bc[v] = (bc[v] as number) * scale;
}

/** Per-source state of Brandes' algorithm, reused across sources. */
class BrandesRun {
  private readonly stack: Int32Array;
  private sp = 0;
  private readonly sigma: Float64Array;
  private readonly dist: Float64Array;
  /** BFS levels (-1 = unseen); integer compares keep the unweighted hot loop cheap. */
  private readonly level: Int32Array;
  private readonly delta: Float64Array;
  private readonly settled: Uint8Array;
  /** Predecessors of w live in `pred[inOffsets[w] ..)`, `predCount[w]` of them. */
  private readonly pred: Int32Array;
  private readonly predCount: Int32Array;
  private readonly heap: DistHeap;

  constructor(private readonly g: Graph, private readonly lengths: Float64Array | undefined) {
    const n = g.n;
    this.stack = new Int32Array(n);
    this.sigma = new Float64Array(n);
    this.dist = new Float64Array(n).fill(-1);
    this.level = new Int32Array(n).fill(-1);
    this.delta = new Float64Array(n);
    this.settled = new Uint8Array(n);
    this.pred = new Int32Array(g.inTargets.length);
    this.predCount = new Int32Array(n);
    this.heap = new DistHeap(lengths ? g.outTargets.length + 1 : 0);
  }

  /**
   * networkx `_single_source_shortest_path_basic`. Predecessors are not stored: in an unweighted
   * BFS they are exactly the in-neighbours one level up, which `accumulateLevels` rescans in the
   * same order, so every floating-point operation matches networkx's.
   */
  bfs(s: number): void {
    const { stack, sigma, level } = this;
    const off = this.g.outOffsets, tg = this.g.outTargets;
    this.reset();
    sigma[s] = 1; level[s] = 0;
    // The stack doubles as the BFS queue: nodes are appended in dequeue order.
    stack[0] = s;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = stack[head] as number;
      const lv1 = (level[v] as number) + 1;
      const sv = sigma[v] as number;
      for (let p = off[v] as number, e = off[v + 1] as number; p < e; p++) {
        const w = tg[p] as number;
        let lw = level[w] as number;
        if (lw === -1) { stack[tail++] = w; level[w] = lv1; lw = lv1; }
        if (lw === lv1) sigma[w] = (sigma[w] as number) + sv;
      }
    }
    this.sp = tail;
    this.unweighted = true;
  }

  private unweighted = false;

  /** networkx `_single_source_dijkstra_path_basic`, including its order of sigma additions. */
  dijkstra(s: number): void {
    const { stack, sigma, dist, pred, predCount, settled, heap } = this;
    const lengths = this.lengths as Float64Array;
    const off = this.g.outOffsets, tg = this.g.outTargets, inOff = this.g.inOffsets;
    this.reset();
    this.unweighted = false;
    // `dist` holds networkx's `seen` (tentative) distance; -1 = not seen.
    sigma[s] = 1; dist[s] = 0;
    heap.clear();
    heap.push(0, s, s);
    let sp = 0;
    while (heap.size > 0) {
      heap.pop();
      const v = heap.topNode;
      if (settled[v]) continue;
      const pr = heap.topFrom;
      if (pr !== v) sigma[v] = (sigma[v] as number) + (sigma[pr] as number);
      stack[sp++] = v;
      settled[v] = 1;
      const d = heap.topDist;
      const sv = sigma[v] as number;
      for (let p = off[v] as number, e = off[v + 1] as number; p < e; p++) {
        const w = tg[p] as number;
        const vw = d + (lengths[p] as number);
        const seen = dist[w] as number;
        if (!settled[w] && (seen === -1 || vw < seen)) {
          dist[w] = vw;
          heap.push(vw, w, v);
          sigma[w] = 0;
          pred[inOff[w] as number] = v;
          predCount[w] = 1;
        } else if (vw === seen) {
          sigma[w] = (sigma[w] as number) + sv;
          pred[(inOff[w] as number) + (predCount[w] as number)] = v;
          predCount[w] = (predCount[w] as number) + 1;
        }
      }
    }
    this.sp = sp;
  }

  /** networkx `_accumulate_basic`. */
  accumulate(s: number, bc: Float64Array): void {
    if (this.unweighted) { this.accumulateLevels(s, bc); return; }
    const { stack, sigma, delta, pred, predCount } = this;
    const inOff = this.g.inOffsets;
    for (let i = this.sp - 1; i >= 0; i--) {
      const w = stack[i] as number;
      const coeff = (1 + (delta[w] as number)) / (sigma[w] as number);
      const base = inOff[w] as number;
      for (let j = 0, c = predCount[w] as number; j < c; j++) {
        const v = pred[base + j] as number;
        delta[v] = (delta[v] as number) + (sigma[v] as number) * coeff;
      }
      if (w !== s) bc[w] = (bc[w] as number) + (delta[w] as number);
    }
  }

  /** Accumulation after a BFS: predecessors of w are its in-neighbours one level up. */
  private accumulateLevels(s: number, bc: Float64Array): void {
    const { stack, sigma, delta, level } = this;
    const inOff = this.g.inOffsets, inTg = this.g.inTargets;
    for (let i = this.sp - 1; i >= 0; i--) {
      const w = stack[i] as number;
      const coeff = (1 + (delta[w] as number)) / (sigma[w] as number);
      const up = (level[w] as number) - 1;
      for (let p = inOff[w] as number, e = inOff[w + 1] as number; p < e; p++) {
        const v = inTg[p] as number;
        if (level[v] === up) delta[v] = (delta[v] as number) + (sigma[v] as number) * coeff;
      }
      if (w !== s) bc[w] = (bc[w] as number) + (delta[w] as number);
    }
  }

  private reset(): void {
    const { stack, sigma, dist, delta, settled, predCount } = this;
    // Only nodes touched by the previous source need resetting; in Dijkstra, nodes seen but
    // never settled cannot exist, so the stack covers them all.
    for (let i = 0; i < this.sp; i++) {
      const v = stack[i] as number;
      sigma[v] = 0; dist[v] = -1; delta[v] = 0; settled[v] = 0; predCount[v] = 0; this.level[v] = -1;
    }
    this.sp = 0;
  }
}
