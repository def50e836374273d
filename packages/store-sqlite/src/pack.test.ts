import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlockPacker } from "./pack";

describe("BlockPacker", () => {
  it("packs the body as JSON.stringify would, whatever the characters (quotes, controls, lone surrogates)", () => {
    const tricky = ["plain", "Acme \"B.V.\"", "back\\slash", "tab\there", "\u0000", "\u2028", "\ud800", "x\udfffy", "😀", "Ayşe Yılmaz", ""];
    fc.assert(fc.property(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: "binary" })), fc.boolean()), { maxLength: 8 }), (values) => {
      const p = new BlockPacker();
      p.start("Person");
      const want: Array<[number, string, string?]> = [];
      values.forEach(([v, changed], i) => {
        const original = changed ? `${v} ` : v;
        p.add(i, "name", "name", v, original);
        want.push(changed ? [i, v, original] : [i, v]);
      });
      expect(p.packedBody()).toBe(JSON.stringify(want));
      expect(p.count).toBe(values.length);
    }), { seed: 20261123, numRuns: 300 });
  });

  it("indexes identifiers and phones also without separators", () => {
    const p = new BlockPacker();
    p.start("Person");
    p.add(1, "passportNumber", "identifier", "AB-12.3", "AB-12.3");
    p.add(2, "phone", "phone", "+31612345678", "06-12345678");
    p.add(3, "nationality", "country", "nl", "NL");
    expect(p.searchText()).toBe("AB-12.3 AB123 +31612345678");
  });
});
