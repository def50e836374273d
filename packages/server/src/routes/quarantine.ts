import { createRoute, z } from "@hono/zod-openapi";
import { listQuarantine } from "@vizier/core";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, IdParam, jsonResponse, pageQuery, problems, PURPOSE_PARAMETER } from "../schemas";

const QuarantineRowSchema = z.object({
  kind: z.enum(["rejected", "conflict"]), runId: z.string(), dataset: z.string(), file: z.string(), row: z.number().int(),
  column: z.string(), reason: z.string(), raw: z.string().openapi({ description: "the source row as JSON" }),
}).openapi("QuarantineRow");

/**
 * GET /api/quarantine — rows an ingest refused, with the raw source row: only the owning agency
 * (and, for a compartment, members of the case) may list them; every listing is audited
 * (core/read/quarantine.ts, which the CLI uses too).
 */
export function quarantineRoutes(d: Deps) {
  const list = createRoute({
    method: "get", path: "/api/quarantine", tags: ["quarantine"], summary: "Quarantined rows of one of your agency's datasets (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        dataset: IdParam,
        run: IdParam.optional(),
        kind: z.enum(["rejected", "conflict"]).optional(),
        ...pageQuery(d.limits.maxPageSize, d.limits.maxOffset, 100),
      }),
    },
    responses: {
      200: jsonResponse(z.object({ items: z.array(QuarantineRowSchema), limit: z.number().int(), offset: z.number().int() }), "a page of rows"),
      ...problems(...DATA_PROBLEMS, 404),
    },
  });
  return router().openapi(list, async (c) => {
    const q = c.req.valid("query");
    const rows = await listQuarantine(requestCtx(c, d.now), d.svc, {
      dataset: q.dataset, limit: q.limit, offset: q.offset, ...(q.run ? { runId: q.run } : {}), ...(q.kind ? { kind: q.kind } : {}),
    });
    return c.json({ items: rows, limit: q.limit, offset: q.offset }, 200);
  });
}
