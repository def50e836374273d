import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

/** `vizier quarantine list` — rows that were not ingested, and flagged conflicts, with where and why. */
export function registerQuarantine(program: Command, env: Env): void {
  const q = program.command("quarantine").description("inspect rows that could not be ingested");
  q.command("list")
    .description("list quarantined rows with file, row, column and reason")
    .option("--dataset <name>", "only this dataset")
    .option("--run <id>", "only this ingest run")
    .option("--kind <kind>", "rejected (default: both) or conflict")
    .option("--limit <n>", "at most n rows", "100")
    .option("--offset <n>", "skip n rows", "0")
    .addHelpText("after", "\nExamples:\n  vizier quarantine list --dataset kvk\n  vizier quarantine list --json --limit 1000 > bad-rows.json")
    .action(async (o: { dataset?: string; run?: string; kind?: string; limit: string; offset: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const limit = Number(o.limit);
      const offset = Number(o.offset);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new VizierError("INVALID_ARGUMENT", "--limit must be an integer from 1 to 100000");
      if (!Number.isInteger(offset) || offset < 0) throw new VizierError("INVALID_ARGUMENT", "--offset must be a non-negative integer");
      if (o.kind !== undefined && o.kind !== "rejected" && o.kind !== "conflict") throw new VizierError("INVALID_ARGUMENT", "--kind must be rejected or conflict");
      await withRuntime(g, env, async (rt) => {
        const rows = (await rt.svc.store.listQuarantine({ limit, offset, ...(o.dataset ? { dataset: o.dataset } : {}), ...(o.run ? { runId: o.run } : {}) }))
          .filter((r) => o.kind === undefined || r.kind === o.kind);
        emit(g.json, rows, () => rows.length === 0 ? "Nothing in quarantine." :
          table(["kind", "dataset", "file", "row", "column", "reason"], rows.map((r) => [r.kind, r.dataset, r.file, r.row, r.column, r.reason])));
      });
    });
}
