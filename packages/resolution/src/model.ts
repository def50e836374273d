/**
 * Unsupervised estimation of Fellegi-Sunter parameters.
 * u: measured on uniformly random record pairs (almost all of which are non-matches), as in
 * Splink (R. Linacre et al., "Splink: Free software for probabilistic record linkage at scale",
 * IJPDS 7(3), 2022). m: expectation-maximisation over the candidate pairs under conditional
 * independence (W. E. Winkler, "Using the EM Algorithm for Weight Computation in the
 * Fellegi-Sunter Model of Record Linkage", ASA 1988; T. R. Belin and D. B. Rubin, JASA 90, 1995).
 * EM runs in training sessions (see sessions.ts) with u fixed; only when no field is selective
 * enough for a session does it fall back to EM over the candidate pairs with u fitted as nuisance.
 * Conditional independence fails for fields like city and postcode; such pairs are detected on
 * the random sample (exact agreement on one makes agreement on the other far likelier than
 * chance) and modelled as one joint comparison, so their evidence is not counted twice and EM
 * does not mistake "same place" for "same person".
 * The prior lambda is the estimated number of matching pairs over all possible pairs.
 * Analysts' confirmed pairs refine m as labelled observations on top of the EM estimate.
 */
import type { ErModel, FieldParams, FieldSpec } from "./types";
import type { Prepared } from "./prepare";
import type { Comparison } from "./layout";
import { compareField, usesTermFrequency } from "./compare";
import { comparisonLabels, comparisonLevel, makeComparison } from "./layout";
import { mulberry32 } from "./random";
import { initialM, runEm } from "./em";
import { trainSessions } from "./sessions";

export interface EstimateOptions {
  /** Random pairs sampled to measure u. */
  uSampleSize: number;
  seed: number;
  maxIterations: number;
  /** Posterior clamps from judgements: candidate pair index → 1 (confirm) or 0 (reject). */
  clamps?: Map<number, number>;
}

export const DEFAULT_ESTIMATE: EstimateOptions = { uSampleSize: 300_000, seed: 42, maxIterations: 200 };

/** Lift of joint exact agreement over independence above which two fields are modelled jointly. */
const DEPENDENCE_LIFT = 5;
const MAX_JOINT_LEVELS = 64;

/** Per-field levels of random record pairs (all pairs when there are few records). */
function sampleLevels(prep: Prepared, sampleSize: number, seed: number): Uint8Array {
  const n = prep.records.length;
  const F = prep.kinds.length;
  const rand = mulberry32(seed);
  const all = (n * (n - 1)) / 2;
  const draws = Math.min(sampleSize, all);
  const out = new Uint8Array(draws * F);
  for (let s = 0; s < draws; s++) {
    let a: number;
    let b: number;
    if (all <= sampleSize) {
      a = Math.floor((1 + Math.sqrt(1 + 8 * s)) / 2);
      b = s - (a * (a - 1)) / 2;
    } else {
      a = Math.floor(rand() * n);
      b = Math.floor(rand() * (n - 1));
      if (b >= a) b++;
    }
    const va = prep.values[a] ?? [];
    const vb = prep.values[b] ?? [];
    for (let f = 0; f < F; f++) out[s * F + f] = compareField(prep.kinds[f] ?? "category", va[f] ?? [], vb[f] ?? []);
  }
  return out;
}

/** Groups strongly dependent field pairs into joint comparisons; the rest stay single. */
export function chooseComparisons(prep: Prepared, sample: Uint8Array): Comparison[] {
  const F = prep.kinds.length;
  const S = sample.length / Math.max(1, F);
  // Agreements per sampled pair, so "no other field agrees" is a cheap test.
  const agreeCount = new Uint8Array(S);
  for (let s = 0; s < S; s++) for (let f = 0; f < F; f++) if (sample[s * F + f] === 1) agreeCount[s] = (agreeCount[s] ?? 0) + 1;
  // True matches in the sample agree on both fields too. Assuming no more than 2n matching pairs
  // (clusters of five on average), the sample holds at most 4S/n of them: demand more joint
  // agreements than matches alone could explain.
  const n = prep.records.length;
  const minJoint = Math.max(5, (4 * S) / Math.max(1, n));
  const candidates: { f: number; g: number; lift: number }[] = [];
  for (let f = 0; f < F; f++) {
    for (let g = f + 1; g < F; g++) {
      // Only pairs agreeing on nothing else: random pairs include some true matches, which agree
      // on everything and would otherwise make every pair of fields look dependent.
      let both = 0;
      let onlyF = 0;
      let onlyG = 0;
      let base = 0;
      for (let s = 0; s < S; s++) {
        const af = sample[s * F + f] === 1 ? 1 : 0;
        const ag = sample[s * F + g] === 1 ? 1 : 0;
        if ((agreeCount[s] ?? 0) - af - ag > 0) continue;
        base++;
        if (af && ag) both++;
        else if (af) onlyF++;
        else if (ag) onlyG++;
      }
      const lift = (both * base) / Math.max(1, (both + onlyF) * (both + onlyG));
      if (both >= minJoint && lift >= DEPENDENCE_LIFT) candidates.push({ f, g, lift });
    }
  }
  candidates.sort((x, y) => y.lift - x.lift || x.f - y.f || x.g - y.g);
  const used = new Set<number>();
  const joint: number[][] = [];
  for (const c of candidates) {
    if (used.has(c.f) || used.has(c.g)) continue;
    if (makeComparison(prep.kinds, [c.f, c.g]).levels > MAX_JOINT_LEVELS) continue;
    used.add(c.f);
    used.add(c.g);
    joint.push([c.f, c.g]);
  }
  const out: Comparison[] = [];
  for (let f = 0; f < F; f++) {
    if (!used.has(f)) out.push(makeComparison(prep.kinds, [f]));
    const j = joint.find((x) => x[0] === f);
    if (j) out.push(makeComparison(prep.kinds, j));
  }
  return out;
}

