/**
 * Synthetic scale-free graphs for the benchmark: Barabási–Albert preferential attachment
 * (A.-L. Barabási & R. Albert 1999, Science 286:509), each new node linking to k distinct earlier
 * nodes drawn proportionally to degree. Seeded, so every run measures the same files.
 *   node scripts/run-ts.mjs bench/graph/generate.ts <nodes> <k> <out.txt> [seed]
 */
import { createWriteStream } from "node:fs";
import { mulberry32 } from "../../packages/graph/src/core/random";

/** Writes `u v` lines; returns the number of edges. */
export async function generateBA(n: number, k: number, out: string, seed = 42): Promise<number> {
  const rng = mulberry32(seed);
  const ends = new Int32Array(2 * n * k + 2 * k * k);
  let len = 0;
  const stream = createWriteStream(out);
  let buf: string[] = [];
  let edges = 0;
  const flush = async (): Promise<void> => {
    if (!stream.write(buf.join(""))) await new Promise<void>((r) => stream.once("drain", () => r()));
    buf = [];
  };
  // Start from a clique on k+1 nodes so every early node has degree ≥ k.
  for (let i = 0; i <= k; i++) for (let j = 0; j < i; j++) { buf.push(`${i} ${j}\n`); ends[len++] = i; ends[len++] = j; edges++; }
  const chosen = new Int32Array(k);
  for (let v = k + 1; v < n; v++) {
    let c = 0;
    while (c < k) {
      const t = ends[Math.floor(rng() * len)] as number;
      let dup = false;
      for (let i = 0; i < c; i++) if (chosen[i] === t) dup = true;
      if (!dup) chosen[c++] = t;
    }
    for (let i = 0; i < k; i++) { const t = chosen[i] as number; buf.push(`${v} ${t}\n`); ends[len++] = v; ends[len++] = t; edges++; }
    if (buf.length > 65536) await flush();
  }
  await flush();
  await new Promise<void>((r) => stream.end(() => r()));
  return edges;
}

if (process.argv[1]?.endsWith("generate.mjs")) {
  const [n, k, out, seed] = process.argv.slice(2);
  if (!n || !k || !out) throw new Error("usage: generate.ts <nodes> <k> <out.txt> [seed]");
  const m = await generateBA(Number(n), Number(k), out, seed === undefined ? 42 : Number(seed));
  console.log(`${out}: ${n} nodes, ${m} edges`);
}
