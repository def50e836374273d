import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allPairs, candidatePairs } from "./blocking";

/** Naive reference: every pair sharing a key whose block is within the cap. */
function naive(keys: number[][], cap: number): Set<string> {
  const blocks = new Map<number, Set<number>>();
  keys.forEach((ks, i) => ks.forEach((k) => {
    if (!blocks.has(k)) blocks.set(k, new Set());
    blocks.get(k)?.add(i);
  }));
  const out = new Set<string>();
  for (const members of blocks.values()) {
    if (members.size < 2 || members.size > cap) continue;
    const m = [...members].sort((a, b) => a - b);
    for (let x = 0; x < m.length; x++) for (let y = x + 1; y < m.length; y++) out.add(`${m[x]},${m[y]}`);
  }
  return out;
}

const asSet = (p: Uint32Array): Set<string> => {
  const s = new Set<string>();
  for (let i = 0; i < p.length; i += 2) s.add(`${p[i]},${p[i + 1]}`);
  return s;
};

describe("candidatePairs", () => {
  it("equals the naive block-and-cap reference, without duplicates", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }), { maxLength: 60 }), fc.integer({ min: 2, max: 8 }), (keys, cap) => {
        const got = candidatePairs(keys, { maxBlockSize: cap, allPairsUpTo: 0 });
        const set = asSet(got);
        expect(set.size).toBe(got.length / 2);
        expect(set).toEqual(naive(keys, cap));
        for (let i = 0; i < got.length; i += 2) expect(got[i]).toBeLessThan(got[i + 1] as number);
      }),
      { seed: 31, numRuns: 200 },
    );
  });
  it("compares small inputs exhaustively", () => {
    expect(asSet(candidatePairs([[], [], []], { maxBlockSize: 10, allPairsUpTo: 10 }))).toEqual(new Set(["0,1", "0,2", "1,2"]));
    expect(allPairs(1)).toHaveLength(0);
  });
});
