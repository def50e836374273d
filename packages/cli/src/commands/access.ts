import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { decideAccess, listAccess, requestAccess, type AccessRequest } from "@vizier/core";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions } from "../runtime";

function summary(r: AccessRequest): string {
  return [
    `Access request ${r.id}: ${r.status}`,
    `  requester      ${r.requester} (${r.requesterAgency})`,
    `  dataset        ${r.dataset} (owner ${r.owner})`,
    `  entities       ${r.entityIds.join(", ")}`,
    `  purpose        ${r.purpose}`,
    `  justification  ${r.justification}`,
    ...(r.decidedBy ? [`  decided        by ${r.decidedBy} at ${r.decidedAt}: ${r.reason}`] : []),
    ...(r.until ? [`  until          ${r.until}`] : []),
  ].join("\n");
}

/** `vizier access request|list|decide` — asking the owning agency for withheld statements (docs/safeguards.md). */
export function registerAccess(program: Command, env: Env): void {
  const a = program.command("access").description("access requests: ask the owning agency for statements withheld from you");
  a.command("request <entity-id...>")
    .description("ask the owner of a dataset to let you read the named entities' withheld statements, for your --purpose")
    .requiredOption("--dataset <name>", "the dataset holding the withheld statements (shown by `vizier show`/withheld counts)")
    .requiredOption("--justification <text>", "why you need them (at least 10 characters; the owner reads this)")
    .addHelpText("after", "\nExample:\n  vizier access request 3f2a… --dataset fiod-cases --justification \"suspect in our case\" --purpose case:NL-2026-0042")
    .action(async (ids: string[], o: { dataset: string; justification: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const r = await requestAccess(rt.ctx(), rt.svc, { entityIds: ids, dataset: o.dataset, justification: o.justification });
        emit(g.json, r, () => `${summary(r)}\nThe owning agency (${r.owner}) decides; see \`vizier access list\`.`);
      });
    });
  a.command("list")
    .description("your requests and, for admins, privacy officers and liaison officers, those addressed to your agency")
    .option("--pending", "only requests still waiting for a decision")
    .action(async (o: { pending?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const list = await listAccess(rt.adminCtx("access-requests"), rt.svc, { pending: o.pending ?? false });
        emit(g.json, list, () => list.length === 0 ? "No access requests." : table(
          ["id", "status", "requester", "dataset", "owner", "entities", "purpose", "created", "until"],
          list.map((r) => [r.id, r.status, `${r.requester} (${r.requesterAgency})`, r.dataset, r.owner, r.entityIds.length, r.purpose, r.createdAt, r.until ?? ""])));
      });
    });
  a.command("decide <id> <decision>")
    .description("approve or refuse a request addressed to your agency (admin, privacy officer or liaison officer)")
    .requiredOption("--reason <text>", "why; the requester and the audit log see it")
    .option("--until <date>", "approval ends after this day (YYYY-MM-DD, UTC); default: no end date")
    .addHelpText("after", "\nExamples:\n  vizier access decide ar-1a2b3c approve --reason \"proportionate for this case\" --until 2026-12-31\n  vizier access decide ar-1a2b3c refuse --reason \"ask via the liaison officer\"")
    .action(async (id: string, decision: string, o: { reason: string; until?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (decision !== "approve" && decision !== "refuse") throw new VizierError("INVALID_ARGUMENT", `decision must be approve or refuse, not "${decision}"`);
      await withRuntime(g, env, async (rt) => {
        const r = await decideAccess(rt.adminCtx("access-decision"), rt.svc, id, { approve: decision === "approve", reason: o.reason, ...(o.until ? { until: o.until } : {}) });
        emit(g.json, r, () => summary(r));
      });
    });
}
