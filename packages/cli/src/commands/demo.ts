import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { parse } from "yaml";
import { z } from "zod";
import { VizierError, type Dataset } from "@vizier/model";
import { createDataset } from "@vizier/core";
import { ingestFile } from "@vizier/core/ingest";
import { repoRoot } from "../config";
import { emit, table } from "../output";
import { fmt, Progress } from "../progress";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";
import { ensureInitialised } from "./init";

/** One bundled example: a dataset registration, a data file and its mapping. */
const ExampleSchema = z.object({
  dataset: z.object({
    name: z.string(), label: z.string(), agency: z.string(), legalBasis: z.string(), purpose: z.string(), handling: z.string(),
    reliability: z.string().default("B2"), retention: z.string(), compartment: z.string().default(""), description: z.string().default(""),
  }),
  file: z.string(),
  mapping: z.string().optional(),
});

/**
 * `vizier demo` — today: ingests the bundled multi-agency samples in examples/ through the normal
 * pipeline and shows what the store holds. (Issue P6 grows this into the full scenario + UI.)
 */
export function registerDemo(program: Command, env: Env): void {
  program.command("demo")
    .description("ingest the bundled multi-agency samples into a local store and show what it holds")
    .option("--data-dir <dir>", "where the demo store lives", "vizier-data")
    .addHelpText("after", "\nExample:\n  ./vizier demo\n  ./vizier demo --data-dir /tmp/vizier-demo")
    .action(async (o: { dataDir: string }, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>() };
      g.db ??= o.dataDir;
      const root = join(repoRoot(), "examples");
      const examples = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, "example.yml"))).sort() : [];
      if (examples.length === 0) throw new VizierError("NOT_FOUND", `no examples found under ${root}`);
      await ensureInitialised(g, env); // a fresh demo store gets its first administrator, as `vizier init` would
      await withRuntime(g, env, async (rt) => {
        const results: Array<[string, string, number, number, number]> = [];
        for (const name of examples) {
          const dir = join(root, name);
          const ex = ExampleSchema.parse(parse(readFileSync(join(dir, "example.yml"), "utf8")));
          if (!(await rt.svc.store.getDataset(ex.dataset.name))) {
            const ds: Dataset = { ...ex.dataset, createdAt: new Date().toISOString() };
            await createDataset(rt.adminCtx("demo"), rt.svc, ds);
          }
          const progress = new Progress(`ingest ${name}`, "rows", g.quiet || g.json);
          const r = await ingestFile(rt.adminCtx("demo"), rt.svc, {
            file: join(dir, ex.file), dataset: ex.dataset.name, ...(ex.mapping ? { mapping: join(dir, ex.mapping) } : {}),
            onProgress: (p) => progress.update(p.rows, p.bytesTotal ? p.bytesRead / p.bytesTotal : undefined),
          });
          progress.done(`${fmt(r.rowsRead)} rows, ${fmt(r.rowsQuarantined)} quarantined`);
          results.push([ex.dataset.name, ex.dataset.agency, r.rowsRead, r.rowsQuarantined, r.statements]);
        }
        const s = await rt.svc.store.stats();
        emit(g.json, { store: rt.svc.store.location, ingested: results, stats: s }, () => [
          "",
          table(["dataset", "agency", "rows", "quarantined", "statements"], results.map((r) => [r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4])])),
          "",
          `Store ${rt.svc.store.location}: ${fmt(s.entities)} entities, ${fmt(s.statements)} statements from ${s.datasets} datasets.`,
          "Try:",
          `  ./vizier stats --db ${g.db}`,
          `  ./vizier search "maas" --db ${g.db} --purpose purpose:demo          # police sees KvK data only`,
          `  ./vizier search "maas" --db ${g.db} --purpose case:NL-2026-0042     # a case purpose also opens FIOD's bank data (config/sharing-rules.yml)`,
          `  ./vizier quarantine list --db ${g.db}`,
          `  ./vizier export --format ftm --db ${g.db} --purpose purpose:demo | head`,
        ].join("\n"));
      });
    });
}
