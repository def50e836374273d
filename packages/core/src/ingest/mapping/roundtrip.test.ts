import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { defaultModel, makeEntityId } from "@vizier/model";
import { openSource } from "../readers/open";
import { tempDir } from "../readers/test-files";
import { applyMapping } from "./apply";
import { compileMapping } from "./compile";
import { parseMapping } from "./spec";
import type { MappedEntity, RowProblem } from "./types";

const model = defaultModel();
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const examples = fileURLToPath(new URL("../../../../../examples/", import.meta.url));

/** Reader → compile → apply, as the pipeline does it. */
async function ingest(file: string, mappingText: string, dataset: string) {
  const src = await openSource(file);
  const m = compileMapping(parseMapping(mappingText, "mapping.yml"), model, src.columns, "mapping.yml");
  const entities = new Map<string, MappedEntity>();
  const problems: { row: number; problems: RowProblem[] }[] = [];
  let filtered = 0;
  let rows = 0;
  for await (const row of src.rows) {
    rows++;
    if (row.problem) { problems.push({ row: row.row, problems: [row.problem] }); continue; }
    const r = applyMapping(m, row, dataset, model);
    if (r.filtered) filtered++;
    else if (r.problems.length > 0) problems.push({ row: row.row, problems: r.problems });
    else for (const e of r.entities) {
      const prev = entities.get(e.id);
      entities.set(e.id, prev ? { ...prev, values: [...prev.values, ...e.values] } : e);
    }
  }
  const bySchema = (s: string) => [...entities.values()].filter((e) => e.schema === s);
  return { rows, entities, problems, filtered, bySchema };
}
const first = (e: MappedEntity | undefined, prop: string) => e?.values.find((v) => v.prop === prop)?.value;

// In the style of the Aleph documentation's UK Companies House PSC example: a bare dataset key,
// csv_url, filters, keys with key_literal, and an Ownership linking two entities of the query.
const ALEPH_STYLE = `
gb_coh_psc:
  queries:
    - csv_url: http://data.companieshouse.gov.uk/psc.csv
      filters:
        kind: individual-person-with-significant-control
      entities:
        company:
          schema: Company
          keys:
            - company_number
          key_literal: gb-coh
          properties:
            name:
              column: company_name
            registrationNumber:
              column: company_number
            jurisdiction:
              literal: gb
        person:
          schema: Person
          keys:
            - name
            - nationality
            - date_of_birth
          properties:
            name:
              column: name
            nationality:
              column: nationality
            birthDate:
              column: date_of_birth
              format: "%d/%m/%Y"
            address:
              columns:
                - address_line_1
                - locality
              join: ", "
        ownership:
          schema: Ownership
          keys:
            - company_number
            - name
          properties:
            owner:
              entity: person
            asset:
              entity: company
            role:
              column: natures_of_control
              split: "|"
`;

describe("round trip: reader + mapping", () => {
  it("ingests an Aleph-style mapping end to end", async () => {
    const csv = [
      "company_number,company_name,kind,name,nationality,date_of_birth,address_line_1,locality,natures_of_control",
      "01234567,ACME LTD,individual-person-with-significant-control,John Smith,GB,01/02/1970,1 High St,London,ownership-of-shares-75-to-100-percent|voting-rights-75-to-100-percent",
      "01234567,ACME LTD,corporate-entity-person-with-significant-control,Holdco Ltd,,,,,ownership-of-shares-25-to-50-percent",
      "07654321,\"WIDGETS, PLC\",individual-person-with-significant-control,John Smith,GB,01/02/1970,1 High St,London,significant-influence-or-control",
      "09999999,BROKEN LTD,individual-person-with-significant-control,Jane Doe,GB,1970-13-45,,,voting-rights-25-to-50-percent",
    ].join("\n");
    const r = await ingest(tmp.write("psc.csv", csv), ALEPH_STYLE, "gb_coh");
    expect(r.rows).toBe(4);
    expect(r.filtered).toBe(1);
    expect(r.problems).toEqual([{ row: 5, problems: [{ column: "date_of_birth", reason: expect.stringMatching(/does not match format/) as unknown as string }] }]);
    expect(r.bySchema("Company").map((c) => first(c, "name")).sort()).toEqual(["ACME LTD", "WIDGETS, PLC"]);
    const people = r.bySchema("Person");
    expect(people).toHaveLength(1); // the same person in two rows gets one id
    expect(people[0]!.id).toBe(makeEntityId("gb_coh", ["John Smith", "GB", "01/02/1970"]));
    expect(first(people[0], "birthDate")).toBe("1970-02-01");
    expect(first(people[0], "address")).toBe("1 High St, London");
    const owns = r.bySchema("Ownership");
    expect(owns).toHaveLength(2);
    const acme = r.bySchema("Company").find((c) => first(c, "name") === "ACME LTD")!;
    const acmeOwnership = owns.find((o) => first(o, "asset") === acme.id)!;
    expect(first(acmeOwnership, "owner")).toBe(people[0]!.id);
    expect(acmeOwnership.values.filter((v) => v.prop === "role").map((v) => v.value)).toEqual(["ownership-of-shares-75-to-100-percent", "voting-rights-75-to-100-percent"]);
  });

  it("ingests examples/kvk: 52 companies, two rows quarantined for a bad IBAN and an impossible date", async () => {
    const r = await ingest(`${examples}kvk/companies.csv`, readFileSync(`${examples}kvk/mapping.yml`, "utf8"), "kvk");
    expect(r.rows).toBe(52);
    expect(r.problems.map((p) => [p.row, p.problems.map((x) => x.column)])).toEqual([[19, ["iban"]], [35, ["datum_oprichting"]]]);
    expect(r.bySchema("Company")).toHaveLength(50);
    expect(r.bySchema("Directorship").length).toBeGreaterThan(50);
    expect(r.bySchema("Person").length).toBeLessThan(r.bySchema("Directorship").length); // people direct several companies
  });

  it("ingests examples/bank (semicolon, Dutch amounts) and examples/calls (JSONL)", async () => {
    const bank = await ingest(`${examples}bank/transactions.csv`, readFileSync(`${examples}bank/mapping.yml`, "utf8"), "bank");
    expect(bank.problems).toEqual([]);
    expect(bank.bySchema("Payment")).toHaveLength(bank.rows);
    const amounts = bank.bySchema("Payment").map((p) => Number(first(p, "amount")));
    expect(amounts.every((a) => a > 0 && a < 20000)).toBe(true);
    const calls = await ingest(`${examples}calls/calls.jsonl`, readFileSync(`${examples}calls/mapping.yml`, "utf8"), "calls");
    expect(calls.problems).toEqual([]);
    expect(calls.bySchema("Communication")).toHaveLength(calls.rows);
    expect(calls.bySchema("Phone").every((p) => first(p, "number")?.startsWith("+316"))).toBe(true);
  });
});
