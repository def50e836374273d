import { describe, expect, it } from "vitest";
import { defaultModel, makeEntityId } from "@vizier/model";
import { applyMapping } from "./apply";
import { compileMapping } from "./compile";
import { parseMapping } from "./spec";
import type { MappedEntity } from "./types";

const model = defaultModel();

function mapper(yaml: string, columns: string[]) {
  const m = compileMapping(parseMapping(yaml, "m.yml"), model, columns, "m.yml");
  let line = 1;
  return (values: Record<string, string>) => applyMapping(m, { row: ++line, values }, "kvk", model);
}
const props = (e: MappedEntity | undefined) => (e ? e.values.map((v) => [v.prop, v.value]) : undefined);

const REGISTER = `
queries:
  - entities:
      company:
        schema: Company
        keys: [kvk]
        key_literal: company
        properties:
          name: {column: naam}
          registrationNumber: {column: kvk}
          incorporationDate: {column: opgericht, format: "%d-%m-%Y"}
          address: {columns: [straat, plaats], join: ", "}
          alias: {column: handelsnamen, split: ";"}
          country: {literal: NL}
      person:
        schema: Person
        keys: [bestuurder, geboren]
        properties:
          name: {template: "{{bestuurder}} ({{geboren}})"}
          birthDate: {column: geboren}
      account:
        schema: BankAccount
        id_column: iban
        properties:
          iban: {column: iban}
      directorship:
        schema: Directorship
        keys: [kvk, bestuurder]
        properties:
          director: {entity: person}
          organization: {entity: company}
          role: {literal: bestuurder}
`;
const COLS = ["kvk", "naam", "opgericht", "straat", "plaats", "handelsnamen", "bestuurder", "geboren", "iban"];
const ROW = {
  kvk: "12345678", naam: "Bakkerij  De Vries B.V.", opgericht: "17-05-1999", straat: "Kerkstraat 1", plaats: "Delft",
  handelsnamen: "De Vries; Broodje Vries", bestuurder: "Jan de Vries", geboren: "1970-03-01", iban: "NL91 ABNA 0417 1643 00",
};

