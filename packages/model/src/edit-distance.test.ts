import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { damerauLevenshtein } from "./edit-distance";

/** The textbook optimal-string-alignment distance, no early exit: the reference for damerauLevenshtein. */
function osa(a: string, b: string): number {
  const s = [...a], t = [...b];
  const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[s.length]![t.length]!;
}

describe("Damerau-Levenshtein (optimal string alignment)", () => {
  it("equals the reference up to the bound, and says 'more' beyond it", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "ı", "é"), maxLength: 9 });
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
      const ref = osa(a, b);
      expect(damerauLevenshtein(a, b, max)).toBe(ref <= max ? ref : max + 1);
    }), { seed: 20261123, numRuns: 2000 });
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(damerauLevenshtein("jnasen", "jansen", 2)).toBe(1);
    expect(damerauLevenshtein("jnasen", "jansen")).toBe(1);
  });
});

