import { createRoute, z } from "@hono/zod-openapi";
import { audit, auditEntry } from "@vizier/core";
import { VizierError } from "@vizier/model";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, IdParam, jsonResponse, pageQuery, problems, PURPOSE_PARAMETER } from "../schemas";

const QuarantineRowSchema = z.object({
  kind: z.enum(["rejected", "conflict"]), runId: z.string(), dataset: z.string(), file: z.string(), row: z.number().int(),
  column: z.string(), reason: z.string(), raw: z.string().openapi({ description: "the source row as JSON" }),
}).openapi("QuarantineRow");

/**
 * GET /api/quarantine — rows an ingest refused, with the raw source row. Raw rows carry no
 * handling code, so only the owning agency (and, for a compartment, members of the case) may
 * list them; every listing is audited. (This check belongs in a core read service once one exists.)
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
    const ctx = requestCtx(c, d.now);
    const ds = await d.svc.store.getDataset(q.dataset);
    const owner = ds && ds.agency === ctx.actor.agency && (!ds.compartment || ctx.actor.cases.includes(ds.compartment));
    if (!ds || !(owner || ctx.actor.kind === "system")) throw new VizierError("NOT_FOUND", `no dataset "${q.dataset}" of your agency`);
    const rows = (await d.svc.store.listQuarantine({ dataset: q.dataset, limit: q.limit, offset: q.offset, ...(q.run ? { runId: q.run } : {}) }))
      .filter((r) => q.kind === undefined || r.kind === q.kind);
    await audit(d.svc.store, [auditEntry(ctx, "view", `quarantine dataset=${q.dataset}${q.run ? ` run=${q.run}` : ""}`, [q.dataset])]);
    return c.json({ items: rows, limit: q.limit, offset: q.offset }, 200);
  });
}
