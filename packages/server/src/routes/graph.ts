import { createRoute, z } from "@hono/zod-openapi";
import { EDGE_TYPES, expandNeighbourhood, timeline, type EdgeType } from "@vizier/analytics";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, IdParam, jsonResponse, problems, PURPOSE_PARAMETER } from "../schemas";

/** At most this many seed entities per expansion or timeline. */
const MAX_SEEDS = 20;

const NodeSchema = z.object({ id: z.string(), schema: z.string(), label: z.string() }).openapi("NetworkNode");
const EdgeSchema = z.object({
  source: z.string(), target: z.string(), type: z.enum(EDGE_TYPES), directed: z.boolean(), weight: z.number(), count: z.number(),
  amount: z.number().optional(), duration: z.number().optional(), period: z.string().optional(), start: z.string().optional(), end: z.string().optional(),
  evidence: z.array(z.string()),
}).openapi("NetworkEdge");
const NeighbourhoodSchema = z.object({
  network: z.object({ nodes: z.array(NodeSchema), edges: z.array(EdgeSchema) }),
  hidden: z.number().int().openapi({ description: "relationships pointing at the seeds that you may not read: a count, no content" }),
  truncated: z.boolean().openapi({ description: "more relationships than `limit` exist; the rest are left out" }),
}).openapi("Neighbourhood");
const TimelineSchema = z.object({
  items: z.array(z.object({
    id: z.string(), schema: z.string(), caption: z.string(), start: z.string(), end: z.string().optional(), datasets: z.array(z.string()), involves: z.array(z.string()),
  })),
  hidden: z.number().int(),
  truncated: z.boolean(),
}).openapi("Timeline");

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const seedIds = z.string().min(1).max(MAX_SEEDS * 201)
  .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(IdParam).min(1).max(MAX_SEEDS))
  .openapi({ type: "string", description: `comma-separated entity ids (at most ${MAX_SEEDS})` });

/** Graph neighbourhood expansion and timelines (@vizier/analytics), within scope and audited. */
export function graphRoutes(d: Deps) {
  const expand = createRoute({
    method: "get", path: "/api/graph/expand", tags: ["graph"], summary: "The readable relationships around a few entities, with hidden counts (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        ids: seedIds,
        limit: z.coerce.number().int().min(1).max(1000).default(200).openapi({ description: "at most this many relationships (1–1000)" }),
        types: z.string().max(1000).optional()
          .transform((s) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : undefined))
          .pipe(z.array(z.enum(EDGE_TYPES)).optional())
          .openapi({ type: "string", description: `comma-separated edge types (${EDGE_TYPES.length} known)` }),
        since: isoDate.optional(),
        until: isoDate.optional(),
      }),
    },
    responses: { 200: jsonResponse(NeighbourhoodSchema, "the neighbourhood"), ...problems(...DATA_PROBLEMS) },
  });
  const line = createRoute({
    method: "get", path: "/api/timeline", tags: ["graph"], summary: "Dated events, payments, calls and shipments involving entities, earliest first (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        ids: seedIds,
        limit: z.coerce.number().int().min(1).max(2000).default(500),
        since: isoDate.optional(),
        until: isoDate.optional(),
      }),
    },
    responses: { 200: jsonResponse(TimelineSchema, "the timeline"), ...problems(...DATA_PROBLEMS) },
  });
  return router()
    .openapi(expand, async (c) => {
      const q = c.req.valid("query");
      const n = await expandNeighbourhood(requestCtx(c, d.now), d.svc, q.ids, {
        limit: q.limit, ...(q.types ? { types: q.types as EdgeType[] } : {}), ...(q.since ? { since: q.since } : {}), ...(q.until ? { until: q.until } : {}),
      });
      return c.json(n, 200);
    })
    .openapi(line, async (c) => {
      const q = c.req.valid("query");
      const t = await timeline(requestCtx(c, d.now), d.svc, q.ids, { limit: q.limit, ...(q.since ? { since: q.since } : {}), ...(q.until ? { until: q.until } : {}) });
      return c.json(t, 200);
    });
}
