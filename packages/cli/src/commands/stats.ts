import type { Command } from "commander";
import { emit, table } from "../output";
import { fmt } from "../progress";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

/** `vizier stats` — counts only (no content), so it needs no purpose. */
export function registerStats(program: Command, env: Env): void {
  program.command("stats").description("counts of datasets, entities, statements, quarantined rows and audit records")
    .addHelpText("after", "\nExample:\n  vizier stats --json")
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const s = await rt.svc.store.stats();
        emit(g.json, { store: rt.svc.store.location, kind: rt.svc.store.kind, agency: rt.agency, ...s }, () => [
          `Store ${rt.svc.store.location} (${rt.svc.store.kind}), agency ${rt.agency}`,
          `  datasets ${fmt(s.datasets)}, entities ${fmt(s.entities)}, statements ${fmt(s.statements)}, quarantined rows ${fmt(s.quarantined)}, runs ${fmt(s.runs)}, audit records ${fmt(s.auditRecords)}`,
          "",
          table(["schema", "entities"], Object.entries(s.bySchema).map(([k, v]) => [k, fmt(v)])),
          "",
          table(["dataset", "entities", "statements"], Object.entries(s.byDataset).map(([k, v]) => [k, fmt(v.entities), fmt(v.statements)])),
        ].join("\n"));
      });
    });
}
