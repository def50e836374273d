/**
 * Evaluation against known truth: pairwise precision/recall/F1 over all within-cluster pairs, and
 * B-cubed (A. Bagga and B. Baldwin, "Entity-Based Cross-Document Coreferencing Using the Vector
 * Space Model", COLING-ACL 1998), which weighs every record equally whatever its cluster's size.
 */

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pairsIn = (k: number): number => (k * (k - 1)) / 2;

function countBy(labels: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

/** Pairwise scores of predicted cluster labels against true entity labels (same length). */
export function pairwiseScores(predicted: readonly string[], truth: readonly string[]): Scores & { truePairs: number; predictedPairs: number } {
  const joint = countBy(predicted.map((p, i) => `${p}\u0000${truth[i] ?? ""}`));
  let tp = 0;
  for (const c of joint.values()) tp += pairsIn(c);
  let pp = 0;
  for (const c of countBy(predicted).values()) pp += pairsIn(c);
  let tt = 0;
  for (const c of countBy(truth).values()) tt += pairsIn(c);
  const precision = pp === 0 ? 1 : tp / pp;
  const recall = tt === 0 ? 1 : tp / tt;
  return { precision, recall, f1: f1(precision, recall), truePairs: tt, predictedPairs: pp };
}

/** B-cubed precision/recall/F1. */
export function bcubedScores(predicted: readonly string[], truth: readonly string[]): Scores {
  const n = predicted.length;
  if (n === 0) return { precision: 1, recall: 1, f1: 1 };
  const joint = countBy(predicted.map((p, i) => `${p}\u0000${truth[i] ?? ""}`));
  const pc = countBy(predicted);
  const tc = countBy(truth);
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = joint.get(`${predicted[i] ?? ""}\u0000${truth[i] ?? ""}`) ?? 0;
    p += both / (pc.get(predicted[i] ?? "") ?? 1);
    r += both / (tc.get(truth[i] ?? "") ?? 1);
  }
  return { precision: p / n, recall: r / n, f1: f1(p / n, r / n) };
}

/** Share of true matching pairs that blocking put among the candidates. */
export function blockingRecall(candidates: Uint32Array | readonly { a: number; b: number }[], truth: readonly string[]): number {
  const n = truth.length;
  let tt = 0;
  for (const c of countBy(truth).values()) tt += pairsIn(c);
  if (tt === 0) return 1;
  let hit = 0;
  const seen = new Set<number>();
  const visit = (a: number, b: number): void => {
    const k = Math.min(a, b) * n + Math.max(a, b);
    if (seen.has(k)) return;
    seen.add(k);
    if (truth[a] === truth[b]) hit++;
  };
  if (candidates instanceof Uint32Array) for (let p = 0; p < candidates.length; p += 2) visit(candidates[p] ?? 0, candidates[p + 1] ?? 0);
  else for (const c of candidates) visit(c.a, c.b);
  return hit / tt;
}
