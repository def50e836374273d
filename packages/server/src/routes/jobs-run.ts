import { createRoute, z } from "@hono/zod-openapi";
import { VizierError } from "@vizier/model";
import type { Ctx } from "@vizier/core";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { COMMUNITY_ALGORITHMS, GRAPH_METRICS } from "../jobs/kinds";
import { DATA_PROBLEMS, jsonBody, jsonResponse, problems, PURPOSE_PARAMETER } from "../schemas";
import { SelectionBody, selection } from "./graph-analytics";
import { jobJson, JobSchema } from "./jobs";

/** Roles that may start resolution and analytics jobs (privacy officers and liaisons read the results of others, they do not analyse). */
const ANALYST_ROLES = new Set(["admin", "analyst", "investigator"]);

function mayAnalyse(ctx: Ctx, what: string): void {
  if (ctx.actor.kind !== "system" && !ctx.actor.roles.some((r) => ANALYST_ROLES.has(r))) {
    throw new VizierError("FORBIDDEN", `${what} needs the role ${[...ANALYST_ROLES].join(", ")}`);
  }
}

const queued = { 202: jsonResponse(JobSchema, "queued; follow it at GET /api/jobs/{id}") };

/** Long jobs besides ingest: a resolution run of your view, graph analytics on big networks. */
export function jobRunRoutes(d: Deps) {
  const resolve = createRoute({
    method: "post", path: "/api/jobs/resolve", tags: ["jobs"], summary: "Resolve the people and organisations you may read, as a job (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      body: jsonBody(z.object({
        incremental: z.boolean().default(false).openapi({ description: "compare only entities changed since the last run of your view" }),
        threshold: z.number().min(0).max(1).optional().openapi({ description: "merge at or above this match probability (default 0.9)" }),
        band: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).optional().openapi({ description: "review band [lo, hi) (default [0.5, 0.98])" }),
      }).openapi("ResolveJobRequest"), false),
    },
    responses: { ...queued, ...problems(...DATA_PROBLEMS, 422) },
  });
  const analytics = createRoute({
    method: "post", path: "/api/jobs/analytics", tags: ["jobs"], summary: "A metric ranking or community detection on a big readable network, as a job (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      body: jsonBody(z.object({
        ...SelectionBody,
        task: z.enum(["metric", "communities"]),
        metric: z.enum(GRAPH_METRICS).default("degree"),
        algorithm: z.enum(COMMUNITY_ALGORITHMS).default("leiden"),
        top: z.number().int().min(1).max(100_000).default(100).openapi({ description: "metric: the top N nodes; communities: membership of at most N nodes (by community, then id)" }),
      }).openapi("AnalyticsJobRequest")),
    },
    responses: { ...queued, ...problems(...DATA_PROBLEMS, 422) },
  });
  return router()
    .openapi(resolve, async (c) => {
      const ctx = requestCtx(c, d.now);
      mayAnalyse(ctx, "a resolution run");
      const raw = c.req.header("content-type")?.includes("application/json") ? c.req.valid("json") : { incremental: false };
      const b = raw as { incremental: boolean; threshold?: number; band?: [number, number] };
      if (b.band && b.band[0] > b.band[1]) throw new VizierError("INVALID_ARGUMENT", "band: lo must not exceed hi");
      const job = await d.jobs.submitResolve(ctx, { incremental: b.incremental, ...(b.threshold !== undefined ? { threshold: b.threshold } : {}), ...(b.band ? { band: b.band } : {}) });
      return c.json(jobJson(job), 202);
    })
    .openapi(analytics, async (c) => {
      const ctx = requestCtx(c, d.now);
      mayAnalyse(ctx, "an analytics job");
      const b = c.req.valid("json");
      const sel = selection(b);
      const job = await d.jobs.submitAnalytics(ctx, {
        task: b.task, top: b.top, ...(b.task === "metric" ? { metric: b.metric } : { algorithm: b.algorithm }),
        ...(sel.ids ? { ids: [...sel.ids], hops: sel.hops ?? 1 } : {}), ...(sel.dataset ? { dataset: sel.dataset } : {}),
      });
      return c.json(jobJson(job), 202);
    });
}
