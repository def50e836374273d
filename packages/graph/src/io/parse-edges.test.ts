import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isVizierError } from "@vizier/model";
import { parseEdgeList } from "./parse-edges";
import { splitCsvLine } from "./csv-line";

function codeOf(f: () => unknown): string | undefined {
  try { f(); } catch (e) { return isVizierError(e) ? e.code : "other"; }
  return undefined;
}

describe("parseEdgeList", () => {
  it("reads whitespace lines without header, ids in order of first appearance", () => {
    const p = parseEdgeList("b a 2\n# comment\n\na c\t3.5\r\n");
    expect(p.ids).toEqual(["b", "a", "c"]);
    expect(Array.from(p.sources)).toEqual([0, 1]);
    expect(Array.from(p.targets)).toEqual([1, 2]);
    expect(p.weighted).toBe(true);
    expect(Array.from(p.weights ?? [])).toEqual([2, 3.5]);
  });

  it("reads unweighted whitespace lines", () => {
    const p = parseEdgeList("1 2\n2 3\n");
    expect(p.weighted).toBe(false);
    expect(p.weights).toBeUndefined();
    expect(p.ids).toEqual(["1", "2", "3"]);
  });

  it("reads CSV with a named header in any column order, and a BOM", () => {
    const p = parseEdgeList("\uFEFFweight,target,source\n4,y,x\n5,z,y\n");
    expect(p.ids).toEqual(["x", "y", "z"]);
    expect(Array.from(p.sources)).toEqual([0, 1]);
    expect(Array.from(p.weights ?? [])).toEqual([4, 5]);
  });

  it("accepts from,to headers and quoted ids containing commas and quotes", () => {
    const p = parseEdgeList('from,to\n"Smith, J.","O""Brien"\n');
    expect(p.ids).toEqual(["Smith, J.", 'O"Brien']);
  });

  it("keeps numeric-looking ids distinct when spelled differently", () => {
    const p = parseEdgeList("007 7\n7 0\n");
    expect(p.ids).toEqual(["007", "7", "0"]);
  });

  it("parses decimal weights exactly as Number() does", () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (w) => {
      const text = `a b ${w}\n`;
      const p = parseEdgeList(text);
      expect(p.weights?.[0]).toBe(Number(String(w)));
    }), { seed: 7, numRuns: 300 });
  });

  it("rejects short rows and non-numeric weights with INVALID_INPUT", () => {
    expect(codeOf(() => parseEdgeList("a b 1\nc\n"))).toBe("INVALID_INPUT");
    expect(codeOf(() => parseEdgeList("source,target,weight\na,b,heavy\n"))).toBe("INVALID_INPUT");
    expect(codeOf(() => parseEdgeList("source,weight\na,1\n"))).toBe("INVALID_INPUT");
  });
});

describe("splitCsvLine", () => {
  it("splits with RFC 4180 quoting", () => {
    expect(splitCsvLine('a,"b,c",,"d ""e"""')).toEqual(["a", "b,c", "", 'd "e"']);
  });
});
