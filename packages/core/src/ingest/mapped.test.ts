import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBatch, encodeBatch, type MappedBatch, type MappedRow } from "./mapped";

const text = fc.string({ unit: fc.constantFrom("a", "é", " ", "\u0000", "\u0001", ",", "\"", "𝄞", "\uD800"), maxLength: 6 });
const value = fc.oneof(
  fc.tuple(text, text, text),
  fc.tuple(text, text, text, text),
) as fc.Arbitrary<[string, string, string] | [string, string, string, string]>;
const row: fc.Arbitrary<MappedRow> = fc.oneof(
  fc.record({ row: fc.nat(), problem: fc.record({ column: text, reason: text }), raw: fc.dictionary(text, text, { maxKeys: 3 }) }),
  fc.record({ row: fc.nat(), sheet: text.filter((s) => s !== ""), filtered: fc.constant(true as const) }),
  fc.record({ row: fc.nat(), entities: fc.array(fc.tuple(text, text, fc.array(value, { maxLength: 4 })), { maxLength: 3 }) }),
);

describe("mapped batches between threads", () => {
  it("decode(encode(batch)) is the batch, whatever the text holds (separators included)", () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 20 }), fc.nat(), fc.nat(), (rows, bytesRead, bytesTotal) => {
      const batch: MappedBatch = { rows, bytesRead, bytesTotal };
      expect(decodeBatch(encodeBatch(batch))).toEqual(batch);
    }), { seed: 20261122, numRuns: 300 });
  });

  // XLSX sheet names are never empty, so an empty field means "no sheet".
  it("uses the flat form for ordinary text and JSON only when the text holds a separator", () => {
    const plain: MappedBatch = { rows: [{ row: 2, entities: [["id1", "Person", [["name", "name", "Jan"], ["birthDate", "date", "1980-03-12", "12-03-1980"]]]] }], bytesRead: 10, bytesTotal: 20 };
    expect(encodeBatch(plain).startsWith("J")).toBe(false);
    const odd: MappedBatch = { rows: [{ row: 2, entities: [["id1", "Person", [["name", "name", "J\u0000an"]]]] }], bytesRead: 10, bytesTotal: 20 };
    expect(encodeBatch(odd).startsWith("J")).toBe(true);
    expect(decodeBatch(encodeBatch(odd))).toEqual(odd);
  });
});
