import { createRoute, z } from "@hono/zod-openapi";
import { queryAudit, AUDIT_ACTIONS } from "@vizier/core";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, jsonResponse, pageQuery, problems, PURPOSE_PARAMETER } from "../schemas";

const AuditRecordSchema = z.object({
  seq: z.number().int(), at: z.string(), actor: z.string(), agency: z.string(), purpose: z.string(), action: z.enum(AUDIT_ACTIONS),
  query: z.string(), resultIds: z.array(z.string()), recipients: z.array(z.string()), prevHash: z.string(), hash: z.string(),
}).openapi("AuditRecord");

const text = z.string().trim().min(1).max(200);

/** GET /api/audit — the privacy officer's question "who consulted what, when and why" (core/audit/query; itself audited). */
export function auditRoutes(d: Deps) {
  const query = createRoute({
    method: "get", path: "/api/audit", tags: ["audit"], summary: "Audit records matching a filter, oldest first (admins and privacy officers; audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        entity: text.optional(), actor: text.optional(), agency: text.optional(), purpose: text.optional(), action: text.optional(),
        since: text.optional().openapi({ description: "YYYY-MM-DD or ISO timestamp" }), until: text.optional(),
        ...pageQuery(d.limits.maxPageSize, d.limits.maxOffset, 100),
      }),
    },
    responses: {
      200: jsonResponse(z.object({ items: z.array(AuditRecordSchema), limit: z.number().int(), offset: z.number().int(), nextOffset: z.number().int().nullable() }), "a page of records"),
      ...problems(...DATA_PROBLEMS),
    },
  });
  return router().openapi(query, async (c) => {
    const { limit, offset, ...filter } = c.req.valid("query");
    const f = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const items = [];
    let seen = 0;
    let more = false;
    for await (const r of queryAudit(requestCtx(c, d.now), d.svc, f)) {
      if (seen++ < offset) continue;
      if (items.length === limit) { more = true; break; }
      items.push({ ...r, resultIds: [...r.resultIds], recipients: [...r.recipients] });
    }
    return c.json({ items, limit, offset, nextOffset: more ? offset + limit : null }, 200);
  });
}
