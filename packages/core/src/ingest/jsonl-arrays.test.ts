import { afterAll, describe, expect, it } from "vitest";
import { openMapped } from "./mapped";
import { tempDir } from "./readers/test-files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const MAPPING = `
query:
  entities:
    p:
      schema: Person
      keys: [id]
      properties:
        name: { column: name }
        phone: { column: phones }
        email: { column: contact.emails }
        notes: { column: notes }
`;

async function mapped(jsonl: string, mapping = MAPPING) {
  const src = await openMapped({ file: tmp.write("people.jsonl", jsonl), mapping: tmp.write("m.yml", mapping), dataset: "d" });
  const rows = [];
  for await (const b of src.batches) rows.push(...b.rows);
  return rows;
}

describe("JSON Lines arrays through a mapping", () => {
  it("takes each element of an array (also nested) as a value, without split in the mapping", async () => {
    const rows = await mapped(
      '{"id": 1, "name": "Ann", "phones": ["0612345678", "+32470123456"], "contact": {"emails": ["a@x.nl", "b@y.nl"]}, "notes": "line one\\nline two"}\n' +
      '{"id": 2, "name": "Bob", "phones": "0687654321"}\n');
    const values = (i: number, prop: string) => rows[i]!.entities![0]!.values.filter((v) => v.prop === prop).map((v) => v.value);
    expect(rows.map((r) => r.problem)).toEqual([undefined, undefined]);
    expect(values(0, "phone")).toEqual(["+31612345678", "+32470123456"]);
    expect(values(0, "email")).toEqual(["a@x.nl", "b@y.nl"]);
    // A plain string with a line break is one value: only array columns are split.
    expect(values(0, "notes")).toEqual(["line one\nline two"]);
    expect(values(1, "phone")).toEqual(["+31687654321"]);
  });

  it("keeps a mapping's own split or join", async () => {
    const rows = await mapped('{"id": 1, "name": "Ann", "tags": ["a", "b"]}\n',
      "query:\n  entities:\n    p:\n      schema: Person\n      keys: [id]\n      properties:\n        notes: { column: tags, join: \"; \" }\n");
    // join applies across columns; the array column's text (one value per line) stays one value.
    expect(rows[0]!.entities![0]!.values.map((v) => v.value)).toEqual(["a\nb"]);
  });
});
