/** Seeded pseudo-random numbers (mulberry32): reproducible sampling, random removal, Louvain order. */
export type Rng = () => number;

/** A uniform [0, 1) generator from a 32-bit seed. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
