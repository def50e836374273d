import { createRoute, z } from "@hono/zod-openapi";
import type { JudgementRecord } from "@vizier/core";
import { judge, listReview, resolutionOf, showResolved, showReview, undoJudgement } from "@vizier/resolve";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, IdParam, jsonBody, jsonResponse, pageQuery, problems, PURPOSE_PARAMETER } from "../schemas";

const VERDICT = z.enum(["confirm", "reject", "unsure"]);
const BriefSchema = z.object({ id: z.string(), schema: z.string(), caption: z.string(), datasets: z.array(z.string()) }).openapi("EntityBrief");
const PairSchema = z.object({
  id: z.string(), left: z.string(), right: z.string(), probability: z.number(), matchWeight: z.number(), status: z.enum(["open", "judged"]),
}).openapi("ReviewPair");
const JudgementSchema = z.object({
  id: z.string(), left: z.string(), right: z.string(), verdict: VERDICT, actor: z.string(), agency: z.string(), purpose: z.string(),
  at: z.string(), reason: z.string(), undoneAt: z.string().optional(), undoneBy: z.string().optional(),
}).openapi("Judgement");
const ReviewItemSchema = z.object({ pair: PairSchema, left: BriefSchema, right: BriefSchema }).openapi("ReviewItem");

/** A judgement as the API shows it: without the judge's scope digest (`basis`). */
function judgementJson(j: JudgementRecord): z.infer<typeof JudgementSchema> {
  const { basis: _basis, ...rest } = j;
  return rest;
}
const pairJson = (p: z.infer<typeof PairSchema> & { explanation?: string }) => ({
  id: p.id, left: p.left, right: p.right, probability: p.probability, matchWeight: p.matchWeight, status: p.status,
});

/** Entity resolution in the store (@vizier/resolve): review queue with explanations, judgements, resolved entities. */
export function resolutionRoutes(d: Deps) {
  const er = () => resolutionOf(d.svc.store);
  const queue = createRoute({
    method: "get", path: "/api/review", tags: ["resolution"], summary: "The review queue of your view, most uncertain first (audited)", parameters: PURPOSE_PARAMETER,
    request: { query: z.object({ status: z.enum(["open", "judged"]).optional(), ...pageQuery(d.limits.maxPageSize, d.limits.maxOffset) }) },
    responses: { 200: jsonResponse(z.object({ items: z.array(ReviewItemSchema), limit: z.number().int(), offset: z.number().int() }), "pairs"), ...problems(...DATA_PROBLEMS) },
  });
  const pair = createRoute({
    method: "get", path: "/api/review/{id}", tags: ["resolution"], summary: "One pair with the per-field explanation and its judgements (audited)", parameters: PURPOSE_PARAMETER,
    request: { params: z.object({ id: IdParam }) },
    responses: {
      200: jsonResponse(ReviewItemSchema.extend({ explanation: z.record(z.string(), z.unknown()).openapi({ description: "PairExplanation of @vizier/resolution: field contributions, weights, probability" }), judgements: z.array(JudgementSchema) }), "the pair"),
      ...problems(...DATA_PROBLEMS, 404),
    },
  });
  const create = createRoute({
    method: "post", path: "/api/judgements", tags: ["resolution"], summary: "Judge two entities you may read: confirm, reject or unsure, with a reason (audited)", parameters: PURPOSE_PARAMETER,
    request: { body: jsonBody(z.object({ left: IdParam, right: IdParam, verdict: VERDICT, reason: z.string().trim().min(1).max(4000) }).openapi("NewJudgement")) },
    responses: { 201: jsonResponse(JudgementSchema, "recorded"), ...problems(...DATA_PROBLEMS, 404, 422) },
  });
  const undo = createRoute({
    method: "post", path: "/api/judgements/{id}/undo", tags: ["resolution"], summary: "Withdraw a judgement (kept in the history; audited)", parameters: PURPOSE_PARAMETER,
    request: { params: z.object({ id: IdParam }) },
    responses: { 200: jsonResponse(JudgementSchema, "the withdrawn judgement"), ...problems(...DATA_PROBLEMS, 404, 409) },
  });
  const resolved = createRoute({
    method: "get", path: "/api/resolved/{id}", tags: ["resolution"], summary: "The members of a resolved entity (by its id or a member's) that you may read (audited)", parameters: PURPOSE_PARAMETER,
    request: { params: z.object({ id: IdParam }) },
    responses: {
      200: jsonResponse(z.object({ id: z.string(), members: z.array(BriefSchema), judgements: z.array(JudgementSchema) }), "members and judgements"),
      ...problems(...DATA_PROBLEMS, 404),
    },
  });
  return router()
    .openapi(queue, async (c) => {
      const q = c.req.valid("query");
      const items = await listReview(requestCtx(c, d.now), d.svc, er(), { limit: q.limit, offset: q.offset, ...(q.status ? { status: q.status } : {}) });
      return c.json({ items: items.map((i) => ({ ...i, pair: pairJson(i.pair) })), limit: q.limit, offset: q.offset }, 200);
    })
    .openapi(pair, async (c) => {
      const r = await showReview(requestCtx(c, d.now), d.svc, er(), c.req.valid("param").id);
      return c.json({ pair: pairJson(r.pair), left: r.left, right: r.right, explanation: { ...r.explanation }, judgements: r.judgements.map(judgementJson) }, 200);
    })
    .openapi(create, async (c) => c.json(judgementJson(await judge(requestCtx(c, d.now), d.svc, er(), c.req.valid("json"))), 201))
    .openapi(undo, async (c) => c.json(judgementJson(await undoJudgement(requestCtx(c, d.now), d.svc, er(), c.req.valid("param").id)), 200))
    .openapi(resolved, async (c) => {
      const r = await showResolved(requestCtx(c, d.now), d.svc, er(), c.req.valid("param").id);
      return c.json({ id: r.id, members: r.members, judgements: r.judgements.map(judgementJson) }, 200);
    });
}
