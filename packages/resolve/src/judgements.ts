import { randomBytes } from "node:crypto";
import { VizierError } from "@vizier/model";
import { auditEntry, linkAudit, scopeFor, type Ctx, type JudgementRecord, type ResolutionPort, type Services, type Verdict } from "@vizier/core";
import type { Judgement } from "@vizier/resolution";
import { basisWithin, viewOf } from "./view";

export const VERDICTS: readonly Verdict[] = ["confirm", "reject", "unsure"];

/** Both entities must be readable by the judge; otherwise NOT_FOUND (existence is not revealed). */
async function requireReadable(ctx: Ctx, svc: Services, ids: readonly string[]): Promise<ReturnType<typeof viewOf>> {
  const scope = await scopeFor(ctx, svc);
  const readable = new Set((await svc.store.readStatements(scope, { entityIds: ids })).map((s) => s.entityId));
  const missing = ids.filter((id) => !readable.has(id));
  if (missing.length > 0) throw new VizierError("NOT_FOUND", `no readable entity ${missing.join(", ")}`);
  return viewOf(scope);
}

/** Records an analyst's decision on a pair of entities: who, when, why, under which scope. Audited. */
export async function judge(
  ctx: Ctx, svc: Services, er: ResolutionPort, q: { left: string; right: string; verdict: Verdict; reason: string },
): Promise<JudgementRecord> {
  if (!VERDICTS.includes(q.verdict)) throw new VizierError("INVALID_ARGUMENT", `verdict must be one of ${VERDICTS.join(", ")}`);
  if (q.left === q.right) throw new VizierError("INVALID_ARGUMENT", "a judgement needs two different entities");
  const reason = q.reason.trim();
  if (!reason) throw new VizierError("INVALID_ARGUMENT", "a judgement needs a reason (--reason)");
  const view = await requireReadable(ctx, svc, [q.left, q.right]);
  const [left, right] = q.left < q.right ? [q.left, q.right] : [q.right, q.left];
  const j: JudgementRecord = {
    id: `j${randomBytes(8).toString("hex")}`, left, right, verdict: q.verdict, actor: ctx.actor.id, agency: ctx.actor.agency,
    purpose: ctx.purpose, at: ctx.now().toISOString(), reason, basis: view.basis,
  };
  await er.addJudgement(j, { entries: [auditEntry(ctx, "judgement.create", `${left} ${right} ${q.verdict}`, [j.id, left, right])], link: linkAudit });
  return j;
}

/** Withdraws a judgement (kept in the history, marked undone); the judgement before it, if any, is in force again. Audited. */
export async function undoJudgement(ctx: Ctx, svc: Services, er: ResolutionPort, id: string): Promise<JudgementRecord> {
  const j = await er.getJudgement(id);
  if (!j) throw new VizierError("NOT_FOUND", `no judgement "${id}"`);
  await requireReadable(ctx, svc, [j.left, j.right]);
  return er.undoJudgement(id, ctx.actor.id, ctx.now().toISOString(),
    { entries: [auditEntry(ctx, "judgement.undo", id, [id, j.left, j.right])], link: linkAudit });
}

/**
 * The judgements that shape a view: not undone, and made under a scope the view can read at
 * least as much as — a decision informed by data this view may not read does not apply here.
 */
export function judgementsFor(all: readonly JudgementRecord[], basis: string): JudgementRecord[] {
  return all.filter((j) => j.undoneAt === undefined && basisWithin(j.basis, basis));
}

/** A stored judgement as the resolution engine takes it (records of a group are keyed by the group). */
export function toEngine(j: JudgementRecord, source: string): Judgement {
  return { left: { source, id: j.left }, right: { source, id: j.right }, decision: j.verdict, who: j.actor, when: j.at, why: j.reason };
}
