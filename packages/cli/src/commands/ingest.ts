import type { Command } from "commander";
import { ingestFile, type IngestReport } from "@vizier/core/ingest";
import { emit } from "../output";
import { parseThreads } from "../threads-option";
import { fmt, Progress } from "../progress";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";
import { addSourceOptions, sourceOptions, type SourceCliOptions } from "./source-options";

interface IngestCliOptions extends SourceCliOptions { mapping?: string; dataset: string; threads?: number }

/** `vizier ingest` — one file, one mapping, one dataset; all or nothing. */
export function registerIngest(program: Command, env: Env): void {
  addSourceOptions(program.command("ingest <file>")
    .description("ingest a CSV/TSV, XLSX, JSON Lines or FtM entity file into a dataset through a mapping; all or nothing")
    .requiredOption("--dataset <name>", "target dataset (create it first with `vizier dataset create`)")
    .option("--mapping <yml>", "FtM/Aleph mapping YAML (not needed for FtM entity files)"))
    .option("--threads <n>", "2: read and map the file in a second thread while the store writes (default 1; see docs/benchmarks/ingest-sqlite.md)", parseThreads)
    .addHelpText("after", "\nExamples:\n  vizier ingest examples/kvk/companies.csv --mapping examples/kvk/mapping.yml --dataset kvk\n  vizier ingest entities.ftm.json --dataset opensanctions --format ftm\n  vizier ingest calls.tsv --columns caller,callee,count --mapping calls.yml --dataset intercepts\n  vizier ingest statement.csv --skip-rows 3 --mapping bank.yml --dataset fiu   # a 3-line title above the header\n\nBad rows are quarantined (see `vizier quarantine list`); a failed or interrupted run stores nothing.")
    .action(async (file: string, o: IngestCliOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const source = sourceOptions(o);
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
            ...source,
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
          `  rows quarantined ${fmt(report.rowsQuarantined)}${report.rowsQuarantined ? "  (see: vizier quarantine list --dataset " + report.dataset + " --purpose purpose:quality-check)" : ""}`,
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
