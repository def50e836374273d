import ExcelJS from "exceljs";
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

describe("openSource: lines or rows above the header (skipRows)", () => {
  it("CSV: ignores a title and notes above the header; row numbers stay the file's lines", async () => {
    const f = tmp.write("statement.csv", "Rekeningoverzicht NL91ABNA0417164300\nExport: 23-11-2026\n\nDatum;Bedrag\n01-11-2026;12,50\n");
    const src = await openSource(f, { skipRows: 3 });
    expect(src.columns).toEqual(["Datum", "Bedrag"]);
    expect(await allRows(src)).toEqual([{ row: 5, values: { Datum: "01-11-2026", Bedrag: "12,50" } }]);
    // Without it, the title is taken for the header.
    expect((await openSource(f)).columns).toEqual(["Rekeningoverzicht NL91ABNA0417164300"]);
  });

  it("CSV: skipping past the header with column names reads the rest as data", async () => {
    const src = await openSource(tmp.write("skip-cols.csv", "junk\n1,2\n3,4\n"), { skipRows: 1, columns: ["a", "b"] });
    expect((await allRows(src)).map((r) => r.values)).toEqual([{ a: "1", b: "2" }, { a: "3", b: "4" }]);
  });

  it("XLSX: ignores the first rows of each sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("Overzicht");
    a.addRow(["Transacties Q3"]);
    a.addRow(["naam", "bedrag"]);
    a.addRow(["Jan", 5]);
    const file = tmp.path("skip.xlsx");
    await wb.xlsx.writeFile(file);
    const src = await openSource(file, { skipRows: 1 });
    expect(src.columns).toEqual(["naam", "bedrag"]);
    expect(await allRows(src)).toEqual([{ row: 3, sheet: "Overzicht", values: { naam: "Jan", bedrag: "5" } }]);
  });

  it("accepts rows that end in delimiters the header lacks, when what follows is empty", async () => {
    const rows = await allRows(await openSource(tmp.write("trailing.csv", "a;b\n1;2;\n3;4;;\n5;6;x\n")));
    expect(rows.slice(0, 2)).toEqual([{ row: 2, values: { a: "1", b: "2" } }, { row: 3, values: { a: "3", b: "4" } }]);
    expect(rows[2]).toMatchObject({ row: 4, problem: { reason: "expected 2 fields, found 3" }, values: { "#3": "x" } });
  });

  it("accepts rows without the header's trailing unnamed columns (a header ending in delimiters)", async () => {
    const rows = await allRows(await openSource(tmp.write("header-trailing.csv", "a;b;;\n1;2\n3;4;;\n5\n")));
    expect(rows.slice(0, 2)).toEqual([
      { row: 2, values: { a: "1", b: "2", column_3: "", column_4: "" } },
      { row: 3, values: { a: "3", b: "4", column_3: "", column_4: "" } },
    ]);
    expect(rows[2]).toMatchObject({ row: 4, problem: { reason: "expected 4 fields, found 1" } });
  });

  it("takes the delimiter from Excel's sep= line and skips it", async () => {
    const src = await openSource(tmp.write("excel.csv", "\uFEFFsep=;\r\nnaam;bedrag\r\nJan, de Vries;1,50\r\n"));
    expect(src).toMatchObject({ delimiter: ";", columns: ["naam", "bedrag"] });
    expect(await allRows(src)).toEqual([{ row: 3, values: { naam: "Jan, de Vries", bedrag: "1,50" } }]);
  });

  it("skipping everything leaves an empty file, and JSON lines cannot skip", async () => {
    expect(await failure(openSource(tmp.write("all.csv", "a\nb\n"), { skipRows: 5 }))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await failure(openSource(tmp.write("s.jsonl", '{"a":1}\n'), { skipRows: 1 }))).toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});
