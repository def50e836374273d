import { createRoute, z } from "@hono/zod-openapi";
import { viewEntities } from "@vizier/core";
import { VizierError } from "@vizier/model";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, EntitySchema, IdParam, jsonResponse, problems, PURPOSE_PARAMETER, StatementSchema, WithheldSchema } from "../schemas";

const EntityViewSchema = z.object({
  entity: EntitySchema,
  statements: z.array(StatementSchema).openapi({ description: "the readable statements behind every value, with provenance" }),
  withheld: z.array(WithheldSchema).openapi({ description: "statements other agencies hold that you may not read: counts, never content" }),
}).openapi("EntityView");

/** Entity views through core/read/entities (per-viewer profile, policy decision, audit). */
export function entityRoutes(d: Deps) {
  const one = createRoute({
    method: "get", path: "/api/entities/{id}", tags: ["entities"], summary: "One entity as you may see it (audited)", parameters: PURPOSE_PARAMETER,
    request: { params: z.object({ id: IdParam }) },
    responses: {
      200: jsonResponse(EntityViewSchema, "the entity with per-value provenance and withheld counts"),
      ...problems(...DATA_PROBLEMS, 404),
    },
  });
  const many = createRoute({
    method: "get", path: "/api/entities", tags: ["entities"], summary: "Several entities by id (audited); ids you may not read are left out", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        ids: z.string().min(1).max(d.limits.maxEntityIds * 201)
          .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
          .pipe(z.array(IdParam).min(1).max(d.limits.maxEntityIds))
          .openapi({ type: "string", description: `comma-separated entity ids (at most ${d.limits.maxEntityIds})` }),
      }),
    },
    responses: { 200: jsonResponse(z.object({ items: z.array(EntityViewSchema) }), "the entities you may read"), ...problems(...DATA_PROBLEMS) },
  });
  return router()
    .openapi(one, async (c) => {
      const { id } = c.req.valid("param");
      const [view] = await viewEntities(requestCtx(c, d.now), d.svc, [id]);
      // No readable statement: the same answer whether the entity does not exist or is withheld.
      if (!view) throw new VizierError("NOT_FOUND", "no entity with this id that you may read");
      return c.json(view, 200);
    })
    .openapi(many, async (c) => {
      const { ids } = c.req.valid("query");
      return c.json({ items: await viewEntities(requestCtx(c, d.now), d.svc, [...new Set(ids)]) }, 200);
    });
}
