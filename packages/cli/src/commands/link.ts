import type { Command } from "commander";
import { parseThreads } from "../threads-option";
import { VizierError } from "@vizier/model";
import { runLinkParallel } from "./link/run";

const collect = (v: string, prev: string[]): string[] => [...prev, v];

function parseThreshold(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new VizierError("INVALID_ARGUMENT", `--threshold must be a number, not "${v}"`);
  return n;
}

/** `vizier link …` — entity resolution on CSV files (issue P3; contract in docs/resolution.md). */
export function registerLink(program: Command): void {
  program
    .command("link")
    .description("Deduplicate one CSV file, or link and deduplicate several, into resolved entities")
    .argument("<files...>", "input CSV files with a header row (delimiter detected)")
    .requiredOption("--id <column>", "column holding each record's id (unique per source)")
    .option("--field <column=kind>", "a compared column and its kind; repeat for each field", collect, [])
    .option("--source <column>", "column naming each record's source (default: the file's base name)")
    .requiredOption("--out <clusters.csv>", "where to write source,id,cluster_id")
    .option("--pairs <pairs.csv>", "where to write the linked pairs with probability and match weight")
    .option("--threshold <probability>", "match probability at or above which records are linked (default 0.9)", parseThreshold)
    .option("--model <model.json>", "apply a saved model instead of estimating one")
    .option("--save-model <model.json>", "save the estimated model for reuse")
    .option("--judgements <judgements.csv>", "analyst judgements: source_l,id_l,source_r,id_r,decision,who,when,why")
    .option("--threads <n>", "worker threads for the comparison pass (default: all cores)", parseThreads)
    .action(async (files: string[], o: { id: string; field: string[]; source?: string; out: string; pairs?: string; threshold?: number; model?: string; saveModel?: string; judgements?: string; threads?: number }) => {
      const res = await runLinkParallel({
        files,
        id: o.id,
        fields: o.field,
        out: o.out,
        ...(o.source === undefined ? {} : { source: o.source }),
        ...(o.pairs === undefined ? {} : { pairs: o.pairs }),
        ...(o.threshold === undefined ? {} : { threshold: o.threshold }),
        ...(o.model === undefined ? {} : { modelIn: o.model }),
        ...(o.saveModel === undefined ? {} : { modelOut: o.saveModel }),
        ...(o.judgements === undefined ? {} : { judgements: o.judgements }),
      }, o.threads);
      const entities = new Set(res.clusterOf).size;
      console.error(`vizier link: ${res.stats.records} records, ${res.stats.candidatePairs} candidate pairs, ${entities} entities (threshold ${res.threshold})`);
    });
}

