/** Seeded random test graphs as `source target weight` lines (ids deliberately not 0..n−1). */
import { mulberry32, permutation } from "../core/random";

export interface RandomGraphSpec {
  n: number;
  /** Probability of each extra edge. */
  p: number;
  seed: number;
  directed: boolean;
  /** Add a spanning tree (undirected) or a Hamiltonian cycle (directed) so the graph is connected. */
  connected: boolean;
}

/** Erdős–Rényi edges (plus an optional spanning structure) with integer weights 1..5. */
export function randomEdgeLines(spec: RandomGraphSpec): string[] {
  const rng = mulberry32(spec.seed);
  const label = permutation(spec.n, rng);
  const id = (i: number): string => String((label[i] as number) * 7 + 3);
  const lines: string[] = [];
  const w = (): number => 1 + Math.floor(rng() * 5);
  if (spec.connected) {
    for (let i = 1; i < spec.n; i++) {
      const j = spec.directed ? i - 1 : Math.floor(rng() * i);
      lines.push(`${id(j)} ${id(i)} ${w()}`);
    }
    if (spec.directed) lines.push(`${id(spec.n - 1)} ${id(0)} ${w()}`);
  }
  for (let i = 0; i < spec.n; i++) {
    for (let j = spec.directed ? 0 : i + 1; j < spec.n; j++) {
      if (i !== j && rng() < spec.p) lines.push(`${id(i)} ${id(j)} ${w()}`);
    }
  }
  // Shuffle so node first-appearance order differs from label order.
  const order = permutation(lines.length, rng);
  return Array.from(order, (k) => lines[k] as string);
}
