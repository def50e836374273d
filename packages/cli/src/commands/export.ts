import { createWriteStream, type WriteStream } from "node:fs";
import type { Command } from "commander";
import { VizierError, type Statement } from "@vizier/model";
import { exportEntities, exportFtm } from "@vizier/core";
import { csvField } from "../io/table";
import { fmt, Progress } from "../progress";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

const CSV_COLUMNS = ["entity_id", "schema", "prop", "prop_type", "value", "original", "dataset", "agency", "legal_basis", "purpose",
  "handling", "reliability", "first_seen", "last_seen", "retention_until", "origin"] as const;

function csvRow(s: Statement): string {
  return [s.entityId, s.schema, s.prop, s.propType, s.value, s.original, s.dataset, s.agency, s.legalBasis, s.purpose, s.handling,
    s.reliability, s.firstSeen, s.lastSeen, s.retentionUntil, s.origin].map(csvField).join(",");
}

/** `vizier export` — what the viewer may read, as FtM entity JSON lines or a statements CSV. Audited. */
export function registerExport(program: Command, env: Env): void {
  program.command("export")
    .description("export readable entities as FtM JSON lines (one entity per line) or statements as CSV with provenance")
    .option("--format <format>", "ftm or csv", "ftm")
    .option("--dataset <name>", "only this dataset")
    .option("--out <file>", "write to a file instead of standard output")
    .addHelpText("after", "\nExamples:\n  vizier export --format ftm --purpose case:NL-2026-0042 > entities.ftm.json\n  vizier export --format csv --dataset kvk --out kvk-statements.csv --purpose purpose:quality-check\n\nNeeds a purpose (--purpose or VIZIER_PURPOSE); only statements the policy lets you read are exported, and the export is audited.")
    .action(async (o: { format: string; dataset?: string; out?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (o.format !== "ftm" && o.format !== "csv") throw new VizierError("INVALID_ARGUMENT", "--format must be ftm or csv");
      await withRuntime(g, env, async (rt) => {
        const ctx = rt.ctx();
        if (o.dataset && !(await rt.svc.store.getDataset(o.dataset))) throw new VizierError("NOT_FOUND", `no dataset "${o.dataset}"`);
        const out: WriteStream | NodeJS.WriteStream = o.out ? createWriteStream(o.out) : process.stdout;
        const write = async (line: string) => { if (!out.write(line + "\n")) await new Promise<void>((r) => (out as NodeJS.WritableStream).once("drain", () => r())); };
        const progress = new Progress("export", "entities", g.quiet || !o.out);
        let n = 0;
        const q = o.dataset ? { dataset: o.dataset } : {};
        if (o.format === "ftm") {
          for await (const entity of exportFtm(ctx, rt.svc, q)) {
            await write(JSON.stringify({ id: entity.id, schema: entity.schema, properties: entity.properties, datasets: entity.datasets, first_seen: entity.first_seen, last_seen: entity.last_seen }));
            progress.update(++n, undefined);
          }
        } else {
          await write(CSV_COLUMNS.join(","));
          for await (const { statements } of exportEntities(ctx, rt.svc, q)) {
            for (const s of statements) await write(csvRow(s));
            progress.update(++n, undefined);
          }
        }
        if (o.out) await new Promise<void>((resolve, reject) => (out as WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())));
        progress.done(`${fmt(n)} entities`);
      });
    });
}
