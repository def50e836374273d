/**
 * Shortest path and the disruption curve computed on the graph in view — the fallback when the
 * API's /api/graph/paths or /api/graph/disruption is not available. Unweighted breadth-first
 * search (Moore 1959); the curve adds nodes back in reverse removal order with union–find
 * (Newman & Ziff 2001), so the whole curve costs O(n + m α(n)).
 */

export interface Link {
  source: string;
  target: string;
}

function adjacency(links: readonly Link[]): Map<string, string[]> {
  const adj = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const l = adj.get(a);
    if (l) l.push(b);
    else adj.set(a, [b]);
  };
  for (const e of links) {
    add(e.source, e.target);
    add(e.target, e.source);
  }
  return adj;
}

/** Node ids of one shortest path from `from` to `to` (edges taken as undirected), or null. */
export function shortestPath(links: readonly Link[], from: string, to: string): string[] | null {
  if (from === to) return [from];
  const adj = adjacency(links);
  const prev = new Map<string, string>([[from, from]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const v of adj.get(u) ?? []) {
        if (prev.has(v)) continue;
        prev.set(v, u);
        if (v === to) {
          const path = [to];
          let c = to;
          while (c !== from) {
            c = prev.get(c) ?? from;
            path.push(c);
          }
          return path.reverse();
        }
        next.push(v);
      }
    }
    frontier = next;
  }
  return null;
}

/** Edge keys along a path of node ids (either direction). */
export function pathEdgeKeys<E extends Link & { key: string }>(edges: readonly E[], path: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i] ?? "";
    const b = path[i + 1] ?? "";
    pairs.add(`${a}\u0000${b}`);
    pairs.add(`${b}\u0000${a}`);
  }
  return new Set(edges.filter((e) => pairs.has(`${e.source}\u0000${e.target}`)).map((e) => e.key));
}

/** Size of the largest connected component after removing the first k nodes of `order`, for k = 0..steps. */
export function lccCurve(nodes: readonly string[], links: readonly Link[], order: readonly string[], steps = order.length): { removed: number; lcc: number }[] {
  const k = Math.min(steps, order.length);
  const removedAt = new Map<string, number>();
  for (let i = 0; i < k; i++) removedAt.set(order[i] ?? "", i);
  const index = new Map(nodes.map((n, i) => [n, i]));
  const parent = Int32Array.from(nodes, (_, i) => i);
  const size = new Int32Array(nodes.length).fill(1);
  const present = new Uint8Array(nodes.length);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const p = parent[x] ?? x;
      parent[x] = parent[p] ?? p;
      x = p;
    }
    return x;
  };
  let largest = 0;
  const adj = adjacency(links);
  const addNode = (id: string) => {
    const i = index.get(id);
    if (i === undefined || present[i]) return;
    present[i] = 1;
    largest = Math.max(largest, 1);
    for (const nb of adj.get(id) ?? []) {
      const j = index.get(nb);
      if (j === undefined || !present[j]) continue;
      const a = find(i);
      const b = find(j);
      if (a === b) continue;
      const [big, small] = (size[a] ?? 0) >= (size[b] ?? 0) ? [a, b] : [b, a];
      parent[small] = big;
      size[big] = (size[big] ?? 0) + (size[small] ?? 0);
      largest = Math.max(largest, size[big] ?? 0);
    }
  };
  for (const n of nodes) if (!removedAt.has(n)) addNode(n);
  const curve = [{ removed: k, lcc: largest }];
  for (let i = k - 1; i >= 0; i--) {
    addNode(order[i] ?? "");
    curve.push({ removed: i, lcc: largest });
  }
  return curve.reverse();
}
