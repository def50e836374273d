import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvParser, type CsvRecord } from "./csv-parser";

function parseAll(text: string, d = ",", cuts: number[] = []): CsvRecord[] {
  const p = new CsvParser(d);
  const out: CsvRecord[] = [];
  let prev = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    p.push(text.slice(prev, c), out);
    prev = c;
  }
  p.push(text.slice(prev), out);
  p.end(out);
  return out;
}

describe("CsvParser", () => {
  it("parses plain and quoted fields (RFC 4180)", () => {
    const r = parseAll('a,b,c\n1,"x, y","he said ""hi"""\n');
    expect(r.map((x) => x.fields)).toEqual([["a", "b", "c"], ["1", "x, y", 'he said "hi"']]);
  });
  it("numbers records by the line they start on, across multi-line fields, CRLF and blank lines", () => {
    const r = parseAll('h1,h2\r\n1,"line one\r\nline two"\r\n\r\n2,x\r\n3,"a\nb\nc"\n4,y');
    expect(r.map((x) => [x.line, x.fields])).toEqual([
      [1, ["h1", "h2"]], [2, ["1", "line one\r\nline two"]], [5, ["2", "x"]], [6, ["3", "a\nb\nc"]], [9, ["4", "y"]],
    ]);
  });
  it("splits unquoted lines as String.split would, with or without delimiters further on", () => {
    const lines = ["a,b,,c", ",", "", "x", "1,2", ",lead", "trail,", "é,ü;x"];
    const text = lines.join("\n") + "\nlast\n" + "solo\n".repeat(3) + "p,q";
    const want = [...lines, "last", "solo", "solo", "solo", "p,q"].filter((l) => l !== "").map((l) => l.split(","));
    expect(parseAll(text).map((x) => x.fields)).toEqual(want);
    expect(parseAll(text, ",", [3, 9, 10, 30]).map((x) => x.fields)).toEqual(want);
    expect(parseAll(text.replace(/,/g, "\t"), "\t").map((x) => x.fields)).toEqual(want);
    // One column and no delimiter anywhere: read in one pass (100k lines well under a second).
    const t0 = performance.now();
    expect(parseAll("x\n".repeat(100_000))).toHaveLength(100_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
  it("refuses a delimiter that is not one character", () => {
    expect(() => new CsvParser("")).toThrow(/one character/);
    expect(() => new CsvParser(";;")).toThrow(/one character/);
  });
  it("keeps sloppy quotes literally", () => {
    expect(parseAll('a,b\nab"c,"q"rest\n').map((x) => x.fields)[1]).toEqual(['ab"c', "qrest"]);
  });
  it("reports an unclosed quote at end of input", () => {
    const r = parseAll('a,b\n1,"open\n2,3\n');
    expect(r[1]!.error).toMatch(/unclosed quote/);
    expect(r[1]!.line).toBe(2);
  });
  it("keeps empty trailing fields", () => {
    expect(parseAll("a,b,c\n1,,\n").map((x) => x.fields)[1]).toEqual(["1", "", ""]);
    expect(parseAll('a,b\n"x",""\n').map((x) => x.fields)[1]).toEqual(["x", ""]);
  });
  it("gives the same records however the text is cut into chunks", () => {
    const field = fc.oneof(fc.string({ maxLength: 6 }).map((s) => s.replace(/[",\r\n]/g, "")),
      fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`));
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).map((f) => f.join(","));
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(200), { maxLength: 6 }), fc.boolean(), (rows, cuts, crlf) => {
      const text = rows.join(crlf ? "\r\n" : "\n") + "\n";
      const whole = parseAll(text);
      const chunked = parseAll(text, ",", cuts.map((c) => c % (text.length + 1)));
      expect(chunked).toEqual(whole);
    }), { seed: 42, numRuns: 300 });
  });
});
