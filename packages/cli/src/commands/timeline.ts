import type { Command } from "commander";
import { timeline } from "@vizier/analytics";
import { VizierError } from "@vizier/model";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `vizier timeline` — dated events, payments, calls, shipments and crossings of entities. Audited. */
export function registerTimeline(program: Command, env: Env): void {
  program.command("timeline <entity-ids...>")
    .description("dated events, payments, calls, shipments and border crossings involving entities (or their phones and accounts), within what you may read")
    .option("--since <date>", "only items starting on or after this ISO date")
    .option("--until <date>", "only items starting before this ISO date")
    .option("--limit <n>", "at most n items, earliest first (1–10000)", "500")
    .addHelpText("after", "\nExamples:\n  vizier timeline 3f1c… --purpose case:NL-2026-0042\n  vizier timeline 3f1c… 9ab2… --since 2025-01-01 --json --purpose case:NL-2026-0042")
    .action(async (ids: string[], o: { since?: string; until?: string; limit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new VizierError("INVALID_ARGUMENT", "--limit must be an integer from 1 to 10000");
      for (const d of [o.since, o.until]) if (d !== undefined && !ISO_DATE.test(d)) throw new VizierError("INVALID_ARGUMENT", `dates are ISO (2025, 2025-03 or 2025-03-01), not "${d}"`);
      await withRuntime(g, env, async (rt) => {
        const t = await timeline(rt.ctx(), rt.svc, ids, { limit, ...(o.since ? { since: o.since } : {}), ...(o.until ? { until: o.until } : {}) });
        emit(g.json, t, () => (t.items.length === 0 ? "Nothing dated found." :
          table(["start", "end", "kind", "what", "involves", "datasets"], t.items.map((i) => [i.start, i.end ?? "", i.schema, i.caption, i.involves.map((x) => x.slice(0, 12)).join(","), i.datasets.join(",")]))) +
          (t.hidden ? `\n${t.hidden} more references are withheld from you (a count, not content; see \`vizier access request\`).` : "") +
          (t.truncated ? `\nMore items than --limit ${limit}; narrow with --since/--until.` : ""));
      });
    });
}
