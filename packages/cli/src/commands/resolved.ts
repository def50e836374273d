import type { Command } from "commander";
import { resolutionOf, showResolved } from "@vizier/resolve";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

/** `vizier resolved show <id>` — the members of a resolved entity in the viewer's scope. Audited. */
export function registerResolved(program: Command, env: Env): void {
  const resolved = program.command("resolved").description("resolved entities built by `vizier resolve`");
  resolved.command("show <id>")
    .description("list the source entities a resolved entity groups (only those you may read); <id> is a resolved id or a member's entity id")
    .addHelpText("after", "\nExample:\n  vizier resolved show r0123456789abcdef --purpose case:NL-2026-0042")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const r = await showResolved(rt.ctx(), rt.svc, resolutionOf(rt.svc.store), id);
        emit(g.json, r, () => [
          `resolved entity ${r.id}: ${r.members.length} member${r.members.length === 1 ? "" : "s"}`,
          table(["entity", "schema", "name", "datasets"], r.members.map((m) => [m.id, m.schema, m.caption, m.datasets.join(",")])),
          ...(r.judgements.length ? ["", "judgements:", ...r.judgements.map((j) => `  ${j.id} ${j.left} ${j.verdict} ${j.right} by ${j.actor} at ${j.at}${j.undoneAt ? " (undone)" : ""}: ${j.reason}`)] : []),
        ].join("\n"));
      });
    });
}
