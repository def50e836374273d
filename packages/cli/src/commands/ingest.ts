import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { ingestFile, type IngestReport } from "@vizier/core/ingest";
import { emit } from "../output";
import { parseThreads } from "../threads-option";
import { fmt, Progress } from "../progress";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

interface IngestCliOptions { mapping?: string; dataset: string; format?: string; encoding?: string; sheet?: string; columns?: string[]; delimiter?: string; skipRows?: number; threads?: number }

/** `--columns a,b,c`: names for the columns of a CSV/TSV without a header row. */
function parseColumns(v: string): string[] {
  const names = v.split(",").map((s) => s.trim());
  if (names.some((n) => n === "")) throw new VizierError("INVALID_ARGUMENT", `--columns needs a comma-separated list of names, one per column, none empty: "${v}"`);
  return names;
}

/** `--skip-rows <n>`: a whole number of lines or rows. */
function parseSkipRows(v: string): number {
  if (!/^\d{1,9}$/.test(v)) throw new VizierError("INVALID_ARGUMENT", `--skip-rows needs a whole number of lines, not "${v}"`);
  return Number(v);
}

/** `--delimiter`: one character, or `tab` (a TAB is awkward to type in a shell). */
function parseDelimiter(v: string): string {
  const d = v === "tab" || v === "\\t" ? "\t" : v;
  if (d.length !== 1 || d === '"' || d === "\n" || d === "\r") throw new VizierError("INVALID_ARGUMENT", `--delimiter must be one character (or "tab"), not a quote or line break: "${v}"`);
  return d;
}

const FORMATS = ["csv", "xlsx", "jsonl", "ftm"] as const;

/** `vizier ingest` — one file, one mapping, one dataset; all or nothing. */
export function registerIngest(program: Command, env: Env): void {
  program.command("ingest <file>")
    .description("ingest a CSV/TSV, XLSX, JSON Lines or FtM entity file into a dataset through a mapping; all or nothing")
    .requiredOption("--dataset <name>", "target dataset (create it first with `vizier dataset create`)")
    .option("--mapping <yml>", "FtM/Aleph mapping YAML (not needed for FtM entity files)")
    .option("--format <format>", `input format: ${FORMATS.join("|")} (default: detected)`)
    .option("--encoding <name>", "text encoding, e.g. utf-8, utf-16le, windows-1252 (default: detected)")
    .option("--sheet <name>", "XLSX sheet (default: all sheets)")
    .option("--delimiter <char>", "CSV/TSV field delimiter: one character, or tab (default: detected from , ; TAB |)", parseDelimiter)
    .option("--skip-rows <n>", "ignore the first n lines (CSV/TSV) or rows of each sheet (XLSX) above the header: a title, notes, an export date", parseSkipRows)
    .option("--columns <names>", "the CSV/TSV has no header row: its column names, comma-separated, in order (the first line is then data)", parseColumns)
    .option("--threads <n>", "2: read and map the file in a second thread while the store writes (default 1; see docs/benchmarks/ingest-sqlite.md)", parseThreads)
    .addHelpText("after", "\nExamples:\n  vizier ingest examples/kvk/companies.csv --mapping examples/kvk/mapping.yml --dataset kvk\n  vizier ingest entities.ftm.json --dataset opensanctions --format ftm\n  vizier ingest calls.tsv --columns caller,callee,count --mapping calls.yml --dataset intercepts\n  vizier ingest statement.csv --skip-rows 3 --mapping bank.yml --dataset fiu   # a 3-line title above the header\n\nBad rows are quarantined (see `vizier quarantine list`); a failed or interrupted run stores nothing.")
    .action(async (file: string, o: IngestCliOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (o.format !== undefined && !(FORMATS as readonly string[]).includes(o.format)) throw new VizierError("INVALID_ARGUMENT", `--format must be one of ${FORMATS.join(", ")}`);
      await withRuntime(g, env, async (rt) => {
        const progress = new Progress(`ingest ${file}`, "rows", g.quiet || g.json);
        const controller = new AbortController();
        const onSignal = () => controller.abort();
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        let report: IngestReport;
        try {
          report = await ingestFile(rt.adminCtx("ingest"), rt.svc, {
            file, dataset: o.dataset, signal: controller.signal,
            ...(o.mapping ? { mapping: o.mapping } : {}),
            ...(o.format ? { format: o.format as (typeof FORMATS)[number] } : {}),
            ...(o.encoding ? { encoding: o.encoding } : {}),
            ...(o.sheet ? { sheet: o.sheet } : {}),
            ...(o.columns ? { columns: o.columns } : {}),
            ...(o.delimiter ? { delimiter: o.delimiter } : {}),
            ...(o.skipRows ? { skipRows: o.skipRows } : {}),
            ...(o.threads !== undefined ? { threads: o.threads } : {}),
            onProgress: (p) => progress.update(p.rows, p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : undefined, p.quarantined ? `${fmt(p.quarantined)} quarantined` : ""),
          });
        } finally {
          process.off("SIGINT", onSignal);
          process.off("SIGTERM", onSignal);
        }
        progress.done(`${fmt(report.rowsRead)} rows`);
        emit(g.json, report, () => [
          `Ingested ${file} into ${report.dataset} (run ${report.id})`,
          `  format ${report.format}, encoding ${report.encoding}`,
          `  rows read        ${fmt(report.rowsRead)}`,
          `  rows stored      ${fmt(report.rowsOk)}`,
          `  rows quarantined ${fmt(report.rowsQuarantined)}${report.rowsQuarantined ? "  (see: vizier quarantine list --dataset " + report.dataset + ")" : ""}`,
          ...(report.rowsFiltered ? [`  rows filtered    ${fmt(report.rowsFiltered)} (by the mapping's filters)`] : []),
          `  entities         ${fmt(report.entities)}`,
          `  statements       ${fmt(report.statements)}`,
          ...(report.conflicts ? [`  conflicts        ${fmt(report.conflicts)} (kept and flagged; see quarantine list --kind conflict)`] : []),
          `  ${fmt(report.rowsRead / Math.max(report.seconds, 1e-3))} rows/s`,
        ].join("\n"));
        if (report.rowsRead > 0 && report.rowsOk === 0) process.exitCode = 3;
      });
    });
}
