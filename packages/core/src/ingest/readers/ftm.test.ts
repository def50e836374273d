import { afterAll, describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { openFtm } from "./ftm";
import { tempDir } from "./test-files";
import type { FtmRecord } from "./types";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function records(file: string): Promise<FtmRecord[]> {
  const out: FtmRecord[] = [];
  const src = await openFtm(file);
  for await (const r of src.records) out.push(r);
  expect(src.bytesRead()).toBe(src.bytesTotal);
  return out;
}

const person = { id: "p1", schema: "Person", properties: { name: ["Jan de Vries"], birthDate: ["1970-01-01"] } };
const company = { id: "c1", schema: "Company", properties: { name: "Bakkerij BV", registrationNumber: ["12345678"] }, datasets: ["kvk"] };

describe("openFtm", () => {
  it("reads one entity per line", async () => {
    const rs = await records(tmp.write("e.ftm.json", `${JSON.stringify(person)}\n${JSON.stringify(company)}\n`));
    expect(rs).toEqual([
      { row: 1, entity: person },
      { row: 2, entity: { id: "c1", schema: "Company", properties: { name: ["Bakkerij BV"], registrationNumber: ["12345678"] } } },
    ]);
  });

  it("reads a JSON array of entities, also split across chunks", async () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({ ...person, id: `p${i}`, properties: { name: [`naam "${i}" ]}{`] } }));
    const rs = await records(tmp.write("arr.json", JSON.stringify(big, null, 1)));
    expect(rs).toHaveLength(3000);
    expect(rs[2999]).toEqual({ row: 3000, entity: { id: "p2999", schema: "Person", properties: { name: ['naam "2999" ]}{'] } } });
  });

  it("reports records that are not entities as problems", async () => {
    const rs = await records(tmp.write("bad.ftm.json", ['{"schema":"Person","properties":{}}', '{"id":"x","properties":{}}', "{nope", '{"id":"y","schema":"Person","properties":{"name":[{"a":1}]}}'].join("\n")));
    expect(rs.map((r) => r.problem?.reason.split(":")[0])).toEqual(["entity has no id", "entity has no schema", "malformed JSON", 'property "name" holds a value that is not a string']);
  });

  it("fails a truncated JSON array with INVALID_INPUT naming the file", async () => {
    const f = tmp.write("cut.json", JSON.stringify([person, company]).slice(0, -20));
    const err = await records(f).then(() => undefined, (e: unknown) => e);
    expect(isVizierError(err, "INVALID_INPUT") && err.location?.file === f).toBe(true);
  });

  it("rejects an empty file", async () => {
    const err = await openFtm(tmp.write("empty.json", "  \n")).then(() => undefined, (e: unknown) => e);
    expect(isVizierError(err, "INVALID_INPUT")).toBe(true);
  });
});
