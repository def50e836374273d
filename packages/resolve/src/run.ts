import { randomBytes } from "node:crypto";
import { VizierError } from "@vizier/model";
import { audit, auditEntry, linkAudit, type Ctx, type Membership, type ResolutionPort, type ResolutionRun, type ReviewPair, type Services } from "@vizier/core";
import { DEFAULT_THRESHOLD, parseModel, type ErModel } from "@vizier/resolution";
import { resolveGroupParallel, type GroupOutput } from "./compute";
import { assignIds } from "./ids";
import { judgementsFor, toEngine } from "./judgements";
import { loadRecords } from "./load";
import { GROUPS, groupFields, presentFields, type Group } from "./records";
import { viewOf } from "./view";

/** Default review band: pairs from even odds up to (not including) this probability. */
export const DEFAULT_BAND: readonly [number, number] = [0.5, 0.98];

export interface ResolveStoreOptions {
  threshold?: number;
  band?: readonly [number, number];
  /** Compare only entities changed since the last finished run of this view against the existing clusters. */
  incremental?: boolean;
  onProgress?: (stage: "load" | "resolve" | "write", done: number, total?: number) => void;
}

export interface ResolveSummary {
  runId: string;
  view: string;
  records: number;
  /** Entities compared in this run (all, or the changed ones when incremental). */
  compared: number;
  resolved: number;
  /** Resolved entities with more than one member. */
  merged: number;
  candidatePairs: number;
  queued: number;
  conflicts: number;
  incremental: boolean;
  /** Id of an unfinished run this one took over (its saved model was reused). */
  resumed?: string;
}

interface RunParams {
  threshold: number;
  band: readonly [number, number];
  incremental: boolean;
  models: Partial<Record<Group, ErModel>>;
}

function parseParams(json: string): Partial<RunParams> {
  try {
    const p = JSON.parse(json) as Partial<RunParams>;
    const models: Partial<Record<Group, ErModel>> = {};
    for (const g of GROUPS) if (p.models?.[g]) models[g] = parseModel(p.models[g]);
    return { ...p, models };
  } catch {
    return {};
  }
}

function checkOptions(threshold: number, band: readonly [number, number]): void {
  if (!(threshold > 0 && threshold < 1)) throw new VizierError("INVALID_ARGUMENT", "--threshold must be a probability in (0, 1)");
  const [lo, hi] = band;
  if (!(lo >= 0 && hi <= 1 && lo < hi)) throw new VizierError("INVALID_ARGUMENT", "--review-band must be two probabilities lo,hi with 0 ≤ lo < hi ≤ 1");
}

/**
 * `vizier resolve`: resolves the entities the context may read (one view), applies judgements,
 * keeps resolved ids stable and queues uncertain pairs. The load is audited first (entity ids
 * read); the result is written in one transaction at the end with a second audit record (options
 * and counts): a killed run leaves the previous result intact,
 * and the next run takes over its saved model (resumes after the estimation).
 */
