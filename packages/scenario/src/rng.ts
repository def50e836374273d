/**
 * Seeded randomness for the scenario. Every generated thing draws from a stream derived from the
 * scenario seed and a label (and an index for population members), so one source's rows never
 * shift another's and a person looks the same wherever they appear — without keeping the
 * population in memory.
 */
import { mulberry32, type Rng } from "@vizier/model";

/** FNV-1a over a label, mixed with the seed: a 32-bit seed for a derived stream. */
export function deriveSeed(seed: number, label: string, index = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  const s = `${label}#${index}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

/** Convenience draws over one mulberry32 stream. */
export class Rand {
  private readonly next: Rng;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A stream derived from a scenario seed and a label (and optionally an index). */
  static of(seed: number, label: string, index = 0): Rand {
    return new Rand(deriveSeed(seed, label, index));
  }

  float(): number {
    return this.next();
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.next() * xs.length)];
    if (x === undefined) throw new Error("pick from an empty list");
    return x;
  }

  /** Log-uniform amount, for money that spans orders of magnitude. */
  logUniform(lo: number, hi: number): number {
    return Math.exp(this.uniform(Math.log(lo), Math.log(hi)));
  }

  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  letters(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String.fromCharCode(65 + Math.floor(this.next() * 26));
    return s;
  }
}
