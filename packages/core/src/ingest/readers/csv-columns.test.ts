import { afterAll, describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { openSource } from "./open";
import { allRows, tempDir } from "./test-files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!isVizierError(e)) throw new Error(`expected a VizierError, got ${String(e)}`);
  return { code: e.code, message: e.message };
}

describe("openSource: a CSV/TSV without a header row (columns named by the caller)", () => {
  it("reads the first line as data, numbered from 1, with the given names", async () => {
    const f = tmp.write("calls.tsv", "14\t101\t2\n18\t19\t5\n");
    const src = await openSource(f, { columns: ["from", "to", "calls"] });
    expect(src).toMatchObject({ format: "csv", delimiter: "\t", columns: ["from", "to", "calls"] });
    expect(await allRows(src)).toEqual([
      { row: 1, values: { from: "14", to: "101", calls: "2" } },
      { row: 2, values: { from: "18", to: "19", calls: "5" } },
    ]);
  });

  it("drops a byte-order mark from the first value", async () => {
    const src = await openSource(tmp.write("bom.csv", "\uFEFFN0,cooperating witness\nN1,boss\n"), { columns: ["node", "role"] });
    expect((await allRows(src))[0]!.values).toEqual({ node: "N0", role: "cooperating witness" });
  });

  it("flags rows with another field count than names given, and keeps their surplus", async () => {
    const rows = await allRows(await openSource(tmp.write("ragged.csv", "1,2\n3,4,5\n"), { columns: ["a", "b"] }));
    expect(rows[0]).toEqual({ row: 1, values: { a: "1", b: "2" } });
    expect(rows[1]).toMatchObject({ row: 2, problem: { reason: "expected 2 fields, found 3" }, values: { a: "3", b: "4", "#3": "5" } });
  });

  it("rejects duplicate names, a file with no rows, and files that are not delimited text", async () => {
    expect(await failure(openSource(tmp.write("d.csv", "1,2\n"), { columns: ["a", "a"] }))).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("duplicate header names") });
    expect(await failure(openSource(tmp.write("blank.csv", "\n\n"), { columns: ["a"] }))).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("no rows") });
    expect(await failure(openSource(tmp.write("x.jsonl", '{"a":1}\n'), { columns: ["a"] }))).toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringContaining("jsonl") });
  });

  it("without names, the same file's first line is its header", async () => {
    const src = await openSource(tmp.write("calls2.tsv", "14\t101\t2\n18\t19\t5\n"));
    expect(src.columns).toEqual(["14", "101", "2"]);
    expect((await allRows(src)).map((r) => r.row)).toEqual([2]);
  });
});
