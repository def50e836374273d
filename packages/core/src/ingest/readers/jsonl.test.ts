import { afterAll, describe, expect, it } from "vitest";
import { flatten } from "./jsonl";
import { openSource } from "./open";
import { allRows, tempDir } from "./test-files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("JSONL reader", () => {
  it("flattens nested objects with dots, joins scalar arrays with newlines, indexes object arrays", () => {
    const out: Record<string, string> = {};
    flatten({ name: "Jan", age: 42, ok: true, none: null, address: { city: "Delft", geo: { lat: 52.01 } }, aliases: ["J.", "Johnny"],
      owners: [{ name: "A" }, { name: "B" }], empty: [] }, "", out);
    expect(out).toEqual({
      name: "Jan", age: "42", ok: "true", "address.city": "Delft", "address.geo.lat": "52.01", aliases: "J.\nJohnny",
      "owners.0.name": "A", "owners.1.name": "B",
    });
  });

  it("reads one object per line with line numbers; columns are the union of keys", async () => {
    const f = tmp.write("people.jsonl", '{"id":1,"name":"Jan"}\n\n{"id":2,"address":{"city":"Delft"}}\r\n');
    const src = await openSource(f);
    expect(src.format).toBe("jsonl");
    expect(src.columns).toEqual(["id", "name", "address.city"]);
    expect(await allRows(src)).toEqual([
      { row: 1, values: { id: "1", name: "Jan" } },
      { row: 3, values: { id: "2", "address.city": "Delft" } },
    ]);
  });

  it("turns a malformed line or a non-object into a row problem and carries on", async () => {
    const f = tmp.write("bad.jsonl", '{"id":1}\n{"id":2,\n[1,2]\n{"id":3}\n');
    const rows = await allRows(await openSource(f));
    expect(rows.map((r) => [r.row, r.problem?.reason.split(":")[0]])).toEqual([[1, undefined], [2, "malformed JSON"], [3, "line is not a JSON object"], [4, undefined]]);
  });

  it("reads records after the column sample too", async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => JSON.stringify({ i }));
    const rows = await allRows(await openSource(tmp.write("long.jsonl", lines.join("\n"))));
    expect(rows).toHaveLength(2500);
    expect(rows[2499]).toEqual({ row: 2500, values: { i: "2499" } });
  });
});
