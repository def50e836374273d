/**
 * Fellegi-Sunter match weights (Fellegi and Sunter, JASA 1969): the log2 likelihood ratio
 * log2(m/u) of the level each comparison reached, plus the prior log2(lambda / (1 - lambda)).
 * Term-frequency adjustment (Winkler, "Frequency-based matching in Fellegi-Sunter model of record
 * linkage", ASA 1989, as in Splink): on exact agreement, u is replaced by the agreed value's own
 * frequency, so agreeing on a rare surname counts more than agreeing on a common one.
 */
import type { ErModel, FieldContribution, PairExplanation, ScoredPair } from "./types";
import type { Prepared } from "./prepare";
import type { PVal } from "./normalize";
import type { Comparison } from "./layout";
import { compareField } from "./compare";
import { comparisonLevel, layoutOf } from "./layout";
import type { FieldColumn } from "./vectors";
import { columnsOf } from "./vectors";

/** Bound on the term-frequency adjustment (bits) so one value never outweighs all other fields. */
const TF_CAP = 8;

export interface Weights {
  prior: number;
  layout: Comparison[];
  /** w[c][l] = log2(m/u); 0 for level 0. */
  w: number[][];
}

/** Precomputes the per-level weights of a model. */
export function weightsOf(model: ErModel): Weights {
  return {
    prior: Math.log2(model.lambda / (1 - model.lambda)),
    layout: layoutOf(model),
    w: model.comparisons.map((c) => c.m.map((m, l) => (l === 0 ? 0 : Math.log2(Math.max(m, 1e-12) / Math.max(c.u[l] ?? 1e-12, 1e-12))))),
  };
}

/** Match probability from a match weight in bits. */
export function probabilityOf(matchWeight: number): number {
  return 1 / (1 + 2 ** -matchWeight);
}

/** Term-frequency adjustment (bits) for exact agreement of comparison `c`, or 0 when not applicable. */
export function tfAdjustment(model: ErModel, c: number, a: readonly PVal[], b: readonly PVal[]): number {
  const cp = model.comparisons[c];
  if (!cp?.tf) return 0;
  const floor = cp.tf[""] ?? 1e-6;
  let best = Infinity;
  for (const x of a) {
    if (!b.some((y) => y.s === x.s)) continue;
    best = Math.min(best, cp.tf[x.s] ?? floor);
  }
  // Exact agreement on tokens in another order (names) has no single value: no adjustment.
  if (best === Infinity) return 0;
  const adj = Math.log2((cp.u[1] ?? best) / best);
  return Math.max(-TF_CAP, Math.min(TF_CAP, adj));
}

/** Term-frequency adjustment per distinct value of a single-field comparison's column. */
function tfByValue(model: ErModel, c: number, col: FieldColumn): Float64Array {
  const out = new Float64Array(col.distinct.length);
  col.distinct.forEach((v, id) => {
    out[id] = tfAdjustment(model, c, [v], [v]);
  });
  return out;
}

/** Scores candidate pairs from their field-level vectors; pairs below `minProbability` are dropped. */
export function scorePairs(prep: Prepared, model: ErModel, pairs: Uint32Array, vectors: Uint8Array, minProbability = 0): ScoredPair[] {
  const W = weightsOf(model);
  const F = model.fields.length;
  const C = W.layout.length;
  const P = pairs.length / 2;
  const out: ScoredPair[] = [];
  // Compare in the weight domain: cheaper than a probability per dropped pair.
  const minWeight = minProbability <= 0 ? -Infinity : Math.log2(minProbability / (1 - minProbability));
  const cols = columnsOf(prep);
  const tfCols = model.comparisons.map((cp, c) => {
    const f = W.layout[c]?.members[0];
    if (!cp.tf || f === undefined) return undefined;
    const col = cols[f] as FieldColumn;
    return { f, ids: col.ids, adj: tfByValue(model, c, col) };
  });
  for (let p = 0; p < P; p++) {
    const a = pairs[2 * p] as number;
    const b = pairs[2 * p + 1] as number;
    let mw = W.prior;
    for (let c = 0; c < C; c++) {
      const l = comparisonLevel(W.layout[c] as Comparison, vectors, p * F);
      mw += W.w[c]?.[l] ?? 0;
      const tc = l === 1 ? tfCols[c] : undefined;
      if (tc) {
        const ia = tc.ids[a] as number;
        // Single values that agree exactly share an id; several values take the slow path.
        mw += ia >= 0 && ia === tc.ids[b] ? (tc.adj[ia] as number) : tfAdjustment(model, c, prep.values[a]?.[tc.f] ?? [], prep.values[b]?.[tc.f] ?? []);
      }
    }
    if (mw >= minWeight) out.push({ a, b, matchWeight: mw, probability: probabilityOf(mw) });
  }
  return out;
}

/** Per-comparison explanation of one pair; the totals plus the prior add up to the match weight. */
export function explainPair(prep: Prepared, model: ErModel, a: number, b: number): PairExplanation {
  const W = weightsOf(model);
  const ra = prep.records[a];
  const rb = prep.records[b];
  const levels = model.fields.map((f, i) => compareField(f.kind, prep.values[a]?.[i] ?? [], prep.values[b]?.[i] ?? []));
  const fields: FieldContribution[] = model.comparisons.map((cp, c) => {
    const cmp = W.layout[c] ?? { members: [], strides: [], levels: 1 };
    const level = comparisonLevel(cmp, levels, 0);
    const weight = W.w[c]?.[level] ?? 0;
    const f0 = cmp.members[0] ?? 0;
    const tfAdj = level === 1 && cp.tf ? tfAdjustment(model, c, prep.values[a]?.[f0] ?? [], prep.values[b]?.[f0] ?? []) : 0;
    return {
      field: cp.fields.join("+"),
      level,
      label: cp.levels[level] ?? String(level),
      left: cp.fields.flatMap((n) => ra?.fields[n] ?? []),
      right: cp.fields.flatMap((n) => rb?.fields[n] ?? []),
      weight,
      tfAdjustment: tfAdj,
      total: weight + tfAdj,
    };
  });
  let matchWeight = W.prior;
  for (const c of fields) matchWeight += c.total;
  return {
    left: { source: ra?.source ?? "", id: ra?.id ?? "" },
    right: { source: rb?.source ?? "", id: rb?.id ?? "" },
    priorWeight: W.prior,
    fields,
    matchWeight,
    probability: probabilityOf(matchWeight),
  };
}
