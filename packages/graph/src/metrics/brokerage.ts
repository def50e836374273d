/**
 * Brokerage roles (R. V. Gould & R. M. Fernandez 1989, "Structures of mediation: a formal approach
 * to brokerage in transaction networks", Sociological Methodology 19:89–126). Node b brokers the
 * open two-path a → b → c (a ≠ c, no arc a → c); by the groups of a, b, c the role is coordinator
 * (all one group), itinerant / consultant (a, c share a group b lacks), representative (a, b share,
 * c differs), gatekeeper (b, c share, a differs) or liaison (all differ). Undirected graphs count
 * each unordered pair {a, c} once, and representative and gatekeeper merge (reported as
 * representative).
 */
import type { Graph } from "../core/graph";

export interface Brokerage {
  coordinator: Float64Array;
  itinerant: Float64Array;
  representative: Float64Array;
  gatekeeper: Float64Array;
  liaison: Float64Array;
  total: Float64Array;
}

/** Role counts per node for a group label per node. */
export function brokerage(g: Graph, group: ArrayLike<number>): Brokerage {
  const n = g.n;
  const r: Brokerage = {
    coordinator: new Float64Array(n), itinerant: new Float64Array(n), representative: new Float64Array(n),
    gatekeeper: new Float64Array(n), liaison: new Float64Array(n), total: new Float64Array(n),
  };
  const mark = new Int32Array(n).fill(-1);
  for (let b = 0; b < n; b++) {
    const gb = group[b] as number;
    for (let p = g.inOffsets[b] as number, e = g.inOffsets[b + 1] as number; p < e; p++) {
      const a = g.inTargets[p] as number;
      // Mark a's out-neighbours once, to test "no arc a → c" in O(1).
      for (let q = g.outOffsets[a] as number, f = g.outOffsets[a + 1] as number; q < f; q++) mark[g.outTargets[q] as number] = a;
      const ga = group[a] as number;
      for (let q = g.outOffsets[b] as number, f = g.outOffsets[b + 1] as number; q < f; q++) {
        const c = g.outTargets[q] as number;
        if (c === a || mark[c] === a) continue;
        if (!g.directed && c < a) continue; // each unordered pair once
        const gc = group[c] as number;
        const role = ga === gb && gb === gc ? r.coordinator
          : ga === gc ? r.itinerant
          : ga === gb ? r.representative
          : gb === gc ? (g.directed ? r.gatekeeper : r.representative)
          : r.liaison;
        role[b] = (role[b] as number) + 1;
        r.total[b] = (r.total[b] as number) + 1;
      }
    }
  }
  return r;
}
