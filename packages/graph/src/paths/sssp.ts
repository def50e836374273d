/**
 * Single-source shortest path lengths (BFS, or Dijkstra 1959 for weighted lengths) with reusable
 * buffers, for closeness, harmonic centrality and efficiency. Follows out-edges; pass the in-arrays
 * to follow edges backwards.
 */
import { DistHeap } from "./heap";

export class ShortestPaths {
  readonly dist: Float64Array;
  /** Nodes reached, in settle order; `count` of them are valid. */
  readonly order: Int32Array;
  count = 0;
  private readonly heap: DistHeap;

  constructor(private readonly offsets: Int32Array, private readonly targets: Int32Array, private readonly lengths: Float64Array | undefined) {
    const n = offsets.length - 1;
    this.dist = new Float64Array(n).fill(Infinity);
    this.order = new Int32Array(n);
    this.heap = new DistHeap(lengths ? targets.length + 1 : 0);
  }

  /** Computes distances from `s`; unreached nodes keep `Infinity`. */
  run(s: number): void {
    const { dist, order, offsets, targets, lengths } = this;
    for (let i = 0; i < this.count; i++) dist[order[i] as number] = Infinity;
    let count = 0;
    if (!lengths) {
      dist[s] = 0; order[count++] = s;
      for (let head = 0; head < count; head++) {
        const v = order[head] as number;
        const dv = (dist[v] as number) + 1;
        for (let p = offsets[v] as number, e = offsets[v + 1] as number; p < e; p++) {
          const w = targets[p] as number;
          if (dist[w] === Infinity) { dist[w] = dv; order[count++] = w; }
        }
      }
      this.count = count;
      return;
    }
    const heap = this.heap;
    const settled = this.order; // settle order doubles as the reset list
    heap.clear();
    heap.push(0, s, s);
    const tentative = dist;
    tentative[s] = 0;
    let k = 0;
    const mark = this.markBuf();
    while (heap.size > 0) {
      heap.pop();
      const v = heap.topNode;
      if (mark[v] === this.stamp) continue;
      mark[v] = this.stamp;
      const dv = heap.topDist;
      settled[k++] = v;
      for (let p = offsets[v] as number, e = offsets[v + 1] as number; p < e; p++) {
        const w = targets[p] as number;
        const nd = dv + (lengths[p] as number);
        if (mark[w] !== this.stamp && nd < (tentative[w] as number)) { tentative[w] = nd; heap.push(nd, w, v); }
      }
    }
    // Every pushed node is eventually settled, so `order` lists every distance to reset.
    this.count = k;
  }

  private marks: Int32Array | undefined;
  private stamp = 0;
  private markBuf(): Int32Array {
    if (!this.marks) this.marks = new Int32Array(this.dist.length);
    this.stamp++;
    return this.marks;
  }
}
