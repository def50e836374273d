import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import type ExcelJS from "exceljs";
import { VizierError } from "@vizier/model";
import { normaliseHeader } from "./header";
import type { OpenedSource, SourceRow } from "./types";
import { cellText } from "./xlsx-cells";

type Sheet = AsyncIterable<ExcelJS.Row> & { name?: string };
interface OpenSheet { name: string; rows: AsyncIterator<ExcelJS.Row>; header: string[] }

/**
 * Opens an XLSX workbook with exceljs's streaming WorkbookReader so memory stays bounded.
 * Reads the named sheet, or every sheet in order; the first non-empty row of a sheet is its
 * header and `columns` is the header of the first sheet read. Rows of a later sheet that lacks
 * some of those columns carry a problem rather than silently mapping to empty values.
 */
export async function openXlsx(file: string, size: number, head: Buffer, sheet?: string): Promise<OpenedSource> {
  if (!(head[0] === 0x50 && head[1] === 0x4b)) throw invalid(file, "not an XLSX file (no ZIP signature)");
  await checkZipComplete(file, size);
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      read += chunk.length;
      cb(null, chunk);
    },
  });
  const fileStream = createReadStream(file);
  fileStream.on("error", (e) => counter.destroy(e));
  fileStream.pipe(counter);
  // exceljs is large; load it only when an XLSX file is actually read (keeps CLI start-up fast).
  const { default: Excel } = await import("exceljs");
  const reader = new Excel.stream.xlsx.WorkbookReader(counter, {
    worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore",
  });
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<Sheet>;
  const close = async (early = false) => {
    // exceljs spools worksheets that precede the shared strings to temp files; stopping it midway
    // can leave an open on such a file that fails later as an uncaught error. A small workbook is
    // drained to its end instead (cheap); a large one is cut off, as reading it all would be.
    if (early && size <= DRAIN_LIMIT) {
      await drain(current?.rows, sheets).catch(() => undefined);
      return;
    }
    fileStream.destroy();
    counter.destroy();
    await sheets.return?.(undefined).catch(() => undefined);
  };
  const seen: string[] = [];
  /** The sheet being read, so an early stop can finish it before moving on. */
  let current: OpenSheet | undefined;

  /** Next sheet (matching `sheet` if given) with its header, or undefined at the end. */
  const nextSheet = async (): Promise<OpenSheet | undefined> => {
    for (;;) {
      const s = await guard(file, () => sheets.next());
      if (s.done) return undefined;
      const name = s.value.name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      if (sheet !== undefined && name !== sheet) continue;
      const rows = s.value[Symbol.asyncIterator]();
      for (;;) {
        const r = await guard(file, () => rows.next());
        if (r.done) break; // an empty sheet: try the next
        const cells = rowCells(r.value);
        if (cells.every((c) => c === "")) continue;
        while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
        return { name, rows, header: normaliseHeader(cells, file, ` (sheet "${name}")`) };
      }
    }
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
    if (sheet !== undefined) throw new VizierError("INVALID_ARGUMENT", `${file} has no sheet "${sheet}" with data; sheets: ${seen.join(", ")}`, { location: { file } });
    throw invalid(file, "the workbook has no sheet with data");
  }
  const columns = first.header;
  const firstName = first.name;

  async function* rows(): AsyncGenerator<SourceRow> {
    let finished = false;
    try {
      for (let cur: OpenSheet | undefined = first; cur; cur = sheet === undefined ? await nextSheet() : undefined) {
        const sh: OpenSheet = cur;
        current = sh;
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
      finished = true;
    } finally {
      await close(!finished);
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

/** A ZIP file ends with an end-of-central-directory record; a cut file lacks it. */
async function checkZipComplete(file: string, size: number): Promise<void> {
  const n = Math.min(size, 65557);
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(n);
    await fh.read(buf, 0, n, size - n);
    for (let i = n - 22; i >= 0; i--) {
      if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) return;
    }
  } finally {
    await fh.close();
  }
  throw invalid(file, "truncated or corrupt XLSX (no ZIP end record)");
}

/** Workbooks up to this size are read to the end when the consumer stops early (see close). */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/** Consumes the rest of the current sheet, then every remaining sheet and row of an exceljs workbook reader. */
async function drain(rows: AsyncIterator<ExcelJS.Row> | undefined, sheets: AsyncIterator<Sheet>): Promise<void> {
  if (rows) for (let r = await rows.next(); !r.done; r = await rows.next()) { /* discard */ }
  for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
    for await (const _row of s.value) { /* discard */ }
  }
}

/** Runs a step of the exceljs reader, turning its low-level errors into INVALID_INPUT. */
async function guard<T>(file: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof VizierError) throw e;
    throw invalid(file, `corrupt XLSX: ${(e as Error).message}`, e);
  }
}

function invalid(file: string, why: string, cause?: unknown): VizierError {
  return new VizierError("INVALID_INPUT", `${file}: ${why}`, { location: { file }, cause });
}