export async function resolveStore(ctx: Ctx, svc: Services, er: ResolutionPort, opts: ResolveStoreOptions = {}): Promise<ResolveSummary> {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const band = opts.band ?? DEFAULT_BAND;
  checkOptions(threshold, band);
  const loaded = await loadRecords(ctx, svc, (n) => opts.onProgress?.("load", n));
  const view = viewOf(loaded.scope);
  const runs = await er.listRuns(view.key);
  const unfinished = runs.filter((r) => r.status === "running");
  const lastFinished = [...runs].reverse().find((r) => r.status === "finished");
  const runId = `rr${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
  const params: RunParams = { threshold, band, incremental: false, models: {} };
  const run: ResolutionRun = { id: runId, view: view.key, actor: ctx.actor.id, purpose: ctx.purpose, startedAt: ctx.now().toISOString(), status: "running", params: JSON.stringify(params), counts: "{}", cursor: "loaded" };
  await er.startRun(run);
  // The load is audited before anything is computed from it (as an export is before its first
  // entity leaves); a failed audit write stops the run here.
  await audit(svc.store, [auditEntry(ctx, "resolve.run", JSON.stringify({ stage: "load", view: view.key, run: runId }), loaded.entityIds)]);

  // Resume: an unfinished run of this view saved the models it had estimated; reuse them (same threshold).
  const resumedRun = [...unfinished].reverse().find((r) => r.cursor === "estimated" && parseParams(r.params).threshold === threshold);
  for (const r of unfinished) await er.updateRun(r.id, { status: "abandoned" });
  const base = opts.incremental && lastFinished ? lastFinished : resumedRun;
  const fixedModels = base ? (parseParams(base.params).models ?? {}) : {};
  const incremental = Boolean(opts.incremental && lastFinished);
  params.incremental = incremental;

  const previous = await er.memberships(view.key, {});
  const prevOf = new Map(previous.map((m) => [m.entityId, { resolvedId: m.resolvedId, fingerprint: m.fingerprint }]));
  const prevReview = incremental ? await er.reviewQueue(view.key, { limit: 1_000_000 }) : [];
  const judgements = judgementsFor(await er.listJudgements({}), view.basis);

  const outputs = new Map<Group, GroupOutput>();
  let done = 0;
  for (const g of GROUPS) {
    const records = loaded.records.get(g) ?? [];
    opts.onProgress?.("resolve", done, loaded.entityIds.length);
    const fixed = fixedModels[g];
    const fields = fixed ? fixed.fields : presentFields(groupFields(g), records);
    const out = await resolveGroupParallel({
      records, fields, threshold, band, view: view.key, model: fixed,
      judgements: judgements.map((j) => toEngine(j, g)),
      previous: incremental ? { members: prevOf, review: prevReview } : undefined,
    });
    outputs.set(g, out);
    if (out.model) params.models[g] = out.model;
    done += records.length;
    opts.onProgress?.("resolve", done, loaded.entityIds.length);
    // Saved per group, so a run killed later does not estimate this group's model again.
    if (out.model && !fixed) await er.updateRun(runId, { cursor: "estimated", params: JSON.stringify(params) });
  }
  await er.updateRun(runId, { cursor: "estimated", params: JSON.stringify(params) });

  // Stable ids across all groups of the view.
  const clusters = new Map<string, string[]>();
  for (const [g, out] of outputs) {
    for (const [entity, c] of out.clusterOf) {
      const key = `${g}:${c}`;
      const list = clusters.get(key);
      if (list) list.push(entity);
      else clusters.set(key, [entity]);
    }
  }
  const ids = assignIds(clusters, new Map(previous.map((m) => [m.entityId, m.resolvedId])), view.key);
  const memberships: Membership[] = [];
  const review: ReviewPair[] = [];
  for (const [g, out] of outputs) {
    for (const [entity, c] of out.clusterOf) memberships.push({ entityId: entity, resolvedId: ids.get(`${g}:${c}`) ?? "", fingerprint: out.fingerprints.get(entity) ?? "" });
    review.push(...out.review);
  }
  const outs = [...outputs.values()];
  const summary: ResolveSummary = {
    runId, view: view.key, records: memberships.length, compared: outs.reduce((s, o) => s + o.compared, 0),
    resolved: clusters.size, merged: [...clusters.values()].filter((m) => m.length > 1).length,
    candidatePairs: outs.reduce((s, o) => s + o.candidatePairs, 0), queued: review.length,
    conflicts: outs.reduce((s, o) => s + o.conflicts, 0), incremental, ...(resumedRun && !incremental ? { resumed: resumedRun.id } : {}),
  };
  opts.onProgress?.("write", 0, memberships.length);
  const query = JSON.stringify({ stage: "commit", threshold, band, incremental, view: view.key, run: runId, records: summary.records, merged: summary.merged });
  await er.commitRun({
    run: { ...run, status: "finished", finishedAt: ctx.now().toISOString(), params: JSON.stringify(params), counts: JSON.stringify(summary), cursor: "done" },
    memberships, review,
    audit: { entries: [auditEntry(ctx, "resolve.run", query, [runId])], link: linkAudit },
  });
  return summary;
}
