import type ExcelJS from "exceljs";
import { VizierError } from "@vizier/model";
import { normaliseHeader } from "./header";
import type { OpenedSource, SourceRow } from "./types";
import { openBook } from "./xlsx-book";
import { cellText } from "./xlsx-cells";
import { readZipDirectory, ZipError } from "./zip";

interface OpenSheet { name: string; rows: AsyncIterator<ExcelJS.Row>; header: string[] }

/**
 * Opens an XLSX workbook and streams its rows with exceljs's sheet parser, so memory stays bounded
 * (the shared strings are held). The ZIP is read by random access (zip.ts, xlsx-book.ts).
 * Reads the named sheet, or every sheet in order; the first non-empty row of a sheet is its
 * header and `columns` is the header of the first sheet read. Rows of a later sheet that lacks
 * some of those columns carry a problem rather than silently mapping to empty values. The first
 * `skip` rows of each sheet (a title or notes above the header) are ignored.
 */
export async function openXlsx(file: string, size: number, head: Buffer, sheet?: string, skip = 0): Promise<OpenedSource> {
  if (!(head[0] === 0x50 && head[1] === 0x4b)) throw invalid(file, "not an XLSX file (no ZIP signature)");
  let read = 0;
  const parts = await guard(file, () => readZipDirectory(file, size));
  const book = await guard(file, () => openBook(file, parts, (n) => { read += n; }));
  const names = book.sheets.map((s) => s.name);
  const wanted = sheet === undefined ? book.sheets : book.sheets.filter((s) => s.name === sheet);
  /** The sheet being read, so an early stop can end its stream. */
  let current: OpenSheet | undefined;
  const close = async () => {
    await current?.rows.return?.(undefined).catch(() => undefined);
    book.close();
  };

  /** Next wanted sheet with its header, or undefined at the end. */
  let next = 0;
  const nextSheet = async (): Promise<OpenSheet | undefined> => {
    while (next < wanted.length) {
      const bs = wanted[next++]!;
      const name = bs.name;
      const rows = await guard(file, async () => book.rows(bs));
      for (;;) {
        const r = await guard(file, () => rows.next());
        if (r.done) break; // an empty sheet: try the next
        if (r.value.number <= skip) continue;
        const cells = rowCells(r.value);
        if (cells.every((c) => c === "")) continue;
        while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
        current = { name, rows, header: normaliseHeader(cells, file, ` (sheet "${name}")`) };
        return current;
      }
    }
    return undefined;
  };

  let first: OpenSheet | undefined;
  try {
    first = await nextSheet();
  } catch (e) {
    await close();
    throw e;
  }
  if (!first) {
    await close();
    if (sheet !== undefined) throw new VizierError("INVALID_ARGUMENT", `${file} has no sheet "${sheet}" with data; sheets: ${names.join(", ")}`, { location: { file } });
    throw invalid(file, "the workbook has no sheet with data");
  }
  const columns = first.header;
  const firstName = first.name;

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      for (let cur: OpenSheet | undefined = first; cur; cur = await nextSheet()) {
        const sh: OpenSheet = cur;
        const missing = columns.filter((c) => !sh.header.includes(c));
        const sheetProblem = missing.length > 0
          ? `sheet "${sh.name}" lacks column(s) ${missing.map((m) => `"${m}"`).join(", ")} of sheet "${firstName}" (pass --sheet to read one sheet)`
          : undefined;
        for (;;) {
          const r: IteratorResult<ExcelJS.Row> = await guard(file, () => sh.rows.next());
          if (r.done) break;
          const row = toRow(r.value, sh.header, sh.name, sheetProblem);
          if (row) yield row;
        }
      }
    } finally {
      await close();
    }
  }

  return {
    file, format: "xlsx", encoding: "utf-8", sheet: sheet ?? first.name, columns,
    rows: rows(), bytesTotal: size, bytesRead: () => read,
  };
}

function rowCells(row: ExcelJS.Row): string[] {
  const vals = row.values as unknown[];
  const out: string[] = [];
  for (let i = 1; i < vals.length; i++) out.push(cellText(vals[i]));
  return out;
}

function toRow(r: ExcelJS.Row, header: readonly string[], sheet: string, sheetProblem: string | undefined): SourceRow | undefined {
  const cells = rowCells(r);
  if (cells.every((c) => c === "")) return undefined;
  const values: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) values[header[i]!] = cells[i] ?? "";
  const row: SourceRow = { row: r.number, values, sheet };
  if (sheetProblem) row.problem = { reason: sheetProblem };
  else {
    const extra = cells.findIndex((c, i) => i >= header.length && c !== "");
    if (extra >= 0) {
      for (let i = header.length; i < cells.length; i++) if (cells[i] !== "") values[`#${i + 1}`] = cells[i]!;
      row.problem = { reason: `value in column ${extra + 1}, which has no header (expected ${header.length} columns)` };
    }
  }
  return row;
}

/** Runs a step of the exceljs reader, turning its low-level errors into INVALID_INPUT. */
async function guard<T>(file: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof VizierError) throw e;
    if (e instanceof ZipError) throw invalid(file, e.message, e);
    throw invalid(file, `corrupt XLSX: ${(e as Error).message}`, e);
  }
}

function invalid(file: string, why: string, cause?: unknown): VizierError {
  return new VizierError("INVALID_INPUT", `${file}: ${why}`, { location: { file }, cause });
}
