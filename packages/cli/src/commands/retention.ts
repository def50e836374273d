import type { Command } from "commander";
import { accounts as acc, retentionDue, runRetention } from "@vizier/core";
import { resolutionOf } from "@vizier/resolve";
import { emit, table } from "../output";
import { accountsOf, withRuntime, type Env, type GlobalOptions } from "../runtime";
import { VizierError } from "@vizier/model";

/** `vizier retention due|run` — review and enforce the datasets' retention periods. */
export function registerRetention(program: Command, env: Env): void {
  const r = program.command("retention").description("review and enforce retention periods (admin or privacy officer)");
  r.command("due")
    .description("list statements whose retention ends within N days (or has ended), per dataset and date")
    .option("--within <days>", "look this many days ahead", "30")
    .addHelpText("after", "\nExamples:\n  vizier retention due\n  vizier retention due --within 90 --json")
    .action(async (o: { within: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const within = Number(o.within);
      if (!Number.isInteger(within) || within < 0) throw new VizierError("INVALID_ARGUMENT", "--within must be a whole number of days ≥ 0");
      await withRuntime(g, env, async (rt) => {
        const { until, due } = await retentionDue(rt.adminCtx("retention"), rt.svc, within);
        emit(g.json, { until, due }, () => due.length === 0 ? `Nothing due for review until ${until}.` :
          `Due for review until ${until}:\n` + table(["dataset", "retention until", "statements", "entities"], due.map((d) => [d.dataset, d.retentionUntil, d.statements, d.entities])));
      });
    });
  r.command("run")
    .description("remove statements whose retention has ended, with their search entries and derived data; audited")
    .addHelpText("after", "\nRemoves every statement whose retention date lies before today. Entities left without any\nstatement also leave the resolution memberships and the review queue. Everything is logged.\nAlso removes expired sessions and login attempts older than 90 days (vizier serve does this hourly).\n\nExamples:\n  vizier retention run\n  vizier retention run --json")
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        // Derived data of removed entities: resolution memberships and review-queue pairs.
        const resolution = resolutionOf(rt.svc.store);
        const res = await runRetention(rt.adminCtx("retention"), rt.svc, [{ label: "resolution", forgetEntities: (ids) => resolution.forgetEntities(ids) }]);
        const accounts = await acc.pruneAccounts(accountsOf(rt.svc.store), new Date());
        emit(g.json, { ...res, accounts }, () => `Removed ${res.statements} statements of ${res.entities} entities (retention ended before ${res.before}); ` +
          `${res.removedEntityIds.length} entities have no statement left.` +
          Object.entries(res.derived).map(([k, n]) => `\n  derived ${k}: ${n} removed`).join("") +
          `\nAccounts: ${accounts.sessions} expired session(s) and ${accounts.loginAttempts} login attempt(s) older than ${acc.LOGIN_ATTEMPTS_KEPT_MS / 86_400_000} days removed.`);
      });
    });
}
