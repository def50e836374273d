import { assembleEntities, entityCaption, VizierError } from "@vizier/model";
import { audit, auditEntry, scopeFor, type AccessScope, type Ctx, type JudgementRecord, type ResolutionPort, type ReviewPair, type Services } from "@vizier/core";
import type { PairExplanation } from "@vizier/resolution";
import { basisWithin, viewOf, type View } from "./view";

/** An entity as resolution results show it: id, schema, caption and datasets — readable statements only. */
export interface EntityBrief {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
}

export interface ReviewItem {
  pair: ReviewPair;
  left: EntityBrief;
  right: EntityBrief;
}

/** Briefs of the entities the scope can read (ids it cannot read are absent). */
async function briefs(svc: Services, scope: AccessScope, ids: readonly string[]): Promise<Map<string, EntityBrief>> {
  if (ids.length === 0) return new Map();
  const entities = assembleEntities(svc.model, await svc.store.readStatements(scope, { entityIds: [...new Set(ids)] }));
  return new Map(entities.map((e) => [e.id, { id: e.id, schema: e.schema, caption: entityCaption(svc.model, e), datasets: e.datasets ?? [] }]));
}

async function viewFor(ctx: Ctx, svc: Services): Promise<{ scope: AccessScope; view: View }> {
  const scope = await scopeFor(ctx, svc);
  return { scope, view: viewOf(scope) };
}

/**
 * The review queue of the viewer's view, most uncertain first. A pair is shown only while both
 * entities are still readable (a dataset could have been withdrawn since the run). Audited.
 */
export async function listReview(ctx: Ctx, svc: Services, er: ResolutionPort, q: { limit: number; offset?: number; status?: ReviewPair["status"] }): Promise<ReviewItem[]> {
  const { scope, view } = await viewFor(ctx, svc);
  const pairs = await er.reviewQueue(view.key, q);
  const known = await briefs(svc, scope, pairs.flatMap((p) => [p.left, p.right]));
  const items = pairs.flatMap((pair) => {
    const left = known.get(pair.left);
    const right = known.get(pair.right);
    return left && right ? [{ pair, left, right }] : [];
  });
  await audit(svc.store, [auditEntry(ctx, "review.view", `review list limit=${q.limit} offset=${q.offset ?? 0}`, items.flatMap((i) => [i.pair.id, i.left.id, i.right.id]))]);
  return items;
}

/** One queued pair with its per-field explanation and the judgements on it. Audited. */
export async function showReview(ctx: Ctx, svc: Services, er: ResolutionPort, id: string): Promise<ReviewItem & { explanation: PairExplanation; judgements: JudgementRecord[] }> {
  const { scope, view } = await viewFor(ctx, svc);
  const pair = await er.getReviewPair(view.key, id);
  const known = pair ? await briefs(svc, scope, [pair.left, pair.right]) : new Map<string, EntityBrief>();
  const left = pair && known.get(pair.left);
  const right = pair && known.get(pair.right);
  if (!pair || !left || !right) throw new VizierError("NOT_FOUND", `no review pair "${id}" in your view (run \`vizier resolve\` first?)`);
  const judgements = (await er.listJudgements({ entityIds: [pair.left] }))
    .filter((j) => j.right === pair.right || j.left === pair.right)
    .filter((j) => basisWithin(j.basis, view.basis));
  await audit(svc.store, [auditEntry(ctx, "review.view", `review show ${id}`, [id, pair.left, pair.right])]);
  return { pair, left, right, explanation: JSON.parse(pair.explanation) as PairExplanation, judgements };
}

/** The members of a resolved entity (given by its id or a member's entity id) in the viewer's view; readable members only. Audited. */
export async function showResolved(ctx: Ctx, svc: Services, er: ResolutionPort, resolvedId: string): Promise<{ id: string; members: EntityBrief[]; judgements: JudgementRecord[] }> {
  const { scope, view } = await viewFor(ctx, svc);
  let ms = await er.memberships(view.key, { resolvedIds: [resolvedId] });
  // A source entity's id works too: show the resolved entity it belongs to.
  const owner = ms.length === 0 ? (await er.memberships(view.key, { entityIds: [resolvedId] }))[0] : undefined;
  if (owner) ms = await er.memberships(view.key, { resolvedIds: [owner.resolvedId] });
  const id = owner?.resolvedId ?? resolvedId;
  const known = await briefs(svc, scope, ms.map((m) => m.entityId));
  const members = ms.flatMap((m) => { const b = known.get(m.entityId); return b ? [b] : []; });
  if (members.length === 0) throw new VizierError("NOT_FOUND", `no resolved entity "${resolvedId}" in your view (run \`vizier resolve\` first?)`);
  const ids = new Set(members.map((m) => m.id));
  const judgements = (await er.listJudgements({ entityIds: [...ids] }))
    .filter((j) => ids.has(j.left) && ids.has(j.right) && basisWithin(j.basis, view.basis));
  await audit(svc.store, [auditEntry(ctx, "resolved.view", `resolved show ${resolvedId}`, [id, ...ids])]);
  return { id, members, judgements };
}

