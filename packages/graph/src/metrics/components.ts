/**
 * Connected components: weak (breadth-first search ignoring direction) and strong (R. Tarjan 1972,
 * "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), iteratively, with
 * D. J. Pearce's 2016 memory-lean variant's idea of a single index array). Component ids are
 * numbered in order of each component's first node.
 */
import type { Graph } from "../core/graph";
import { undirectedNeighbours } from "../core/undirected";

export interface Components {
  /** Component id of every node. */
  readonly id: Int32Array;
  /** Size of every component, indexed by id. */
  readonly sizes: Int32Array;
  readonly count: number;
}

/** Weakly connected components (connected components when undirected). */
export function weakComponents(g: Graph): Components {
  const adj = undirectedNeighbours(g);
  const n = g.n;
  const id = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (id[s] !== -1) continue;
    const c = sizes.length;
    let head = 0, tail = 0;
    queue[tail++] = s; id[s] = c;
    while (head < tail) {
      const v = queue[head++] as number;
      for (let p = adj.offsets[v] as number, e = adj.offsets[v + 1] as number; p < e; p++) {
        const w = adj.targets[p] as number;
        if (id[w] === -1) { id[w] = c; queue[tail++] = w; }
      }
    }
    sizes.push(tail);
  }
  return { id, sizes: Int32Array.from(sizes), count: sizes.length };
}

/** Strongly connected components (equal to weak ones when undirected). */
export function strongComponents(g: Graph): Components {
  if (!g.directed) return weakComponents(g);
  const n = g.n;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const rawSizes: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root; callEdge[0] = g.outOffsets[root] as number;
    index[root] = low[root] = counter++; stack[sp++] = root; onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth] as number;
      const end = g.outOffsets[v + 1] as number;
      let p = callEdge[depth] as number;
      let descended = false;
      for (; p < end; p++) {
        const w = g.outTargets[p] as number;
        if (index[w] === -1) {
          callEdge[depth] = p + 1;
          depth++;
          callNode[depth] = w; callEdge[depth] = g.outOffsets[w] as number;
          index[w] = low[w] = counter++; stack[sp++] = w; onStack[w] = 1;
          descended = true;
          break;
        } else if (onStack[w] && (index[w] as number) < (low[v] as number)) low[v] = index[w] as number;
      }
      if (descended) continue;
      if (low[v] === index[v]) {
        const c = rawSizes.length;
        let size = 0, w: number;
        do { w = stack[--sp] as number; onStack[w] = 0; comp[w] = c; size++; } while (w !== v);
        rawSizes.push(size);
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth] as number;
        if ((low[v] as number) < (low[u] as number)) low[u] = low[v] as number;
      }
    }
  }
  // Renumber so ids follow the first node of each component, as weakComponents does.
  const remap = new Int32Array(rawSizes.length).fill(-1);
  const sizes = new Int32Array(rawSizes.length);
  let next = 0;
  for (let v = 0; v < n; v++) {
    const c = comp[v] as number;
    if (remap[c] === -1) { remap[c] = next; sizes[next] = rawSizes[c] as number; next++; }
    comp[v] = remap[c] as number;
  }
  return { id: comp, sizes, count: rawSizes.length };
}

/** Size of the largest component (0 for an empty graph). */
export function largestSize(c: Components): number {
  let m = 0;
  for (let i = 0; i < c.count; i++) if ((c.sizes[i] as number) > m) m = c.sizes[i] as number;
  return m;
}
