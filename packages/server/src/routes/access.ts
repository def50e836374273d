import { createRoute, z } from "@hono/zod-openapi";
import { decideAccess, listAccess, requestAccess } from "@vizier/core";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, IdParam, jsonBody, jsonResponse, problems, PURPOSE_PARAMETER } from "../schemas";

const AccessRequestSchema = z.object({
  id: z.string(), requester: z.string(), requesterAgency: z.string(), entityIds: z.array(z.string()), dataset: z.string(), owner: z.string(),
  purpose: z.string(), justification: z.string(), status: z.enum(["pending", "approved", "refused"]), createdAt: z.string(),
  decidedBy: z.string().optional(), decidedAt: z.string().optional(), reason: z.string().optional(), until: z.string().optional(),
}).openapi("AccessRequest");

const NewRequestSchema = z.object({
  entityIds: z.array(IdParam).min(1).max(100),
  dataset: IdParam,
  justification: z.string().min(10).max(4000),
}).openapi("NewAccessRequest");

const DecisionSchema = z.object({
  approve: z.boolean(),
  reason: z.string().min(3).max(4000),
  until: z.string().max(40).optional().openapi({ description: "approved until this date (YYYY-MM-DD, end of day UTC) or timestamp" }),
}).openapi("AccessDecision");

/**
 * Access requests (core/access): ask the owning agency for statements withheld from you, for the
 * request's purpose; its admin, privacy officer or liaison decides. Filing and deciding are audited.
 */
export function accessRoutes(d: Deps) {
  const file = createRoute({
    method: "post", path: "/api/access-requests", tags: ["access"], summary: "Ask the owning agency for withheld statements (audited)", parameters: PURPOSE_PARAMETER,
    request: { body: jsonBody(NewRequestSchema) },
    responses: { 201: jsonResponse(AccessRequestSchema, "filed"), ...problems(...DATA_PROBLEMS, 404, 422) },
  });
  const list = createRoute({
    method: "get", path: "/api/access-requests", tags: ["access"], summary: "Your requests, and those addressed to your agency if you may decide", parameters: PURPOSE_PARAMETER,
    request: { query: z.object({ pending: z.enum(["true", "false"]).optional() }) },
    responses: { 200: jsonResponse(z.object({ items: z.array(AccessRequestSchema) }), "requests, newest first"), ...problems(...DATA_PROBLEMS) },
  });
  const decide = createRoute({
    method: "post", path: "/api/access-requests/{id}/decision", tags: ["access"], summary: "Approve or refuse a pending request (owner's admin, privacy officer or liaison; audited)", parameters: PURPOSE_PARAMETER,
    request: { params: z.object({ id: IdParam }), body: jsonBody(DecisionSchema) },
    responses: { 200: jsonResponse(AccessRequestSchema, "the decided request"), ...problems(...DATA_PROBLEMS, 404, 409, 422) },
  });
  return router()
    .openapi(file, async (c) => c.json(await requestAccess(requestCtx(c, d.now), d.svc, c.req.valid("json")), 201))
    .openapi(list, async (c) => c.json({ items: await listAccess(requestCtx(c, d.now), d.svc, { pending: c.req.valid("query").pending === "true" }) }, 200))
    .openapi(decide, async (c) => c.json(await decideAccess(requestCtx(c, d.now), d.svc, c.req.valid("param").id, c.req.valid("json")), 200));
}
