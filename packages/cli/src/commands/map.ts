import { once } from "node:events";
import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { openMapped, type MappedRow } from "@vizier/core/ingest";
import { fmt } from "../progress";
import { addSourceOptions, sourceOptions, type SourceCliOptions } from "./source-options";

interface MapCliOptions extends SourceCliOptions { mapping: string; dataset: string; limit?: number }

function parseLimit(v: string): number {
  if (!/^[1-9]\d{0,9}$/.test(v)) throw new VizierError("INVALID_ARGUMENT", `--limit needs a whole number of rows, not "${v}"`);
  return Number(v);
}

/** A mapped entity as FtM entity JSON (`ftm map-csv` writes one such fragment per entity per row). */
function ftmEntity(e: NonNullable<MappedRow["entities"]>[number]): { id: string; schema: string; properties: Record<string, string[]> } {
  const properties: Record<string, string[]> = {};
  for (const v of e.values) {
    const list = (properties[v.prop] ??= []);
    if (!list.includes(v.value)) list.push(v.value);
  }
  return { id: e.id, schema: e.schema, properties };
}

/** Where a refused row is, and why, on one line. */
function problemLine(r: MappedRow): string {
  const at = r.sheet ? `sheet "${r.sheet}" row ${r.row}` : `row ${r.row}`;
  return `${at}: ${r.problem!.column ? `column ${r.problem!.column}: ` : ""}${r.problem!.reason}\n`;
}

/**
 * `vizier map` — tries a mapping on a file without a store: the entities each row maps to as FtM
 * JSON lines on stdout (ids as an ingest into `--dataset` would make them), the rows an ingest
 * would quarantine on stderr with their reason, and a count. Reads no stored data, so it needs no
 * purpose; nothing is written.
 */
export function registerMap(program: Command): void {
  addSourceOptions(program.command("map <file>")
    .description("try a mapping on a file without storing anything: the FtM entities each row maps to (JSON lines on stdout), the rows ingest would quarantine (stderr)")
    .requiredOption("--mapping <yml>", "FtM/Aleph mapping YAML")
    .option("--dataset <name>", "make entity ids as an ingest into this dataset would (ids are namespaced by dataset)", "preview")
    .option("--limit <n>", "stop after the first n rows (default: every row)", parseLimit))
    .addHelpText("after", "\nExamples:\n  vizier map examples/kvk/companies.csv --mapping examples/kvk/mapping.yml --limit 5\n  vizier map calls.tsv --columns caller,callee,count --mapping calls.yml > calls.ftm.json\n\nExit code 3 when rows were read and none mapped.")
    .action(async (file: string, o: MapCliOptions, cmd: Command) => {
      const quiet = cmd.optsWithGlobals<{ quiet?: boolean }>().quiet ?? false;
      const src = await openMapped({ file, mapping: o.mapping, dataset: o.dataset, ...sourceOptions(o) });
      const n = { rows: 0, mapped: 0, entities: 0, refused: 0, filtered: 0 };
      for await (const batch of src.batches) {
        let out = "";
        for (const r of batch.rows) {
          if (o.limit !== undefined && n.rows >= o.limit) break;
          n.rows++;
          if (r.problem) { n.refused++; process.stderr.write(problemLine(r)); continue; }
          if (r.filtered) { n.filtered++; continue; }
          n.mapped++;
          for (const e of r.entities!) { out += JSON.stringify(ftmEntity(e)) + "\n"; n.entities++; }
        }
        if (out && !process.stdout.write(out)) await once(process.stdout, "drain");
        if (o.limit !== undefined && n.rows >= o.limit) break;
      }
      if (!quiet) {
        process.stderr.write(`${fmt(n.rows)} rows: ${fmt(n.mapped)} mapped to ${fmt(n.entities)} entities, ${fmt(n.refused)} would be quarantined` +
          `${n.filtered ? `, ${fmt(n.filtered)} filtered out by the mapping` : ""}\n`);
      }
      if (n.rows > 0 && n.mapped === 0 && n.filtered < n.rows) process.exitCode = 3;
    });
}
