import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, identWords } from "./search-sql";

describe("identWords: identifiers as the word index sees them", () => {
  it("splits at anything but letters and digits and adds the words run together", () => {
    expect(identWords("ab-12.3456")).toBe("ab 12 3456 ab123456");
    expect(identWords("+31612345678")).toBe("31612345678");
    expect(identWords("pia.phone@example.org")).toBe("pia phone example org piaphoneexampleorg");
    expect(identWords("n56616131")).toBe("n56616131");
    expect(identWords("--")).toBe("");
  });

  it("holds every word a query for the value asks for, for any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme-composite", maxLength: 30 }), (raw) => {
      const folded = fold(raw);
      const indexed = new Set(identWords(folded).split(" "));
      for (const w of folded.match(/[\p{L}\p{N}]+/gu) ?? []) expect(indexed.has(w)).toBe(true);
    }));
  });
});