/** Comparison-level vectors (C per pair) from field-level vectors (F per pair). */
export function toComparisonLevels(comparisons: readonly Comparison[], fieldLevels: Uint8Array, F: number): Uint8Array {
  const P = fieldLevels.length / Math.max(1, F);
  const C = comparisons.length;
  const out = new Uint8Array(P * C);
  for (let p = 0; p < P; p++) for (let c = 0; c < C; c++) out[p * C + c] = comparisonLevel(comparisons[c] ?? { members: [], strides: [], levels: 1 }, fieldLevels, p * F);
  return out;
}

function normalise(c: number[]): number[] {
  let sum = 0;
  for (let l = 1; l < c.length; l++) sum += c[l] ?? 0;
  return c.map((x, l) => (l === 0 || sum === 0 ? 0 : (x ?? 0) / sum));
}

/** Relative frequencies of values for term-frequency adjustment; values seen once are implied by "". */
function termFrequencies(prep: Prepared, f: number): Record<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const vals of prep.values) {
    for (const v of vals[f] ?? []) {
      counts.set(v.s, (counts.get(v.s) ?? 0) + 1);
      total++;
    }
  }
  const tf: Record<string, number> = { "": total === 0 ? 1 : 1 / total };
  for (const [s, c] of counts) if (c > 1) tf[s] = c / total;
  return tf;
}

/** Pseudo-count of the unsupervised m when analysts' confirmed pairs refine it. */
const PRIOR_STRENGTH = 50;

/** Confirmed pairs are labelled matches: they update m as observations on top of the EM estimate. */
function refineWithConfirmed(m: number[][], levels: Uint8Array, C: number, clamps: Map<number, number>): number[][] {
  const counts = m.map((x) => x.map((v) => v * PRIOR_STRENGTH));
  for (const [p, d] of clamps) {
    if (d !== 1) continue;
    for (let c = 0; c < C; c++) {
      const l = levels[p * C + c] ?? 0;
      const cc = counts[c];
      if (l > 0 && cc) cc[l] = (cc[l] ?? 0) + 1;
    }
  }
  return counts.map(normalise);
}

/** Estimates a model from prepared records, candidate pairs and their field-level vectors. */
export function estimateModel(
  prep: Prepared,
  fields: readonly FieldSpec[],
  pairs: Uint32Array,
  vectors: Uint8Array,
  opts: EstimateOptions = DEFAULT_ESTIMATE,
): ErModel {
  const F = fields.length;
  const n = prep.records.length;
  const sample = sampleLevels(prep, opts.uSampleSize, opts.seed);
  const comparisons = chooseComparisons(prep, sample);
  const C = comparisons.length;
  const sampleC = toComparisonLevels(comparisons, sample, F);
  const u = comparisons.map((c) => new Array<number>(c.levels).fill(0.5));
  for (let s = 0; s < sampleC.length / Math.max(1, C); s++) {
    for (let c = 0; c < C; c++) {
      const l = sampleC[s * C + c] ?? 0;
      const uc = u[c];
      if (l > 0 && uc) uc[l] = (uc[l] ?? 0) + 1;
    }
  }
  const uN = u.map(normalise);
  const start = comparisons.map(initialM);
  const sessions = trainSessions(prep, comparisons, uN, start, opts.maxIterations, opts.seed);
  const candidateLevels = toComparisonLevels(comparisons, vectors, F);
  let m = sessions.m;
  let matches = sessions.matches;
  let iterations = sessions.iterations;
  let converged = sessions.converged;
  if (matches === undefined) {
    // No selective comparison to train on: classic EM on the candidates, u fitted as nuisance.
    const em = runEm(comparisons, uN, candidateLevels, opts.maxIterations, opts.clamps);
    m = em.m;
    matches = em.expectedMatches;
    iterations = em.iterations;
    converged = em.converged;
  }
  if (opts.clamps && opts.clamps.size > 0) m = refineWithConfirmed(m, candidateLevels, C, opts.clamps);
  const allPairs = Math.max(1, (n * (n - 1)) / 2);
  const kinds = fields.map((f) => f.kind);
  const params: FieldParams[] = comparisons.map((c, i) => {
    const fp: FieldParams = {
      fields: c.members.map((f) => fields[f]?.name ?? ""),
      kinds: c.members.map((f) => kinds[f] ?? "category"),
      levels: comparisonLabels(kinds, c),
      m: m[i] ?? [],
      u: uN[i] ?? [],
    };
    const only = c.members.length === 1 ? c.members[0] : undefined;
    if (only !== undefined && usesTermFrequency(kinds[only] ?? "category")) fp.tf = termFrequencies(prep, only);
    return fp;
  });
  return {
    version: 1,
    lambda: Math.min(0.5, Math.max(1e-12, matches / allPairs)),
    fields: fields.map((f) => ({ name: f.name, kind: f.kind })),
    comparisons: params,
    trainedOn: { records: n, candidatePairs: pairs.length / 2, emIterations: iterations, converged },
  };
}
