import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { listQuarantine, type QuarantineRow } from "@vizier/core";
import { csvField } from "../io/table";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

const WHERE = ["_file", "_row", "_column", "_reason"] as const;

/**
 * Refused rows as CSV with the source's own columns first (in the order the first row gave them),
 * then where and why: fix the values in a spreadsheet and ingest the file again with the same
 * mapping, which ignores the extra columns. Only refused rows: a conflict's values were stored.
 */
export function quarantineCsv(rows: readonly QuarantineRow[]): string {
  const raws = rows.map((r) => {
    try {
      const v = JSON.parse(r.raw) as unknown;
      return v !== null && typeof v === "object" && !Array.isArray(v) ? v as Record<string, unknown> : { _raw: r.raw };
    } catch {
      return { _raw: r.raw };
    }
  });
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const raw of raws) for (const k of Object.keys(raw)) if (!seen.has(k)) { seen.add(k); columns.push(k); }
  const cell = (v: unknown) => csvField(v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v));
  const lines = [[...columns, ...WHERE].map(cell).join(",")];
  rows.forEach((r, i) => lines.push([...columns.map((c) => cell(raws[i]![c])), ...[r.file, r.row, r.column, r.reason].map(cell)].join(",")));
  return lines.join("\n");
}

/** `vizier quarantine list` — rows that were not ingested, and flagged conflicts, with where and why. Audited. */
export function registerQuarantine(program: Command, env: Env): void {
  const q = program.command("quarantine").description("inspect rows that could not be ingested");
  q.command("list")
    .description("list quarantined rows of your agency's datasets with file, row, column and reason (needs a purpose; audited)")
    .option("--dataset <name>", "only this dataset")
    .option("--run <id>", "only this ingest run")
    .option("--kind <kind>", "rejected (default: both) or conflict")
    .option("--csv", "the refused rows as CSV: the source's columns, then _file,_row,_column,_reason (fix and ingest again)")
    .option("--limit <n>", "at most n rows", "100")
    .option("--offset <n>", "skip n rows", "0")
    .addHelpText("after", "\nExamples:\n  vizier quarantine list --dataset kvk --purpose purpose:quality-check\n  vizier quarantine list --json --limit 1000 --purpose purpose:quality-check > bad-rows.json\n  vizier quarantine list --run <id> --csv --limit 100000 --purpose purpose:quality-check > fix.csv\n\nRaw source rows: only the dataset's own agency (and a compartment's case members) may list them.")
    .action(async (o: { dataset?: string; run?: string; kind?: string; csv?: boolean; limit: string; offset: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const limit = Number(o.limit);
      const offset = Number(o.offset);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new VizierError("INVALID_ARGUMENT", "--limit must be an integer from 1 to 100000");
      if (!Number.isInteger(offset) || offset < 0) throw new VizierError("INVALID_ARGUMENT", "--offset must be a non-negative integer");
      if (o.kind !== undefined && o.kind !== "rejected" && o.kind !== "conflict") throw new VizierError("INVALID_ARGUMENT", "--kind must be rejected or conflict");
      if (o.csv && o.kind === "conflict") throw new VizierError("INVALID_ARGUMENT", "--csv lists refused rows; a conflict's values were stored (see them with --kind conflict)");
      const kind = o.csv ? "rejected" : (o.kind as QuarantineRow["kind"] | undefined);
      await withRuntime(g, env, async (rt) => {
        const rows = await listQuarantine(rt.ctx(), rt.svc, {
          limit, offset, ...(o.dataset ? { dataset: o.dataset } : {}), ...(o.run ? { runId: o.run } : {}), ...(kind ? { kind } : {}),
        });
        if (o.csv) { process.stdout.write(quarantineCsv(rows) + "\n"); return; }
        emit(g.json, rows, () => rows.length === 0 ? "Nothing in quarantine." :
          table(["kind", "dataset", "file", "row", "column", "reason"], rows.map((r) => [r.kind, r.dataset, r.file, r.row, r.column, r.reason])));
      });
    });
}
