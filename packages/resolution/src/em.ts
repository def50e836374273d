/**
 * Expectation-maximisation for the two-class Fellegi-Sunter mixture (Winkler 1988; A. P. Dempster,
 * N. M. Laird, D. B. Rubin, JRSS B 39, 1977), run over distinct comparison patterns with counts.
 */
import type { Comparison } from "./layout";

export interface EmResult {
  m: number[][];
  expectedMatches: number;
  iterations: number;
  converged: boolean;
}

function normalise(c: number[]): number[] {
  let sum = 0;
  for (let l = 1; l < c.length; l++) sum += c[l] ?? 0;
  return c.map((x, l) => (l === 0 || sum === 0 ? 0 : (x ?? 0) / sum));
}

/** Initial m: most matches agree exactly on everything (level index 1 per member field). */
export function initialM(c: Comparison): number[] {
  const m = new Array<number>(c.levels).fill(0);
  for (let l = 1; l < c.levels; l++) {
    // Each member level above exact halves the mass (a rough monotone start).
    let worse = 0;
    for (let i = 0; i < c.members.length; i++) {
      const li = Math.floor(l / (c.strides[i] ?? 1)) % Math.round((c.strides[i - 1] ?? c.levels) / (c.strides[i] ?? 1));
      worse += li === 0 ? 0 : li - 1;
    }
    m[l] = 2 ** (-3 * worse);
  }
  return normalise(m);
}

/**
 * Fits m on comparison-level vectors. With `fixU` the non-match distribution stays at the given u
 * (Splink's training sessions); otherwise it is fitted too, as a nuisance parameter.
 */
export function runEm(comparisons: readonly Comparison[], u: readonly number[][], levels: Uint8Array, maxIterations: number, clamps?: Map<number, number>, fixU = false, startM?: readonly number[][]): EmResult {
  const C = comparisons.length;
  const P = levels.length / Math.max(1, C);
  const index = new Map<string, number>();
  const patterns: Uint8Array[] = [];
  const free: number[] = [];
  const fixedMatch: number[] = [];
  const fixedNon: number[] = [];
  for (let p = 0; p < P; p++) {
    const v = levels.subarray(p * C, p * C + C);
    const key = v.join(",");
    let k = index.get(key);
    if (k === undefined) {
      k = patterns.length;
      index.set(key, k);
      patterns.push(v.slice());
      free.push(0);
      fixedMatch.push(0);
      fixedNon.push(0);
    }
    const clamp = clamps?.get(p);
    if (clamp === 1) fixedMatch[k] = (fixedMatch[k] ?? 0) + 1;
    else if (clamp === 0) fixedNon[k] = (fixedNon[k] ?? 0) + 1;
    else free[k] = (free[k] ?? 0) + 1;
  }
  let m = startM ? startM.map((x) => [...x]) : comparisons.map(initialM);
  let uc = u.map((x) => [...x]);
  let lambda = 0.1;
  let iterations = 0;
  let converged = false;
  const post = new Float64Array(patterns.length);
  for (; iterations < maxIterations && !converged; iterations++) {
    let expMatches = 0;
    let total = 0;
    for (let k = 0; k < patterns.length; k++) {
      const pat = patterns[k] ?? new Uint8Array(0);
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      for (let c = 0; c < C; c++) {
        const l = pat[c] ?? 0;
        if (l === 0) continue;
        lm += Math.log(Math.max(m[c]?.[l] ?? 0, 1e-300));
        lu += Math.log(Math.max(uc[c]?.[l] ?? 0, 1e-300));
      }
      post[k] = 1 / (1 + Math.exp(lu - lm));
      expMatches += (free[k] ?? 0) * (post[k] ?? 0) + (fixedMatch[k] ?? 0);
      total += (free[k] ?? 0) + (fixedMatch[k] ?? 0) + (fixedNon[k] ?? 0);
    }
    const mNew = comparisons.map((c) => new Array<number>(c.levels).fill(0.01));
    const uNew = comparisons.map((c) => new Array<number>(c.levels).fill(0.01));
    for (let k = 0; k < patterns.length; k++) {
      const pat = patterns[k] ?? new Uint8Array(0);
      const wm = (free[k] ?? 0) * (post[k] ?? 0) + (fixedMatch[k] ?? 0);
      const wu = (free[k] ?? 0) * (1 - (post[k] ?? 0)) + (fixedNon[k] ?? 0);
      for (let c = 0; c < C; c++) {
        const l = pat[c] ?? 0;
        if (l === 0) continue;
        const mc = mNew[c];
        const ucn = uNew[c];
        if (mc) mc[l] = (mc[l] ?? 0) + wm;
        if (ucn) ucn[l] = (ucn[l] ?? 0) + wu;
      }
    }
    const mN = mNew.map(normalise);
    const lambdaNew = total === 0 ? lambda : Math.min(0.999, Math.max(1e-9, expMatches / total));
    let delta = Math.abs(lambdaNew - lambda);
    for (let c = 0; c < C; c++) for (let l = 1; l < (mN[c]?.length ?? 0); l++) delta = Math.max(delta, Math.abs((mN[c]?.[l] ?? 0) - (m[c]?.[l] ?? 0)));
    m = mN;
    if (!fixU) uc = uNew.map(normalise);
    lambda = lambdaNew;
    converged = delta < 1e-7;
  }
  let expectedMatches = 0;
  for (let k = 0; k < patterns.length; k++) expectedMatches += (free[k] ?? 0) * (post[k] ?? 0) + (fixedMatch[k] ?? 0);
  return { m, expectedMatches, iterations, converged };
}
