import type { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { openZipEntry, ZipError, type ZipEntry } from "./zip";

/** A worksheet of the workbook, in tab order. */
export interface BookSheet { name: string; part: ZipEntry }

/** A workbook opened for reading rows sheet by sheet; `close` stops every open part stream. */
export interface Book {
  sheets: BookSheet[];
  rows(sheet: BookSheet): AsyncIterator<ExcelJS.Row>;
  close(): void;
}

type SheetReader = AsyncIterable<ExcelJS.Row>;

/**
 * The parts of exceljs's streaming WorkbookReader we drive ourselves. Its own `parse()` makes one
 * streaming pass over the ZIP: sheets stored before the shared strings are spooled to temp files,
 * and the workbook part, often stored last, is intermittently lost (exceljs#3064). Reading the
 * parts by random access in dependency order avoids both.
 */
interface ReaderParts {
  _parseRels(s: Readable): Promise<void>;
  _parseWorkbook(s: Readable): Promise<void>;
  _parseSharedStrings(s: Readable): AsyncGenerator<unknown>;
  _parseStyles(s: Readable): Promise<void>;
  _parseWorksheet(s: Readable, sheetNo: string): Generator<{ eventType: string; value: SheetReader }>;
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

export async function openBook(file: string, parts: readonly ZipEntry[], onRead: (bytes: number) => void): Promise<Book> {
  const byName = new Map(parts.map((p) => [p.name.replace(/\\/g, "/"), p]));
  const open = new Set<Readable>();
  const stream = (p: ZipEntry): Readable => {
    const s = openZipEntry(file, p, onRead);
    open.add(s);
    s.once("close", () => open.delete(s));
    return s;
  };
  const { default: Excel } = await import("exceljs");
  const reader = new Excel.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore",
  }) as unknown as ReaderParts;

  const book = byName.get("xl/workbook.xml");
  if (!book) throw new ZipError("not an XLSX workbook (the archive has no xl/workbook.xml)");
  const rels = byName.get("xl/_rels/workbook.xml.rels");
  if (rels) await reader._parseRels(stream(rels));
  await reader._parseWorkbook(stream(book));
  const shared = byName.get("xl/sharedStrings.xml");
  if (shared) for await (const _s of reader._parseSharedStrings(stream(shared))) { /* cached by the reader */ }
  const styles = byName.get("xl/styles.xml");
  if (styles) await reader._parseStyles(stream(styles));

  const sheets = sheetsInTabOrder(reader, byName);
  return {
    sheets,
    rows(sheet) {
      const no = WORKSHEET.exec(sheet.part.name)?.[1] ?? String(sheets.indexOf(sheet) + 1);
      const first = reader._parseWorksheet(stream(sheet.part), no).next();
      if (first.done) throw new ZipError(`sheet "${sheet.name}" could not be opened`);
      return first.value.value[Symbol.asyncIterator]();
    },
    close() {
      for (const s of open) s.destroy();
      open.clear();
    },
  };
}

/** The workbook's sheets as its tab order lists them; chart sheets and the like are left out. */
function sheetsInTabOrder(reader: ReaderParts, byName: ReadonlyMap<string, ZipEntry>): BookSheet[] {
  const target = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
  const out: BookSheet[] = [];
  for (const s of reader.model?.sheets ?? []) {
    const t = target.get(s.rId);
    if (t === undefined) continue;
    const path = t.startsWith("/") ? t.slice(1) : `xl/${t.replace(/^\.\//, "")}`;
    if (!path.startsWith("xl/worksheets/")) continue;
    const part = byName.get(path);
    if (!part) throw new ZipError(`corrupt XLSX: sheet "${s.name}" names ${path}, which the archive lacks`);
    out.push({ name: s.name, part });
  }
  if (out.length > 0) return out;
  // No usable workbook listing: take the worksheet parts in number order.
  return [...byName.values()]
    .filter((p) => WORKSHEET.test(p.name))
    .sort((a, b) => Number(WORKSHEET.exec(a.name)![1]) - Number(WORKSHEET.exec(b.name)![1]))
    .map((part, i) => ({ name: `Sheet${i + 1}`, part }));
}
