/** Comparison vectors: one level per field for each candidate pair (the hot loop). */
import type { Prepared } from "./prepare";
import type { PVal } from "./normalize";
import { comparatorFor, compareWith } from "./compare";

const NONE: PVal[] = [];

/** Levels as a flat Uint8Array, pair p field f at p * F + f. */
export function comparisonVectors(prep: Prepared, pairs: Uint32Array): Uint8Array {
  const F = prep.kinds.length;
  const P = pairs.length / 2;
  const out = new Uint8Array(P * F);
  const cmps = prep.kinds.map(comparatorFor);
  const values = prep.values;
  for (let p = 0; p < P; p++) {
    const va = values[pairs[2 * p] as number] as PVal[][];
    const vb = values[pairs[2 * p + 1] as number] as PVal[][];
    const o = p * F;
    for (let f = 0; f < F; f++) out[o + f] = compareWith(cmps[f] as (a: PVal, b: PVal) => number, va[f] ?? NONE, vb[f] ?? NONE);
  }
  return out;
}
