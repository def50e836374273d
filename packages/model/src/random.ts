/** Seeded pseudo-random numbers shared by the analytics packages (reproducible runs, no globals). */
export type Rng = () => number;

/** Mulberry32 (T. Ettinger, 2017): a uniform [0, 1) generator from a 32-bit seed. */
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
