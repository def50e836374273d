/**
 * A binary min-heap over parallel typed arrays, keyed by (distance, insertion counter). The counter
 * makes the pop order total and identical to networkx's `heapq` with `(dist, next(c), …)` tuples,
 * which is what lets weighted betweenness reproduce networkx bit for bit.
 */
export class DistHeap {
  private dist: Float64Array;
  private seq: Float64Array;
  private node: Int32Array;
  private from: Int32Array;
  size = 0;
  private counter = 0;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.dist = new Float64Array(c);
    this.seq = new Float64Array(c);
    this.node = new Int32Array(c);
    this.from = new Int32Array(c);
  }

  clear(): void { this.size = 0; this.counter = 0; }

  push(d: number, node: number, from: number): void {
    if (this.size === this.dist.length) this.grow();
    let i = this.size++;
    const s = this.counter++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pd = this.dist[p] as number;
      if (pd < d || (pd === d && (this.seq[p] as number) < s)) break;
      this.move(p, i);
      i = p;
    }
    this.dist[i] = d; this.seq[i] = s; this.node[i] = node; this.from[i] = from;
  }

  /** Pops the minimum; read it through `topDist`, `topNode`, `topFrom` before the next call. */
  topDist = 0;
  topNode = 0;
  topFrom = 0;
  pop(): void {
    this.topDist = this.dist[0] as number; this.topNode = this.node[0] as number; this.topFrom = this.from[0] as number;
    const last = --this.size;
    if (last === 0) return;
    const d = this.dist[last] as number, s = this.seq[last] as number, nd = this.node[last] as number, fr = this.from[last] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last && ((this.dist[r] as number) < (this.dist[c] as number) || ((this.dist[r] as number) === (this.dist[c] as number) && (this.seq[r] as number) < (this.seq[c] as number)))) c = r;
      const cd = this.dist[c] as number;
      if (d < cd || (d === cd && s < (this.seq[c] as number))) break;
      this.move(c, i);
      i = c;
    }
    this.dist[i] = d; this.seq[i] = s; this.node[i] = nd; this.from[i] = fr;
  }

  private move(a: number, b: number): void {
    this.dist[b] = this.dist[a] as number; this.seq[b] = this.seq[a] as number; this.node[b] = this.node[a] as number; this.from[b] = this.from[a] as number;
  }

  private grow(): void {
    const c = this.dist.length * 2;
    const d = new Float64Array(c); d.set(this.dist); this.dist = d;
    const s = new Float64Array(c); s.set(this.seq); this.seq = s;
    const n = new Int32Array(c); n.set(this.node); this.node = n;
    const f = new Int32Array(c); f.set(this.from); this.from = f;
  }
}