describe("applyMapping", () => {
  const map = mapper(REGISTER, COLS);

  it("maps a row into entities with deterministic namespaced ids and cleaned values", () => {
    const r = map(ROW);
    expect(r.problems).toEqual([]);
    expect(r.filtered).toBe(false);
    const by = Object.fromEntries(r.entities.map((e) => [e.schema, e]));
    expect(by["Company"]!.id).toBe(makeEntityId("kvk", ["12345678", "company"]));
    expect(by["Person"]!.id).toBe(makeEntityId("kvk", ["Jan de Vries", "1970-03-01"]));
    expect(by["BankAccount"]!.id).toBe(makeEntityId("kvk", ["NL91 ABNA 0417 1643 00"]));
    expect(props(by["Company"])).toEqual([
      ["name", "Bakkerij De Vries B.V."], ["registrationNumber", "12345678"], ["incorporationDate", "1999-05-17"],
      ["address", "Kerkstraat 1, Delft"], ["alias", "De Vries"], ["alias", "Broodje Vries"], ["country", "nl"],
    ]);
    expect(by["Company"]!.values.find((v) => v.prop === "incorporationDate")).toMatchObject({ original: "17-05-1999", propType: "date" });
    expect(props(by["Person"])).toEqual([["name", "Jan de Vries (1970-03-01)"], ["birthDate", "1970-03-01"]]);
    expect(props(by["BankAccount"])).toEqual([["iban", "NL91ABNA0417164300"]]);
    expect(props(by["Directorship"])).toEqual([["director", by["Person"]!.id], ["organization", by["Company"]!.id], ["role", "bestuurder"]]);
    expect(map(ROW)).toEqual(r); // same row, same ids
  });

  it("reports every problem of a row: bad date, bad IBAN", () => {
    const r = map({ ...ROW, opgericht: "1999-05-17", iban: "NL00 ABNA 0417 1643 00", geboren: "31-02-1970" });
    expect(r.problems.map((p) => p.column).sort()).toEqual(["geboren", "iban", "opgericht"]);
    expect(r.problems.find((p) => p.column === "opgericht")!.reason).toMatch(/does not match format/);
    expect(r.problems.find((p) => p.column === "iban")!.reason).toMatch(/iban/i);
  });

  it("reports a missing key naming the key columns, and the references it breaks", () => {
    const r = map({ ...ROW, bestuurder: "", geboren: "" });
    const reasons = r.problems.map((p) => `${p.column ?? ""}|${p.reason}`);
    expect(reasons).toContain('bestuurder,geboren|missing key for entity "person" (bestuurder,geboren empty); if the entity is optional, mark one of its properties required: true');
    expect(reasons.some((x) => x.includes('directorship.director links to "person", which was skipped (missing key)'))).toBe(true);
    expect(r.entities.some((e) => e.schema === "Person")).toBe(false);
  });

  it("skips an entity silently when a required property is empty, cascading through required links", () => {
    const opt = mapper(`
queries:
  - entities:
      company: {schema: Company, keys: [kvk], properties: {name: {column: naam}}}
      person: {schema: Person, keys: [bestuurder], properties: {name: {column: bestuurder, required: true}}}
      link:
        schema: Directorship
        keys: [kvk, bestuurder]
        properties:
          director: {entity: person, required: true}
          organization: {entity: company}
`, ["kvk", "naam", "bestuurder"]);
    const none = opt({ kvk: "1", naam: "X BV", bestuurder: "" });
    expect(none.problems).toEqual([]);
    expect(none.entities.map((e) => e.schema)).toEqual(["Company"]);
    const optionalLink = mapper(`
queries:
  - entities:
      company: {schema: Company, keys: [kvk], properties: {name: {column: naam}}}
      person: {schema: Person, keys: [bestuurder], properties: {name: {column: bestuurder, required: true}}}
      link: {schema: Directorship, keys: [kvk], key_literal: d, properties: {director: {entity: person}, organization: {entity: company}}}
`, ["kvk", "naam", "bestuurder"]);
    const noDirector = optionalLink({ kvk: "1", naam: "X BV", bestuurder: "" });
    expect(noDirector.problems).toEqual([]);
    expect(props(noDirector.entities.find((e) => e.schema === "Directorship"))?.map(([p]) => p)).toEqual(["organization"]);
    expect(opt({ kvk: "1", naam: "X BV", bestuurder: "Piet" }).entities.map((e) => e.schema).sort()).toEqual(["Company", "Directorship", "Person"]);
  });

  it("orders problems entity by entity, missing key first, and drops those of a skipped entity", () => {
    const m = mapper(`
queries:
  - entities:
      company: {schema: Company, keys: [kvk], properties: {incorporationDate: {column: opgericht}, country: {column: land}}}
      person: {schema: Person, keys: [naam], properties: {name: {column: naam, required: true}, birthDate: {column: geboren}}}
      other: {schema: Person, keys: [kvk], key_literal: o, properties: {birthDate: {column: geboren}, nationality: {column: land}}}
`, ["kvk", "opgericht", "land", "naam", "geboren"]);
    const r = m({ kvk: "", opgericht: "31-02-2020", land: "Atlantis", naam: "", geboren: "morgen" });
    expect(r.problems.map((p) => `${p.column ?? ""}|${p.reason.split(" ").slice(0, 2).join(" ")}`)).toEqual([
      "kvk|missing key",
      "opgericht|incorporationDate: day",
      "land|country: unknown",
      "kvk|missing key",
      "geboren|birthDate: unparsable",
      "land|nationality: unknown",
    ]);
    expect(r.problems.map((p) => p.reason.match(/entity "(\w+)"/)?.[1]).filter(Boolean)).toEqual(["company", "other"]);
    expect(r.entities).toEqual([]);
  });

  it("applies filters and filters_not per query and reports fully filtered rows", () => {
    const f = mapper(`
queries:
  - filters: {soort: [persoon, Persoon]}
    filters_not: {status: opgeheven}
    entities:
      p: {schema: Person, keys: [id], properties: {name: {column: naam}}}
  - filters: {soort: bedrijf}
    entities:
      c: {schema: Company, keys: [id], properties: {name: {column: naam}}}
`, ["id", "soort", "status", "naam"]);
    expect(f({ id: "1", soort: "persoon", status: "", naam: "Jan" }).entities.map((e) => e.schema)).toEqual(["Person"]);
    expect(f({ id: "2", soort: " Persoon ", status: "", naam: "Jan" }).entities.map((e) => e.schema)).toEqual(["Person"]);
    expect(f({ id: "3", soort: "bedrijf", status: "opgeheven", naam: "X" }).entities.map((e) => e.schema)).toEqual(["Company"]);
    expect(f({ id: "4", soort: "persoon", status: "opgeheven", naam: "Jan" })).toEqual({ entities: [], problems: [], filtered: true });
    expect(f({ id: "5", soort: "stichting", status: "", naam: "Y" }).filtered).toBe(true);
  });

  it("maps several columns to several values, and literals", () => {
    const multi = mapper(`
queries:
  - entities:
      p:
        schema: Person
        keys: [id]
        properties:
          phone: {columns: [tel1, tel2]}
          topics: {literals: [role.pep, role.rca]}
          nationality: {column: land, split: "/"}
`, ["id", "tel1", "tel2", "land"]);
    const r = multi({ id: "7", tel1: "06-12345678", tel2: "010 4123456", land: "NL/MA" });
    expect(r.problems).toEqual([]);
    expect(props(r.entities[0])).toEqual([
      ["phone", "+31612345678"], ["phone", "+31104123456"], ["topics", "role.pep"], ["topics", "role.rca"], ["nationality", "nl"], ["nationality", "ma"],
    ]);
    expect(multi({ id: "8", tel1: "12", tel2: "", land: "Atlantis" }).problems.map((p) => p.column)).toEqual(["tel1", "land"]);
  });

  it("drops empty cells and empty split parts without complaint", () => {
    const r = map({ ...ROW, handelsnamen: " ; ;", straat: "", opgericht: "" });
    expect(r.problems).toEqual([]);
    const company = r.entities.find((e) => e.schema === "Company")!;
    expect(company.values.filter((v) => v.prop === "alias")).toEqual([]);
    expect(company.values.find((v) => v.prop === "address")!.value).toBe("Delft");
  });
});
