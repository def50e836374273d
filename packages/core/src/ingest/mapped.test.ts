import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBatch, encodeBatch, type MappedBatch, type MappedRow } from "./mapped";

const text = fc.string({ unit: fc.constantFrom("a", "é", " ", "\u0000", "\u0001", ",", "\"", "𝄞", "\uD800"), maxLength: 6 });
const value = fc.oneof(
  fc.record({ prop: text, propType: text, value: text }).map((v) => ({ ...v, original: v.value })),
  fc.record({ prop: text, propType: text, value: text, original: text }),
);
const row: fc.Arbitrary<MappedRow> = fc.oneof(
  fc.record({ row: fc.nat(), problem: fc.record({ column: text, reason: text }), raw: fc.dictionary(text, text, { maxKeys: 3 }) }),
  fc.record({ row: fc.nat(), sheet: text.filter((s) => s !== ""), filtered: fc.constant(true as const) }),
  fc.record({ row: fc.nat(), entities: fc.array(fc.record({ id: text, schema: text, values: fc.array(value, { maxLength: 4 }) }), { maxLength: 3 }) }),
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
    const jan = { prop: "name", propType: "name", value: "Jan", original: "Jan" };
    const plain: MappedBatch = { rows: [{ row: 2, entities: [{ id: "id1", schema: "Person", values: [jan, { prop: "birthDate", propType: "date", value: "1980-03-12", original: "12-03-1980" }] }] }], bytesRead: 10, bytesTotal: 20 };
    expect(encodeBatch(plain).startsWith("J")).toBe(false);
    const odd: MappedBatch = { rows: [{ row: 2, entities: [{ id: "id1", schema: "Person", values: [{ ...jan, value: "J\u0000an", original: "J\u0000an" }] }] }], bytesRead: 10, bytesTotal: 20 };
    expect(encodeBatch(odd).startsWith("J")).toBe(true);
    expect(decodeBatch(encodeBatch(odd))).toEqual(odd);
  });
});
