/**
 * XLSX reader throughput and memory on a generated workbook (written to the OS temp dir).
 * Run: node scripts/run-ts.mjs bench/ingest/xlsx-throughput.ts [rows=200000]
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { openSource } from "../../packages/core/src/ingest/readers/index";

const rows = Number(process.argv[2] ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), "vizier-xlsx-"));
const file = join(dir, "register.xlsx");

async function main(): Promise<void> {
  // The streaming writer keeps generation itself bounded.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("Register");
  ws.addRow(["kvk", "naam", "opgericht", "kapitaal", "plaats", "status"]).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow([10_000_000 + i, `Bedrijf ${i} BV`, new Date(Date.UTC(1980 + (i % 40), i % 12, (i % 28) + 1)), (i * 37) % 100_000 + 0.5,
      ["Amsterdam", "Rotterdam", "Utrecht"][i % 3], i % 10 === 0 ? "opgeheven" : "actief"]).commit();
  }
  ws.commit();
  await wb.commit();
  const mb = statSync(file).size / 1e6;
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let heapMid = 0;
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const t = performance.now();
  let n = 0;
  const src = await openSource(file);
  for await (const r of src.rows) {
    if (r.problem) throw new Error(r.problem.reason);
    if (++n % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if (n === Math.floor(rows / 2)) {
      gc();
      heapMid = process.memoryUsage().heapUsed;
    }
  }
  const s = (performance.now() - t) / 1000;
  console.log(`xlsx read: ${n} rows (${mb.toFixed(1)} MB zipped) in ${s.toFixed(2)} s = ${Math.round(n / s)} rows/s; RSS peak growth ${((peak - rss0) / 1e6).toFixed(0)} MB; ` +
    `heap retained halfway (after GC) ${((heapMid - heap0) / 1e6).toFixed(0)} MB`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
