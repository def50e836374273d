/**
 * Clustering of scored pairs into entities: connected components of the pairs at or above the
 * threshold (union-find; R. E. Tarjan, "Efficiency of a Good But Not Linear Set Union Algorithm",
 * JACM 22(2), 1975), with analyst judgements as constraints: confirmed pairs are merged first,
 * rejected pairs become cannot-link constraints that no model-driven merge may violate. Model
 * pairs are merged strongest first (ties broken by record keys), so results do not depend on input
 * order. Cluster ids derive from the smallest member key, so they are stable across runs as long
 * as that member stays in the cluster.
 */
import type { ScoredPair } from "./types";
import { hash64hex } from "./hash";

export interface ClusterInput {
  keys: readonly string[];
  pairs: readonly ScoredPair[];
  threshold: number;
  confirms: readonly (readonly [number, number])[];
  rejects: readonly (readonly [number, number])[];
}

export interface Clustering {
  /** Cluster id per record index. */
  clusterOf: string[];
  /** Confirm/reject pairs that contradict each other through other confirms. */
  conflicts: (readonly [number, number])[];
}

/** A stable entity id from the smallest member key. */
export function clusterIdFor(smallestKey: string): string {
  return `e${hash64hex(smallestKey)}`;
}

/** Union-find clustering under must-link and cannot-link constraints. */
export function cluster(input: ClusterInput): Clustering {
  const n = input.keys.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[x] !== r) {
      const next = parent[x] ?? r;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const cannot = new Map<number, Set<number>>();
  const union = (x: number, y: number): void => {
    const [keep, drop] = x < y ? [x, y] : [y, x];
    parent[drop] = keep;
    const cd = cannot.get(drop);
    if (!cd) return;
    const ck = cannot.get(keep) ?? new Set<number>();
    for (const z of cd) {
      ck.add(z);
      const cz = cannot.get(z);
      if (cz) {
        cz.delete(drop);
        cz.add(keep);
      }
    }
    cannot.set(keep, ck);
    cannot.delete(drop);
  };
  for (const [a, b] of input.confirms) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) union(ra, rb);
  }
  const conflicts: (readonly [number, number])[] = [];
  for (const [a, b] of input.rejects) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) {
      conflicts.push([a, b]);
      continue;
    }
    if (!cannot.has(ra)) cannot.set(ra, new Set());
    if (!cannot.has(rb)) cannot.set(rb, new Set());
    cannot.get(ra)?.add(rb);
    cannot.get(rb)?.add(ra);
  }
  const strong = input.pairs.filter((p) => p.probability >= input.threshold);
  const keys = input.keys;
  const pairKey = (p: ScoredPair): string => {
    const x = keys[p.a] ?? "";
    const y = keys[p.b] ?? "";
    return x < y ? `${x}\u0001${y}` : `${y}\u0001${x}`;
  };
  strong.sort((p, q) => q.matchWeight - p.matchWeight || (pairKey(p) < pairKey(q) ? -1 : 1));
  for (const p of strong) {
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra === rb) continue;
    if (cannot.get(ra)?.has(rb)) continue;
    union(ra, rb);
  }
  const smallest = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const k = keys[i] ?? "";
    const cur = smallest.get(r);
    if (cur === undefined || k < cur) smallest.set(r, k);
  }
  const clusterOf = new Array<string>(n);
  for (let i = 0; i < n; i++) clusterOf[i] = clusterIdFor(smallest.get(find(i)) ?? "");
  return { clusterOf, conflicts };
}
