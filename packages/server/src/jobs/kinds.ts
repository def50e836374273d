/**
 * What the job runner runs besides ingest: a resolution run of the submitter's view
 * (@vizier/resolve, as `vizier resolve`) and graph analytics on networks too big for a request.
 * Both run as the submitter with the submitter's purpose, so they read only what the submitter
 * may read and are audited like the synchronous routes.
 */
import type { Ctx, Services } from "@vizier/core";
import { VizierError } from "@vizier/model";
import { resolutionOf, resolveStore } from "@vizier/resolve";
import { COMMUNITY_ALGORITHMS, findCommunities, GRAPH_METRICS, rankNodes, type CommunityAlgorithm, type GraphMetric } from "../routes/graph-compute";
import { loadSelection } from "../routes/graph-source";

export const JOB_KINDS = ["ingest", "resolve", "analytics"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface ResolveJobParams {
  incremental: boolean;
  threshold?: number;
  band?: [number, number];
}

export interface AnalyticsJobParams {
  task: "metric" | "communities";
  metric?: GraphMetric;
  algorithm?: CommunityAlgorithm;
  /** Ranking: this many top nodes; communities: membership of at most this many nodes is kept. */
  top: number;
  ids?: string[];
  hops?: number;
  dataset?: string;
}

export { COMMUNITY_ALGORITHMS, GRAPH_METRICS };

/** Live progress of a running job, as shown by GET /api/jobs/{id}. */
export type Progress = Record<string, unknown>;

function checkCancel(signal: AbortSignal): void {
  if (signal.aborted) throw new VizierError("CANCELLED", "the job was cancelled");
}

/** A resolution run; cancelling stops it at its next progress report (the previous result stays). */
export async function runResolve(ctx: Ctx, svc: Services, p: ResolveJobParams, signal: AbortSignal, progress: Progress): Promise<Record<string, unknown>> {
  const summary = await resolveStore(ctx, svc, resolutionOf(svc.store), {
    incremental: p.incremental,
    ...(p.threshold !== undefined ? { threshold: p.threshold } : {}),
    ...(p.band ? { band: p.band } : {}),
    onProgress: (stage, done, total) => {
      checkCancel(signal);
      Object.assign(progress, { stage, done, ...(total !== undefined ? { total } : {}) });
    },
  });
  return { ...summary };
}

/** A metric ranking or community detection on the selected readable network, bounded by `maxEntities`. */
export async function runAnalytics(ctx: Ctx, svc: Services, p: AnalyticsJobParams, maxEntities: number, signal: AbortSignal, progress: Progress): Promise<Record<string, unknown>> {
  Object.assign(progress, { stage: "load" });
  const sel = p.ids ? { ids: p.ids, hops: p.hops ?? 1 } : p.dataset ? { dataset: p.dataset } : {};
  const what = p.task === "metric" ? `job metrics ${p.metric ?? "degree"} top=${p.top}` : `job communities ${p.algorithm ?? "leiden"}`;
  const net = await loadSelection(ctx, svc, sel, what, { maxEntities, maxNodes: maxEntities }, {}, signal);
  checkCancel(signal);
  Object.assign(progress, { stage: "compute", nodes: net.graph.n, edges: net.graph.m });
  if (p.task === "metric") {
    const metric = p.metric ?? "degree";
    return { task: "metric", metric, ...rankNodes(net, metric, p.top) };
  }
  const c = findCommunities(net, p.algorithm ?? "leiden");
  const membership = [...c.membership].sort((a, b) => a.community - b.community || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { task: "communities", ...c, nodes: net.graph.n, truncated: membership.length > p.top, membership: membership.slice(0, p.top) };
}
