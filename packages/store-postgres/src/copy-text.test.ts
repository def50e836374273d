import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { copyField } from "./copy-text";
import { fold, prefixTsQuery } from "./search-sql";

/** PostgreSQL's text-format decoding of one field (the escapes copyField produces). */
function decode(field: string): string {
  return field.replace(/\\([\\tnr])/g, (_, c: string) => ({ "\\": "\\", t: "\t", n: "\n", r: "\r" })[c] ?? c);
}

describe("COPY text encoding", () => {
  it("round-trips any string without NUL and never emits a raw separator", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }).filter((s) => !s.includes("\0")), (s) => {
      const f = copyField(s);
      expect(/[\t\n\r]/.test(f)).toBe(false);
      expect(decode(f)).toBe(s);
    }), { seed: 42, numRuns: 2000 });
  });

  it("replaces NUL, which PostgreSQL text cannot hold", () => {
    expect(copyField("a\0b")).toBe("a\uFFFDb");
  });
});

describe("search folding", () => {
  it("folds case, diacritics and compatibility forms", () => {
    expect(fold("José GÓMEZ ﬁnance")).toBe("jose gomez finance");
  });

  it("builds a prefix tsquery from words only, so query syntax cannot be injected", () => {
    expect(prefixTsQuery("Gómez arang")).toBe("gomez:* & arang:*");
    expect(prefixTsQuery('" OR * NEAR( !&|:')).toBe("or:* & near:*");
    expect(prefixTsQuery("  ")).toBe("");
    expect(prefixTsQuery("Aydin yılmaz")).toBe("(aydin:* | aydın:*) & yılmaz:*");
  });
});
