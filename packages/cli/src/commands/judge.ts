import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import type { Verdict } from "@vizier/core";
import { judge, resolutionOf, undoJudgement, VERDICTS } from "@vizier/resolve";
import { emit } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

/** `vizier judge <left> <right> <verdict> --reason …` and `vizier judge undo <id>` — analysts' decisions on pairs. Audited. */
export function registerJudge(program: Command, env: Env): void {
  const cmd = program.command("judge")
    .description("confirm, reject or mark unsure that two entities are the same; judgements override the model on the next `vizier resolve`")
    .argument("<left>", "entity id")
    .argument("<right>", "entity id")
    .argument("<verdict>", "confirm, reject or unsure")
    .option("--reason <text>", "why (required; kept with the judgement and shown to reviewers)")
    .addHelpText("after", "\nExamples:\n  vizier judge 4f1c… 9a2b… reject --reason \"different fathers' names\" --purpose case:NL-2026-0042\n  vizier judge undo j0123456789abcdef --purpose case:NL-2026-0042\n\nA later judgement on the same pair supersedes an earlier one; `judge undo` withdraws one (the history is kept).")
    .action(async (left: string, right: string, verdict: string, o: { reason?: string }, c: Command) => {
      const g = c.optsWithGlobals<GlobalOptions>();
      if (!o.reason?.trim()) throw new VizierError("INVALID_ARGUMENT", "a judgement needs a reason: --reason \"…\"");
      if (!(VERDICTS as readonly string[]).includes(verdict)) throw new VizierError("INVALID_ARGUMENT", `verdict must be one of ${VERDICTS.join(", ")}`);
      await withRuntime(g, env, async (rt) => {
        const j = await judge(rt.ctx(), rt.svc, resolutionOf(rt.svc.store), { left, right, verdict: verdict as Verdict, reason: o.reason ?? "" });
        emit(g.json, j, () => `judgement ${j.id}: ${j.left} ${j.verdict} ${j.right} (applies from the next \`vizier resolve\`)`);
      });
    });
  cmd.command("undo <judgement-id>")
    .description("withdraw a judgement (kept in the history); the one before it on the pair, if any, applies again")
    .action(async (id: string, _o: unknown, c: Command) => {
      const g = c.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const j = await undoJudgement(rt.ctx(), rt.svc, resolutionOf(rt.svc.store), id);
        emit(g.json, j, () => `judgement ${j.id} (${j.left} ${j.verdict} ${j.right}) undone`);
      });
    });
}
