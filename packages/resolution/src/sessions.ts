/**
 * Splink-style EM training sessions (Linacre et al., IJPDS 2022): for each selective comparison,
 * take record pairs that agree exactly on it (sampled within groups of equal values, independent
 * of the candidate blocking) and run EM over the *other* comparisons with u held at its
 * random-sample value. Pairs agreeing on one field are, apart from the matches among them, random
 * with respect to the independent other fields, so fixed u is right and EM cannot mistake "same
 * place" for "same person". Each comparison's m averages the sessions it was free in. The number
 * of matches follows from each session: matches found there / share of matches agreeing exactly
 * on the session's comparison.
 */
import type { Prepared } from "./prepare";
import type { Comparison } from "./layout";
import { compareField } from "./compare";
import { comparisonLevel } from "./layout";
import { mulberry32 } from "./random";
import { runEm } from "./em";

export interface SessionResult {
  m: number[][];
  /** Estimated number of matching pairs among all pairs, or undefined when no session could tell. */
  matches: number | undefined;
  iterations: number;
  converged: boolean;
}

/** Comparisons agreeing more often than this on random pairs are too unselective to train on. */
const MAX_SESSION_U = 0.02;
const SESSION_PAIRS = 50_000;
/** The most selective comparisons train; a handful is enough for every comparison to be free in one. */
const MAX_SESSIONS = 6;

/** Level index of "every member field agrees exactly". */
export function exactLevel(c: Comparison): number {
  return c.strides.reduce((s, x) => s + x, 0);
}

function groupKey(prep: Prepared, c: Comparison, i: number): string | undefined {
  const parts: string[] = [];
  for (const f of c.members) {
    const v = prep.values[i]?.[f]?.[0];
    if (!v) return undefined;
    parts.push(v.s);
  }
  return parts.join("\u0001");
}

/** Pairs agreeing on `c`'s first values: all of them, or a proportional sample per group. */
function sessionPairs(prep: Prepared, c: Comparison, budget: number, seed: number): { pairs: number[]; total: number } {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < prep.records.length; i++) {
    const k = groupKey(prep, c, i);
    if (k === undefined) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  }
  let total = 0;
  for (const g of groups.values()) total += (g.length * (g.length - 1)) / 2;
  const rand = mulberry32(seed);
  const pairs: number[] = [];
  for (const g of groups.values()) {
    const k = g.length;
    if (k < 2) continue;
    const inGroup = (k * (k - 1)) / 2;
    if (total <= budget) {
      for (let x = 0; x < k; x++) for (let y = x + 1; y < k; y++) pairs.push(g[x] ?? 0, g[y] ?? 0);
      continue;
    }
    const want = Math.round((budget * inGroup) / total + rand() - 0.5);
    for (let s = 0; s < want; s++) {
      const x = Math.floor(rand() * k);
      let y = Math.floor(rand() * (k - 1));
      if (y >= x) y++;
      pairs.push(g[x] ?? 0, g[y] ?? 0);
    }
  }
  return { pairs, total };
}

/** Runs one session per selective comparison and combines them. */
export function trainSessions(prep: Prepared, comparisons: readonly Comparison[], u: readonly number[][], initialM: readonly number[][], maxIterations: number, seed: number): SessionResult {
  const F = prep.kinds.length;
  const C = comparisons.length;
  const sums = comparisons.map((c) => new Array<number>(c.levels).fill(0));
  const counts = new Array<number>(C).fill(0);
  const found: { c: number; matches: number }[] = [];
  let iterations = 0;
  let converged = true;
  const chosen = comparisons
    .map((c, ci) => ({ ci, uExact: u[ci]?.[exactLevel(c)] ?? 1 }))
    .filter((x) => x.uExact <= MAX_SESSION_U && C >= 2)
    .sort((x, y) => x.uExact - y.uExact || x.ci - y.ci)
    .slice(0, MAX_SESSIONS)
    .map((x) => x.ci);
  comparisons.forEach((c, ci) => {
    if (!chosen.includes(ci)) return;
    const { pairs, total } = sessionPairs(prep, c, SESSION_PAIRS, seed + ci);
    const P = pairs.length / 2;
    if (P < 10) return;
    const field = new Uint8Array(F);
    const levels = new Uint8Array(P * C);
    for (let p = 0; p < P; p++) {
      const va = prep.values[pairs[2 * p] ?? 0] ?? [];
      const vb = prep.values[pairs[2 * p + 1] ?? 0] ?? [];
      for (let f = 0; f < F; f++) field[f] = compareField(prep.kinds[f] ?? "category", va[f] ?? [], vb[f] ?? []);
      // The session's own comparison is fixed by construction: level 0 leaves it out of EM.
      for (let k = 0; k < C; k++) levels[p * C + k] = k === ci ? 0 : comparisonLevel(comparisons[k] ?? c, field, 0);
    }
    const em = runEm(comparisons, u, levels, maxIterations, undefined, true, initialM);
    iterations = Math.max(iterations, em.iterations);
    converged &&= em.converged;
    // A session that finds (almost) no matches says nothing about m.
    if (em.expectedMatches < 5) return;
    for (let k = 0; k < C; k++) {
      if (k === ci) continue;
      const mk = em.m[k] ?? [];
      const sk = sums[k];
      if (!sk) continue;
      for (let l = 0; l < mk.length; l++) sk[l] = (sk[l] ?? 0) + (mk[l] ?? 0);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    found.push({ c: ci, matches: (em.expectedMatches / P) * total });
  });
  const m = comparisons.map((_, k) => ((counts[k] ?? 0) > 0 ? (sums[k] ?? []).map((x) => x / (counts[k] ?? 1)) : [...(initialM[k] ?? [])]));
  // Matches agreeing exactly on c, divided by the share of matches that do: all matches.
  const estimates = found
    .map(({ c, matches }) => {
      const share = m[c]?.[exactLevel(comparisons[c] ?? { members: [], strides: [], levels: 1 })] ?? 0;
      return (counts[c] ?? 0) > 0 && share >= 0.05 ? matches / share : undefined;
    })
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b);
  const matches = estimates.length === 0 ? undefined : estimates[Math.floor(estimates.length / 2)];
  return { m, matches, iterations, converged };
}
