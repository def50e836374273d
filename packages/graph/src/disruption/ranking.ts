/**
 * Ranking nodes by score with an explicit tie rule. Reproducing a published disruption study
 * needs its tie rule exactly (Cavallaro et al. 2020 take the last-seen node for betweenness, Katz
 * and degree, the highest id for collective influence), so ties compare exact floating-point
 * equality and the rule is a parameter, never an accident of sort stability.
 */
export const TIE_BREAKS = ["lowest", "highest", "first-seen", "last-seen"] as const;
/** lowest/highest: node id order (numeric when every id is numeric); first/last-seen: input order. */
export type TieBreak = (typeof TIE_BREAKS)[number];

/** Rank of every node's id in ascending id order (numeric when all ids are numbers). */
export function idOrder(ids: readonly string[]): Int32Array {
  const numeric = ids.every((s) => s.trim() !== "" && Number.isFinite(Number(s)));
  const idx = Array.from(ids.keys());
  if (numeric) {
    const nums = ids.map(Number);
    idx.sort((a, b) => (nums[a] as number) - (nums[b] as number) || a - b);
  } else idx.sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : (ids[a] as string) > (ids[b] as string) ? 1 : a - b));
  const rank = new Int32Array(ids.length);
  idx.forEach((v, r) => { rank[v] = r; });
  return rank;
}

/**
 * A priority key per node for a tie rule: among equal scores the node with the larger key wins.
 * `original[i]` maps the current graph's node i to its index in the full graph, whose id order is
 * `rank` (from `idOrder`).
 */
export function tieKeys(rule: TieBreak, original: Int32Array, rank: Int32Array): Float64Array {
  const k = new Float64Array(original.length);
  for (let i = 0; i < original.length; i++) {
    const o = original[i] as number;
    switch (rule) {
      case "lowest": k[i] = -(rank[o] as number); break;
      case "highest": k[i] = rank[o] as number; break;
      case "first-seen": k[i] = -o; break;
      case "last-seen": k[i] = o; break;
    }
  }
  return k;
}

/** Node indices ordered best first: higher score, then higher tie key. */
export function rankNodes(score: Float64Array, key: Float64Array, limit = score.length): Int32Array {
  const n = score.length;
  if (limit === 1) {
    let best = -1;
    for (let v = 0; v < n; v++) {
      if (best < 0 || better(score, key, v, best)) best = v;
    }
    return best < 0 ? new Int32Array(0) : Int32Array.of(best);
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => (better(score, key, a, b) ? -1 : better(score, key, b, a) ? 1 : 0));
  return Int32Array.from(idx.slice(0, limit));
}

function better(score: Float64Array, key: Float64Array, a: number, b: number): boolean {
  const sa = score[a] as number, sb = score[b] as number;
  // NaN ranks last so a failed score never gets a node removed first.
  if (sa !== sb) return Number.isNaN(sb) ? !Number.isNaN(sa) : sa > sb;
  return (key[a] as number) > (key[b] as number);
}

