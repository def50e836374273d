/** Comparison vectors: one level per field for each candidate pair (the hot loop). */
import type { Prepared } from "./prepare";
import { compareField } from "./compare";

/** Levels as a flat Uint8Array, pair p field f at p * F + f. */
export function comparisonVectors(prep: Prepared, pairs: Uint32Array): Uint8Array {
  const F = prep.kinds.length;
  const P = pairs.length / 2;
  const out = new Uint8Array(P * F);
  const { kinds, values } = prep;
  for (let p = 0; p < P; p++) {
    const va = values[pairs[2 * p] ?? 0] ?? [];
    const vb = values[pairs[2 * p + 1] ?? 0] ?? [];
    for (let f = 0; f < F; f++) {
      out[p * F + f] = compareField(kinds[f] ?? "category", va[f] ?? [], vb[f] ?? []);
    }
  }
  return out;
}
