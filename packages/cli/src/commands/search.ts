import type { Command } from "commander";
import { entityCaption, VizierError } from "@vizier/model";
import { searchEntities } from "@vizier/core";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

/** `vizier search` — names and identifiers, within what the viewer may read. Audited. */
export function registerSearch(program: Command, env: Env): void {
  program.command("search <text>")
    .description("search names and identifiers (prefix match, diacritics folded) within what you may read")
    .option("--limit <n>", "at most n results (1–200)", "20")
    .addHelpText("after", "\nExample:\n  vizier search \"gomez arango\" --purpose case:NL-2026-0042")
    .action(async (text: string, o: { limit: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new VizierError("INVALID_ARGUMENT", "--limit must be an integer from 1 to 200");
      await withRuntime(g, env, async (rt) => {
        const hits = await searchEntities(rt.ctx(), rt.svc, { text, limit });
        emit(g.json, hits, () => hits.length === 0 ? "No results." :
          table(["id", "schema", "name", "datasets"], hits.map((h) => [h.entity.id.slice(0, 12), h.entity.schema, entityCaption(rt.svc.model, h.entity), (h.entity.datasets ?? []).join(",")])));
      });
    });
}
