import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlockPacker } from "./pack";
import { searchPiece } from "./schema";

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

  it("builds the search text searchPiece gives value by value, though it decides per property code", () => {
    const props: Array<[string, string]> = [["firstName", "name"], ["name", "name"], ["secondName", "name"], ["passportNumber", "identifier"],
      ["phone", "phone"], ["email", "email"], ["nationality", "country"], ["birthDate", "date"], ["owner", "entity"], ["notes", "text"]];
    const value = fc.oneof(fc.string(), fc.constantFrom("AB-12.3", "06 1234 5678", "a/b", "x.y@z.nl", "Ayşe", ""));
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(props.length - 1), value), { maxLength: 12 }), (values) => {
      const p = new BlockPacker();
      for (let round = 0; round < 2; round++) { // the second block reuses the codes' decisions
        p.start("Person");
        const pieces: string[] = [];
        for (const [k, v] of values) {
          const [prop, type] = props[k]!;
          p.add(k, prop, type, v, v);
          const piece = searchPiece(prop, type, v);
          if (piece !== null) pieces.push(piece);
        }
        // Pieces joined by a space, none before the first non-empty text (the stored rule).
        expect(p.searchText()).toBe(pieces.reduce((t, x) => (t ? `${t} ${x}` : x), "") || null);
      }
    }), { seed: 20261123, numRuns: 300 });
  });
});
