import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { damerauLevenshtein, jaroWinkler, soundex } from "./similarity";

describe("jaroWinkler", () => {
  // Reference values from Winkler (1990) and the Wikipedia worked examples.
  it.each([
    ["martha", "marhta", 0.9611],
    ["dwayne", "duane", 0.84],
    ["dixon", "dicksonx", 0.8133],
    ["abc", "xyz", 0],
  ])("%s ~ %s = %f", (a, b, v) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(v, 3);
  });
  it("is symmetric and bounded", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const x = jaroWinkler(a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(Math.abs(x - jaroWinkler(b, a))).toBeLessThan(1e-12);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe("damerauLevenshtein", () => {
  it("counts transpositions as one edit", () => {
    expect(damerauLevenshtein("ca", "ac")).toBe(1);
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3);
    expect(damerauLevenshtein("19151111", "19151121")).toBe(1);
  });
  it("stops early beyond max", () => {
    expect(damerauLevenshtein("abcdef", "uvwxyz", 1)).toBe(2);
  });
  it("agrees with a naive full-matrix implementation", () => {
    const naive = (a: string, b: string): number => {
      const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
          d[i]![j] = v;
        }
      }
      return d[a.length]![b.length]!;
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 8, unit: fc.constantFrom("a", "b", "c") }), fc.string({ maxLength: 8, unit: fc.constantFrom("a", "b", "c") }), (a, b) => {
        expect(damerauLevenshtein(a, b)).toBe(naive(a, b));
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe("soundex", () => {
  it.each([
    ["robert", "r163"],
    ["rupert", "r163"],
    ["tymczak", "t522"],
    ["pfister", "p236"],
    ["ashcraft", "a261"],
  ])("%s → %s", (s, code) => {
    expect(soundex(s)).toBe(code);
  });
});
