import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { resolutionOf, resolveStore } from "@vizier/resolve";
import { emit, table } from "../output";
import { fmt, Progress } from "../progress";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

/** Parses `lo,hi` as a review band. */
export function parseBand(s: string): [number, number] {
  const parts = s.split(",").map((x) => Number(x.trim()));
  const [lo, hi] = parts;
  if (parts.length !== 2 || lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new VizierError("INVALID_ARGUMENT", "--review-band must be two probabilities lo,hi, e.g. 0.5,0.98");
  }
  return [lo, hi];
}

/** `vizier resolve` — entity resolution over what the viewer may read, kept in the store. Audited. */
export function registerResolve(program: Command, env: Env): void {
  program.command("resolve")
    .description("resolve the people and organisations you may read into resolved entities (kept in the store, per access scope)")
    .option("--threshold <p>", "match probability at or above which records are merged", "0.9")
    .option("--review-band <lo,hi>", "pairs with probability in [lo, hi) go to the review queue", "0.5,0.98")
    .option("--incremental", "compare only entities changed since the last run against the existing clusters")
    .addHelpText("after", "\nExamples:\n  vizier resolve --purpose case:NL-2026-0042\n  vizier resolve --incremental --purpose case:NL-2026-0042\n\nRuns in your access scope: clusters are built only from statements you may read. A killed run leaves the\nprevious result intact; run it again to finish. See docs/resolution.md, \"In the store\".")
    .action(async (o: { threshold: string; reviewBand: string; incremental?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const threshold = Number(o.threshold);
      const band = parseBand(o.reviewBand);
      await withRuntime(g, env, async (rt) => {
        const ctx = rt.ctx();
        const progress = new Progress("resolve", "entities", g.quiet);
        const s = await resolveStore(ctx, rt.svc, resolutionOf(rt.svc.store), {
          threshold, band, incremental: Boolean(o.incremental),
          onProgress: (stage, done, total) => progress.update(done, total ? done / total : undefined, stage),
        });
        progress.done(`${fmt(s.records)} entities into ${fmt(s.resolved)} resolved (${fmt(s.merged)} merged)`);
        emit(g.json, s, () => table(["", ""], [
          ["run", s.runId], ["view", s.view], ["entities", fmt(s.records)], ["compared", `${fmt(s.compared)}${s.incremental ? " (incremental)" : ""}`],
          ["resolved entities", fmt(s.resolved)], ["merged (2+ members)", fmt(s.merged)], ["candidate pairs", fmt(s.candidatePairs)],
          ["queued for review", fmt(s.queued)], ["judgement conflicts", fmt(s.conflicts)], ...(s.resumed ? [["resumed from", s.resumed]] : []),
        ]));
      });
    });
}
