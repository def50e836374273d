import type { Command } from "commander";
import { z } from "zod";
import { generateScenario, type FileSpec, type GenerateResult } from "@vizier/scenario";
import { emit, table } from "../output";
import { fmt } from "../progress";
import { parseFlag } from "./graph/options";
import type { GlobalOptions } from "../runtime";

export interface ScenarioFlags { seed: string; scale: string }

/** Parses --seed and --scale (zod at the edge). */
export function scenarioFlags(o: ScenarioFlags): { seed: number; scale: number } {
  return {
    seed: parseFlag(z.coerce.number().int().min(0).max(0xffffffff), o.seed, "--seed"),
    scale: parseFlag(z.coerce.number().positive().max(1000), o.scale, "--scale"),
  };
}

/** Generates a scenario folder, printing a progress line per file to stderr unless quiet. */
export function generateWithProgress(seed: number, scale: number, out: string, quiet: boolean): GenerateResult {
  const t0 = Date.now();
  return generateScenario({
    seed, scale, out,
    onFile: (f: FileSpec) => { if (!quiet) process.stderr.write(`generate: ${f.file} (${f.dataset}): ${fmt(f.rows)} rows, ${((Date.now() - t0) / 1000).toFixed(1)}s\n`); },
  });
}

/**
 * `vizier generate` — writes the multi-agency scenario (issue #5): every agency's files in its own
 * format with its mapping, manifest.yml and the ground truth (docs/demo.md).
 */
export function registerGenerate(program: Command): void {
  program.command("generate")
    .description("generate the multi-agency demo scenario: each agency's files and mappings, a manifest and the ground truth")
    .option("--seed <n>", "random seed (same seed and scale: byte-identical files)", "2026")
    .option("--scale <s>", "size: 1 = about 37,000 source rows; grows linearly (50 = about 1.8 million)", "1")
    .option("--out <dir>", "output folder (created; existing files are overwritten)", "vizier-scenario")
    .addHelpText("after", [
      "\nExamples:",
      "  vizier generate --out /tmp/scenario",
      "  vizier generate --seed 7 --scale 10 --out /data/scenario-10",
      "  vizier demo --scenario /tmp/scenario        # ingest a generated folder",
      "\nThe folder holds <agency>/<file> with <file>.mapping.yml beside it, manifest.yml (datasets with agency,",
      "legal basis, purpose, handling code, retention, compartment; files with their dataset and mapping) and",
      "truth/{identities,laundering,key-players}.csv. See docs/demo.md.",
    ].join("\n"))
    .action((o: ScenarioFlags & { out: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const { seed, scale } = scenarioFlags(o);
      const r = generateWithProgress(seed, scale, o.out, Boolean(g.quiet || g.json));
      emit(g.json, { out: o.out, seed, scale, rows: r.rows, truth: r.truth, seconds: r.seconds, files: r.manifest.files }, () => [
        table(["file", "dataset", "format", "encoding", "rows"], r.manifest.files.map((f) => [f.file, f.dataset, f.format, f.encoding, fmt(f.rows)])),
        "",
        `Wrote ${fmt(r.rows)} rows in ${r.manifest.files.length} files for ${r.manifest.datasets.length} datasets to ${o.out} in ${r.seconds.toFixed(1)}s (seed ${seed}, scale ${scale}).`,
        `Ground truth: ${fmt(r.truth.identities)} identity rows, ${fmt(r.truth.laundering)} laundering transactions, ${r.truth.keyPlayers} key players (${o.out}/truth/).`,
        `Ingest it: vizier demo --scenario ${o.out}`,
      ].join("\n"));
    });
}
