import { createRoute, z } from "@hono/zod-openapi";
import { inScope, scopeFor } from "@vizier/core";
import { VizierError } from "@vizier/model";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, DatasetSchema, IdParam, jsonResponse, problems, PURPOSE_PARAMETER } from "../schemas";

const list = createRoute({
  method: "get", path: "/api/datasets", tags: ["datasets"], summary: "Datasets whose statements you may read for this purpose", parameters: PURPOSE_PARAMETER,
    responses: { 200: jsonResponse(z.object({ items: z.array(DatasetSchema) }), "datasets"), ...problems(...DATA_PROBLEMS) },
});

const show = createRoute({
  method: "get", path: "/api/datasets/{name}", tags: ["datasets"], summary: "One dataset (404 when it does not exist or you may not read it)", parameters: PURPOSE_PARAMETER,
  request: { params: z.object({ name: IdParam }) },
  responses: { 200: jsonResponse(DatasetSchema, "the dataset"), ...problems(...DATA_PROBLEMS, 404) },
});

/**
 * Dataset metadata, filtered by the policy decision point: a dataset is listed when the scope
 * lets the actor read any of its statements (a compartment you are not in stays invisible).
 */
export function datasetRoutes(d: Deps) {
  const readable = async (ctx: ReturnType<typeof requestCtx>) => {
    const scope = await scopeFor(ctx, d.svc);
    const all = await d.svc.store.listDatasets();
    return all.filter((ds) => scope.all || d.svc.sharing.handlingCodes.some((h) => inScope(scope, ds.name, h.code)));
  };
  return router()
    .openapi(list, async (c) => c.json({ items: await readable(requestCtx(c, d.now)) }, 200))
    .openapi(show, async (c) => {
      const { name } = c.req.valid("param");
      const ds = (await readable(requestCtx(c, d.now))).find((x) => x.name === name);
      if (!ds) throw new VizierError("NOT_FOUND", `no dataset "${name}" that you may read`);
      return c.json(ds, 200);
    });
}
