import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { listReview, resolutionOf, showReview } from "@vizier/resolve";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

const num = (x: number): string => x.toFixed(2);

/** `vizier review list|show` — the review queue of the viewer's scope, with per-field explanations. Audited. */
export function registerReview(program: Command, env: Env): void {
  const review = program.command("review").description("pairs near the threshold waiting for an analyst's judgement");
  review.command("list")
    .description("list queued pairs, most uncertain first")
    .option("--limit <n>", "at most n pairs (1–1000)", "20")
    .option("--offset <n>", "skip n pairs", "0")
    .option("--status <s>", "open (default), judged or all", "open")
    .addHelpText("after", "\nExample:\n  vizier review list --purpose case:NL-2026-0042")
    .action(async (o: { limit: string; offset: string; status: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const limit = Number(o.limit);
      const offset = Number(o.offset);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new VizierError("INVALID_ARGUMENT", "--limit must be an integer from 1 to 1000");
      if (!Number.isInteger(offset) || offset < 0) throw new VizierError("INVALID_ARGUMENT", "--offset must be a non-negative integer");
      if (!["open", "judged", "all"].includes(o.status)) throw new VizierError("INVALID_ARGUMENT", "--status must be open, judged or all");
      await withRuntime(g, env, async (rt) => {
        const items = await listReview(rt.ctx(), rt.svc, resolutionOf(rt.svc.store), { limit, offset, ...(o.status === "all" ? {} : { status: o.status as "open" | "judged" }) });
        emit(g.json, items, () => items.length === 0 ? "No pairs to review." :
          table(["pair", "probability", "weight", "left", "right", "status"], items.map((i) => [
            i.pair.id, num(i.pair.probability), num(i.pair.matchWeight), `${i.left.caption} (${i.left.id.slice(0, 12)})`, `${i.right.caption} (${i.right.id.slice(0, 12)})`, i.pair.status,
          ])));
      });
    });
  review.command("show <pair-id>")
    .description("show one queued pair with the per-field explanation of its score")
    .addHelpText("after", "\nExample:\n  vizier review show p3f2a9c1d0e4b5a67 --purpose case:NL-2026-0042")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const r = await showReview(rt.ctx(), rt.svc, resolutionOf(rt.svc.store), id);
        emit(g.json, r, () => [
          `pair ${r.pair.id} (${r.pair.status}): probability ${num(r.pair.probability)}, match weight ${num(r.explanation.matchWeight)}`,
          `left:  ${r.left.caption} — ${r.left.schema} ${r.left.id} [${r.left.datasets.join(", ")}]`,
          `right: ${r.right.caption} — ${r.right.schema} ${r.right.id} [${r.right.datasets.join(", ")}]`,
          "",
          table(["field", "level", "left", "right", "weight", "tf", "total"], [
            ["(prior)", "", "", "", num(r.explanation.priorWeight), "", num(r.explanation.priorWeight)],
            ...r.explanation.fields.map((f) => [f.field, f.label, f.left.join(" | "), f.right.join(" | "), num(f.weight), num(f.tfAdjustment), num(f.total)]),
          ]),
          ...(r.judgements.length ? ["", "judgements:", ...r.judgements.map((j) => `  ${j.id} ${j.verdict} by ${j.actor} (${j.agency}) at ${j.at}: ${j.reason}${j.undoneAt ? ` — undone by ${j.undoneBy} at ${j.undoneAt}` : ""}`)] : []),
          "",
          `judge it: vizier judge ${r.left.id} ${r.right.id} confirm|reject|unsure --reason "…"`,
        ].join("\n"));
      });
    });
}
