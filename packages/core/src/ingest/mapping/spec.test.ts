import { describe, expect, it } from "vitest";
import { isVizierError, type VizierError } from "@vizier/model";
import { parseMapping } from "./spec";

function err(text: string): VizierError {
  try {
    parseMapping(text, "m.yml");
  } catch (e) {
    if (isVizierError(e)) return e;
    throw e;
  }
  throw new Error("expected an error");
}

describe("parseMapping", () => {
  it("reads dataset-keyed queries (Aleph style) and ignores dataset metadata and csv_url", () => {
    const spec = parseMapping(`
kvk_register:
  label: Handelsregister
  info_url: https://example.org
  queries:
    - csv_url: https://example.org/bedrijven.csv
      filters:
        status: [actief, "ACTIEF"]
      filters_not:
        rechtsvorm: 0
      entities:
        company:
          schema: Company
          key: kvk
          key_literal: kvk
          properties:
            name:
              column: naam
            registrationNumber:
              columns: [kvk, vestigingsnummer]
            country:
              literal: NL
`, "m.yml");
    expect(spec.queries).toHaveLength(1);
    const q = spec.queries[0]!;
    expect(q.path).toBe("kvk_register.queries[0]");
    expect(q.filters).toEqual([["status", ["actief", "ACTIEF"]]]);
    expect(q.filtersNot).toEqual([["rechtsvorm", ["0"]]]);
    expect(q.entities[0]).toEqual({
      name: "company", schema: "Company", keys: ["kvk"], keyLiteral: "kvk",
      properties: [["name", { column: "naam" }], ["registrationNumber", { columns: ["kvk", "vestigingsnummer"] }], ["country", { literal: "NL" }]],
    });
  });

  it("reads a bare query: and bare queries:", () => {
    expect(parseMapping("query:\n  entities:\n    p: {schema: Person, keys: [id]}\n", "m.yml").queries[0]!.path).toBe("query");
    const two = parseMapping("queries:\n  - entities:\n      p: {schema: Person, keys: [id]}\n  - entities:\n      c: {schema: Company, id_column: id}\n", "m.yml");
    expect(two.queries.map((q) => q.path)).toEqual(["queries[0]", "queries[1]"]);
    expect(two.queries[1]!.entities[0]!.idColumn).toBe("id");
  });

  it("names the file, line and path of an unknown key", () => {
    const e = err("ds:\n  queries:\n    - entities:\n        p:\n          schema: Person\n          keys: [id]\n          properties:\n            name:\n              colum: naam\n");
    expect(e.code).toBe("INVALID_MAPPING");
    expect(e.message).toContain("m.yml:9");
    expect(e.message).toContain("ds.queries[0].entities.p.properties.name");
    expect(e.message).toContain('"colum"');
  });

  it("rejects entities without keys, properties without a source, and entity mixed with column", () => {
    expect(err("queries:\n  - entities:\n      p: {schema: Person}\n").message).toMatch(/keys/);
    expect(err("queries:\n  - entities:\n      p: {schema: Person, keys: [id], properties: {name: {split: ';'}}}\n").message).toMatch(/needs one of column/);
    expect(err("queries:\n  - entities:\n      p: {schema: Person, keys: [id], properties: {name: {entity: x, column: y}}}\n").message).toMatch(/cannot be combined/);
  });

  it("rejects invalid YAML, a non-object, and a file with no queries", () => {
    expect(err("queries: [\n").code).toBe("INVALID_MAPPING");
    expect(err("- a\n- b\n").code).toBe("INVALID_MAPPING");
    expect(err("ds:\n  label: x\n").message).toMatch(/queries/);
    expect(err("queries:\n  - entities: {}\n").message).toMatch(/at least one entity/);
  });
});
