import { createRoute, z } from "@hono/zod-openapi";
import { EDGE_TYPES } from "@vizier/analytics";
import { STRATEGIES } from "@vizier/graph";
import { VizierError } from "@vizier/model";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { DATA_PROBLEMS, IdParam, jsonBody, jsonResponse, problems, PURPOSE_PARAMETER } from "../schemas";
import { COMMUNITY_ALGORITHMS, findCommunities, findPaths, GRAPH_METRICS, rankNodes, runDisruption } from "./graph-compute";
import { loadSelection, type NetworkSelection } from "./graph-source";

/** At most this many seed entities per analytics request, and this many hops around them. */
export const MAX_SEEDS = 50;
export const MAX_HOPS = 3;

const idList = z.string().min(1).max(MAX_SEEDS * 201)
  .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(IdParam).min(1).max(MAX_SEEDS))
  .openapi({ type: "string", description: `comma-separated seed entity ids (at most ${MAX_SEEDS})` });

/** Which part of the readable network (query form): seeds + hops, a dataset, or neither (all, when small enough). */
export const selectionQuery = {
  ids: idList.optional(),
  hops: z.coerce.number().int().min(1).max(MAX_HOPS).default(1).openapi({ description: `with ids: rings of neighbours, 1–${MAX_HOPS}` }),
  dataset: IdParam.optional().openapi({ description: "the readable network of one dataset" }),
};

/** The same selection in a JSON body. */
export const SelectionBody = {
  ids: z.array(IdParam).min(1).max(MAX_SEEDS).optional(),
  hops: z.number().int().min(1).max(MAX_HOPS).default(1),
  dataset: IdParam.optional(),
};

export function selection(q: { ids?: string[] | undefined; hops: number; dataset?: string | undefined }): NetworkSelection {
  if (q.ids && q.dataset) throw new VizierError("INVALID_ARGUMENT", "give ids or dataset, not both");
  return q.ids ? { ids: [...new Set(q.ids)], hops: q.hops } : q.dataset ? { dataset: q.dataset } : {};
}

const NodeRef = { id: z.string(), caption: z.string(), schema: z.string() };
const RankingSchema = z.object({
  metric: z.enum(GRAPH_METRICS), nodes: z.number().int(), edges: z.number().int(),
  items: z.array(z.object({ ...NodeRef, score: z.number() })),
}).openapi("GraphRanking");
const CommunitiesSchema = z.object({
  algorithm: z.enum(COMMUNITY_ALGORITHMS), count: z.number().int(), modularity: z.number(),
  membership: z.array(z.object({ ...NodeRef, community: z.number().int() })),
}).openapi("GraphCommunities");
const PathEdge = z.object({
  source: z.string(), target: z.string(), type: z.enum(EDGE_TYPES), directed: z.boolean(), weight: z.number(), count: z.number(),
  amount: z.number().optional(), period: z.string().optional(), start: z.string().optional(), end: z.string().optional(), evidence: z.array(z.string()),
});
const PathsSchema = z.object({
  from: z.string(), to: z.string(),
  paths: z.array(z.object({ rank: z.number().int(), length: z.number(), nodes: z.array(z.object(NodeRef)), edges: z.array(PathEdge) })),
}).openapi("GraphPaths");
const DisruptionSchema = z.object({
  strategy: z.enum(STRATEGIES), nodes: z.number().int(),
  steps: z.array(z.object({
    removed: z.number().int(), nodes: z.array(z.object(NodeRef)), lccSize: z.number().int(), lccFraction: z.number(), components: z.number().int(),
    efficiency: z.number().optional(),
  })),
}).openapi("GraphDisruption");

const ok = <T extends z.ZodType>(schema: T, description: string) => ({ 200: jsonResponse(schema, description) });

