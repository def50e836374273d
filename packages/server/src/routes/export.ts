import { createRoute, z } from "@hono/zod-openapi";
import { stream } from "hono/streaming";
import { exportFtm } from "@vizier/core";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, EntitySchema, IdParam, problems, PURPOSE_PARAMETER } from "../schemas";

const exportRoute = createRoute({
  method: "get", path: "/api/export", tags: ["export"], summary: "Every entity you may read, as FtM JSON lines (audited before the first line)", parameters: PURPOSE_PARAMETER,
  request: {
    query: z.object({
      dataset: IdParam.optional().openapi({ description: "only this dataset" }),
      recipients: z.string().max(500).regex(/^[A-Za-z0-9_,-]*$/).optional().openapi({ description: "comma-separated agencies the export is disclosed to (recorded in the audit log)" }),
    }),
  },
  responses: {
    200: { description: "one FtM entity per line", content: { "application/x-ndjson": { schema: EntitySchema } } },
    ...problems(...DATA_PROBLEMS),
  },
});

/** GET /api/export — streams core/read/export (exportFtm); errors before the first entity are problem+json. */
export function exportRoutes(d: Deps) {
  return router().openapi(exportRoute, async (c) => {
    const q = c.req.valid("query");
    const ctx = requestCtx(c, d.now);
    const recipients = q.recipients?.split(",").filter(Boolean) ?? [];
    const it = exportFtm(ctx, d.svc, { ...(q.dataset ? { dataset: q.dataset } : {}), recipients })[Symbol.asyncIterator]();
    // The first step decides the scope and writes the audit record; its errors still get a status.
    const first = await it.next();
    c.header("Content-Type", "application/x-ndjson; charset=utf-8");
    // A streamed body has no typed JSON response; the route's OpenAPI entry documents the lines.
    const res: Response = stream(c, async (s) => {
      let r = first;
      while (!r.done) {
        await s.write(`${JSON.stringify(r.value)}\n`);
        r = await it.next();
      }
    }, async (err, s) => {
      // Headers are gone; end the body with a marker line a client can detect, and stop.
      await s.write(`${JSON.stringify({ error: { code: "INTERNAL", message: "export interrupted" } })}\n`);
      void err;
    });
    return res as never;
  });
}
