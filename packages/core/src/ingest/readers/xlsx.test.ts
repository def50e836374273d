import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { openSource } from "./open";
import { allRows, tempDir } from "./test-files";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let book = "";
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("Bedrijven");
  a.addRow(["kvk", "naam", "opgericht", "kapitaal", "actief"]);
  a.addRow([12345678, "Bakkerij De Vries BV", new Date(Date.UTC(1999, 4, 17)), 18000.5, true]);
  a.addRow([87654321, { richText: [{ text: "Jansen " }, { text: "Holding" }] }, new Date(Date.UTC(2004, 0, 2, 13, 45, 0)), 0.1 + 0.2, false]);
  a.addRow([]);
  a.addRow([11112222, { formula: "\"Formule\"&\" BV\"", result: "Formule BV" }, null, 1e6, null]);
  const b = wb.addWorksheet("Meer");
  b.addRow(["naam", "kvk", "extra", "actief", "kapitaal", "opgericht"]);
  b.addRow(["Tweede Blad BV", 33334444, "x", "", 5, "2020-02-02"]);
  const c = wb.addWorksheet("Anders");
  c.addRow(["iets"]);
  c.addRow(["ander"]);
  book = tmp.path("register.xlsx");
  await wb.xlsx.writeFile(book);
});

describe("XLSX reader", () => {
  it("reads all sheets; the first sheet's header gives the columns; cells become ISO / plain strings", async () => {
    const src = await openSource(book);
    expect(src).toMatchObject({ format: "xlsx", sheet: "Bedrijven", columns: ["kvk", "naam", "opgericht", "kapitaal", "actief"] });
    const rows = await allRows(src);
    expect(rows[0]).toEqual({ row: 2, sheet: "Bedrijven", values: { kvk: "12345678", naam: "Bakkerij De Vries BV", opgericht: "1999-05-17", kapitaal: "18000.5", actief: "true" } });
    expect(rows[1]!.values).toEqual({ kvk: "87654321", naam: "Jansen Holding", opgericht: "2004-01-02T13:45:00", kapitaal: "0.3", actief: "false" });
    expect(rows[2]).toMatchObject({ row: 5, values: { naam: "Formule BV", opgericht: "", kapitaal: "1000000" } });
    // Sheet 2 has the needed columns in another order (plus one); sheet 3 lacks them: every row says so.
    expect(rows[3]).toMatchObject({ row: 2, sheet: "Meer", values: { naam: "Tweede Blad BV", kvk: "33334444" } });
    expect(rows[3]!.problem).toBeUndefined();
    expect(rows[4]).toMatchObject({ row: 2, sheet: "Anders" });
    expect(rows[4]!.problem?.reason).toMatch(/lacks column/);
    expect(rows).toHaveLength(5);
  });

  it("reads one named sheet, and names the sheets when it is missing", async () => {
    const src = await openSource(book, { sheet: "Meer" });
    expect(src.columns).toEqual(["naam", "kvk", "extra", "actief", "kapitaal", "opgericht"]);
    expect(await allRows(src)).toHaveLength(1);
    const err = await openSource(book, { sheet: "Nope" }).then(() => undefined, (e: unknown) => e);
    expect(isVizierError(err, "INVALID_ARGUMENT")).toBe(true);
    expect((err as Error).message).toContain("Bedrijven");
  });

  it("closes cleanly when the consumer stops early", async () => {
    const src = await openSource(book);
    for await (const r of src.rows) {
      expect(r.row).toBe(2);
      break;
    }
    // A second open still works (no leaked lock or half-read state).
    expect((await allRows(await openSource(book, { sheet: "Bedrijven" }))).length).toBe(3);
  });

  it("reads every time, whatever order the parts are stored in (exceljs stores xl/workbook.xml last)", async () => {
    // exceljs's own streaming parse lost that last part now and then (exceljs#3064) and spooled
    // the sheets to temp files that could vanish under a later open (uncaught ENOENT); the reader
    // now opens parts by random access. Many opens make a regression of either show.
    for (let i = 0; i < 40; i++) {
      const name = ["Bedrijven", "Meer"][i % 2]!;
      const src = await openSource(book, { sheet: name });
      expect(src.sheet).toBe(name);
      expect(await allRows(src)).toHaveLength(name === "Meer" ? 1 : 3);
      for await (const _r of (await openSource(book)).rows) break;
    }
  });

  it("rejects a truncated XLSX with INVALID_INPUT naming the file", async () => {
    const bytes = readFileSync(book);
    for (const frac of [0.3, 0.6, 0.95]) {
      const f = tmp.write(`cut-${frac}.xlsx`, bytes.subarray(0, Math.floor(bytes.length * frac)));
      const err = await openSource(f).then(allRows).then(() => undefined, (e: unknown) => e);
      expect(isVizierError(err, "INVALID_INPUT"), String(err)).toBe(true);
      expect((err as { location?: { file?: string } }).location?.file).toBe(f);
    }
  });

  it("rejects an XLSX whose compressed data is corrupt, without hanging", async () => {
    const bytes = Buffer.from(readFileSync(book));
    for (let i = 200; i < bytes.length - 2000; i += 7) bytes[i] = bytes[i]! ^ 0x5a;
    const f = tmp.write("corrupt.xlsx", bytes);
    const err = await openSource(f).then(allRows).then(() => undefined, (e: unknown) => e);
    expect(isVizierError(err, "INVALID_INPUT"), String(err)).toBe(true);
  }, 20_000);

  it("rejects a non-zip file named .xlsx", async () => {
    const f = tmp.path("fake.xlsx");
    writeFileSync(f, "a,b\n1,2\n");
    const err = await openSource(f).then(() => undefined, (e: unknown) => e);
    expect(isVizierError(err, "INVALID_INPUT")).toBe(true);
  });
});
