/** Seeded pseudo-random numbers (mulberry32): reproducible sampling, random removal, Louvain order. */
import { mulberry32, type Rng } from "@vizier/model";

export { mulberry32, type Rng };

/** A random permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = p[i] as number; p[i] = p[j] as number; p[j] = t;
  }
  return p;
}

/** k distinct values from 0..n-1 (partial Fisher–Yates). */
export function sampleWithoutReplacement(n: number, k: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = p[i] as number; p[i] = p[j] as number; p[j] = t;
  }
  return p.slice(0, k);
}