/** Graph analytics over the viewer's readable network: metrics, communities, paths, disruption (bounded, audited). */
export function graphAnalyticsRoutes(d: Deps) {
  const bounds = { maxEntities: d.limits.maxGraphEntities, maxNodes: d.limits.maxGraphNodes };
  const metrics = createRoute({
    method: "get", path: "/api/graph/metrics", tags: ["graph"], summary: "Rank entities of your readable network by a centrality metric (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        ...selectionQuery,
        metric: z.enum(GRAPH_METRICS).default("degree"),
        top: z.coerce.number().int().min(1).max(1000).default(20),
      }),
    },
    responses: { ...ok(RankingSchema, "the ranking"), ...problems(...DATA_PROBLEMS) },
  });
  const comms = createRoute({
    method: "get", path: "/api/graph/communities", tags: ["graph"], summary: "Communities (Louvain or Leiden) of your readable network (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        ...selectionQuery,
        algorithm: z.enum(COMMUNITY_ALGORITHMS).default("leiden"),
        resolution: z.coerce.number().min(0.01).max(100).default(1),
        seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(0),
      }),
    },
    responses: { ...ok(CommunitiesSchema, "membership and modularity"), ...problems(...DATA_PROBLEMS) },
  });
  const paths = createRoute({
    method: "get", path: "/api/graph/paths", tags: ["graph"], summary: "The k shortest readable paths between two entities, with their edges (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      query: z.object({
        from: IdParam, to: IdParam,
        k: z.coerce.number().int().min(1).max(10).default(1),
        maxLength: z.coerce.number().int().min(1).max(2 * MAX_HOPS).default(4),
      }),
    },
    responses: { ...ok(PathsSchema, "the paths, shortest first (empty: none within maxLength)"), ...problems(...DATA_PROBLEMS, 404) },
  });
  const disruption = createRoute({
    method: "post", path: "/api/graph/disruption", tags: ["graph"], summary: "Remove nodes by a strategy and follow the largest connected component (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      body: jsonBody(z.object({
        ...SelectionBody,
        strategy: z.enum(STRATEGIES),
        steps: z.number().int().min(1).max(200).default(20).openapi({ description: "stop after this many removals" }),
        mode: z.enum(["sequential", "block"]).default("sequential"),
        blockSize: z.number().int().min(1).max(100).default(5),
        seed: z.number().int().min(0).max(2 ** 31 - 1).default(0),
        list: z.array(IdParam).min(1).max(1000).optional().openapi({ description: "removal order for strategy `list`" }),
        efficiency: z.boolean().default(false),
      }).openapi("DisruptionRequest")),
    },
    responses: { ...ok(DisruptionSchema, "the curve"), ...problems(...DATA_PROBLEMS, 422) },
  });
  return router()
    .openapi(metrics, async (c) => {
      const q = c.req.valid("query");
      const net = await loadSelection(requestCtx(c, d.now), d.svc, selection(q), `metrics ${q.metric} top=${q.top}`, bounds);
      return c.json({ metric: q.metric, ...rankNodes(net, q.metric, q.top) }, 200);
    })
    .openapi(comms, async (c) => {
      const q = c.req.valid("query");
      const net = await loadSelection(requestCtx(c, d.now), d.svc, selection(q), `communities ${q.algorithm}`, bounds);
      return c.json(findCommunities(net, q.algorithm, { resolution: q.resolution, seed: q.seed }), 200);
    })
    .openapi(paths, async (c) => {
      const q = c.req.valid("query");
      const net = await loadSelection(requestCtx(c, d.now), d.svc, { ids: [q.from, q.to], hops: Math.ceil(q.maxLength / 2) }, `paths k=${q.k} maxLength=${q.maxLength}`, bounds);
      return c.json({ from: q.from, to: q.to, paths: findPaths(net, q.from, q.to, q.k, q.maxLength) }, 200);
    })
    .openapi(disruption, async (c) => {
      const b = c.req.valid("json");
      if (b.strategy === "list" && !b.list) throw new VizierError("INVALID_ARGUMENT", "strategy list needs `list`: the node ids in removal order");
      const net = await loadSelection(requestCtx(c, d.now), d.svc, selection(b), `disruption ${b.strategy} steps=${b.steps}`, bounds);
      const g = net.graph;
      const perStep = (b.strategy === "betweenness" || b.efficiency ? g.n * (g.m + 1) : 0) + g.n + g.m;
      const rounds = b.mode === "sequential" ? b.steps : Math.ceil(b.steps / b.blockSize);
      if (perStep * rounds > d.limits.maxDisruptionWork) {
        throw new VizierError("INVALID_ARGUMENT", `a ${b.strategy} disruption of ${g.n} nodes over ${rounds} rounds is too costly for one request; use mode block, fewer steps, a smaller selection or efficiency=false`);
      }
      const known = new Set(g.ids);
      const run = runDisruption(net, {
        strategy: b.strategy, mode: b.mode, blockSize: b.blockSize, seed: b.seed, maxRemoved: b.steps, efficiency: b.efficiency,
        ...(b.list ? { list: b.list.filter((id) => known.has(id)) } : {}),
      });
      return c.json({ strategy: b.strategy, ...run }, 200);
    });
}
