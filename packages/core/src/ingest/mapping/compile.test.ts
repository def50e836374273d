import { describe, expect, it } from "vitest";
import { defaultModel, isVizierError, type VizierError } from "@vizier/model";
import { compileMapping } from "./compile";
import { parseMapping } from "./spec";

const model = defaultModel();
const COLS = ["kvk", "naam", "bestuurder", "geboren", "iban"];

function compile(yaml: string, cols = COLS) {
  return compileMapping(parseMapping(yaml, "m.yml"), model, cols, "m.yml");
}
function err(yaml: string, cols = COLS): VizierError {
  try {
    compile(yaml, cols);
  } catch (e) {
    if (isVizierError(e)) return e;
    throw e;
  }
  throw new Error("expected an error");
}
const one = (entity: string) => `queries:\n  - entities:\n${entity}`;

describe("compileMapping", () => {
  it("orders referenced entities first and lists the columns used", () => {
    const m = compile(one(`      link:
        schema: Directorship
        keys: [kvk, bestuurder]
        properties:
          director: {entity: person}
          organization: {entity: company}
      company:
        schema: Company
        keys: [kvk]
        properties: {name: {column: naam}}
      person:
        schema: Person
        keys: [bestuurder]
        properties: {name: {column: bestuurder}}
`));
    expect(m.queries[0]!.entities.map((e) => e.name)).toEqual(["person", "company", "link"]);
    expect(m.columnsUsed.sort()).toEqual(["bestuurder", "kvk", "naam"]);
  });

  it("names a missing column and lists the columns the file has", () => {
    const e = err(one("      p: {schema: Person, keys: [kvk], properties: {name: {column: voornaam}}}\n"));
    expect(e.code).toBe("INVALID_MAPPING");
    expect(e.message).toContain('"voornaam"');
    expect(e.message).toContain('"kvk", "naam", "bestuurder", "geboren", "iban"');
    expect(e.message).toContain("queries[0].entities.p.properties.name");
    expect(err(one("      p: {schema: Person, keys: [nummer]}\n")).message).toContain('"nummer"');
    expect(err("queries:\n  - filters: {status: x}\n    entities:\n      p: {schema: Person, keys: [kvk]}\n").message).toContain('"status"');
    expect(e.message).not.toContain("did you mean");
  });

  it("suggests the column in another case or spacing, and --columns when the header looks like data", () => {
    const cols = ["KvK Nummer", "Naam"];
    expect(err(one("      p: {schema: Person, keys: [kvk_nummer], properties: {name: {column: naam}}}\n"), cols).message)
      .toContain('column "kvk_nummer" is not in the input (did you mean "KvK Nummer"?)');
    expect(err(one("      p: {schema: Person, keys: [id]}\n"), ["14", "101", "2"]).message).toContain("--columns");
    expect(err(one("      p: {schema: Person, keys: [id]}\n"), cols).message).not.toContain("--columns");
  });

  it("raises UNKNOWN_SCHEMA / UNKNOWN_PROPERTY naming the mapping file and entity", () => {
    const s = err(one("      p: {schema: Persoon, keys: [kvk]}\n"));
    expect(s.code).toBe("UNKNOWN_SCHEMA");
    expect(s.message).toMatch(/^m\.yml: queries\[0\]\.entities\.p/);
    const p = err(one("      p: {schema: Person, keys: [kvk], properties: {naam: {column: naam}}}\n"));
    expect(p.code).toBe("UNKNOWN_PROPERTY");
    expect(p.message).toContain("entities.p.properties.naam");
  });

  it("rejects abstract schemata, links to the wrong schema, entity on a non-entity property and columns on an entity property", () => {
    expect(err(one("      t: {schema: Thing, keys: [kvk]}\n")).message).toMatch(/abstract/);
    expect(err(one(`      a: {schema: BankAccount, keys: [iban]}
      d: {schema: Directorship, keys: [kvk], properties: {director: {entity: a}}}
`)).message).toMatch(/must point at a LegalEntity/);
    expect(err(one(`      c: {schema: Company, keys: [kvk]}
      p: {schema: Person, keys: [naam], properties: {name: {entity: c}}}
`)).message).toMatch(/not a link/);
    expect(err(one("      d: {schema: Directorship, keys: [kvk], properties: {director: {column: bestuurder}}}\n")).message).toMatch(/entity: <name/);
    expect(err(one("      d: {schema: Directorship, keys: [kvk], properties: {director: {entity: nobody}}}\n")).message).toMatch(/not defined/);
  });

  it("rejects reference cycles, id collisions and literals that do not clean", () => {
    expect(err(one(`      a: {schema: Ownership, keys: [kvk], key_literal: a, properties: {owner: {entity: b}}}
      b: {schema: Ownership, keys: [kvk], key_literal: b, properties: {owner: {entity: a}}}
`)).message).toMatch(/cycle/);
    expect(err(one(`      a: {schema: Company, keys: [kvk]}
      b: {schema: Address, keys: [kvk]}
`)).message).toMatch(/same id/);
    expect(err(one("      p: {schema: Person, keys: [kvk], properties: {birthDate: {literal: 'gisteren'}}}\n")).message).toMatch(/literal "gisteren"/);
  });
});
