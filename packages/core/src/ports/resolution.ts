import type { AuditAppend, StorePort } from "./store";

/**
 * The resolution port: what entity resolution keeps in the store, beside the source statements
 * (which it never alters). Everything derived from data — memberships, the review queue, runs —
 * is kept per *view*: the digest of the access scope the run was computed in, so a viewer is
 * only ever shown clusters built from what their own scope lets through (docs/resolution.md,
 * "In the store"). Judgements are the analysts' own statements about pairs of entities and are
 * kept once, with their full history.
 */

export type Verdict = "confirm" | "reject" | "unsure";

/** An analyst's decision on a pair of source entities. A later judgement on the pair supersedes it. */
export interface JudgementRecord {
  id: string;
  /** Source entity ids, stored with left < right. */
  left: string;
  right: string;
  verdict: Verdict;
  actor: string;
  agency: string;
  purpose: string;
  /** ISO 8601. */
  at: string;
  reason: string;
  /**
   * What the judge could read when judging: the view's scope as canonical JSON (see
   * @vizier/resolve view.ts). A judgement is applied only in views that can read at least as much,
   * so a decision informed by data a viewer may not see never shapes that viewer's clusters.
   */
  basis: string;
  /** Set when the judgement was withdrawn (`vizier judge undo`); the record is kept. */
  undoneAt?: string;
  undoneBy?: string;
}

/** A source entity's place in a resolved entity, in one view. */
export interface Membership {
  entityId: string;
  resolvedId: string;
  /** Digest of the record the entity contributed, to find entities changed since the run. */
  fingerprint: string;
}

/** A pair near the threshold, waiting for an analyst. */
export interface ReviewPair {
  id: string;
  left: string;
  right: string;
  probability: number;
  matchWeight: number;
  /** The per-field explanation (PairExplanation of @vizier/resolution) as JSON. */
  explanation: string;
  status: "open" | "judged";
}

/** One `vizier resolve` run. */
export interface ResolutionRun {
  id: string;
  /** The view (scope digest) the run resolved. */
  view: string;
  actor: string;
  purpose: string;
  startedAt: string;
  finishedAt?: string;
  status: "running" | "finished" | "abandoned";
  /** Threshold, review band, and the estimated model, as JSON. */
  params: string;
  /** Records, candidate pairs, clusters, queued pairs…, as JSON. */
  counts: string;
  /** How far the run got ("started", "loaded", "estimated"); a later run resumes from it. */
  cursor: string;
}

/** What a finished run replaces in its view, atomically. */
export interface ResolutionCommit {
  run: ResolutionRun;
  memberships: readonly Membership[];
  review: readonly ReviewPair[];
  audit: AuditAppend;
}

export interface ResolutionPort {
  /** Retention: drops memberships and queued pairs of entities left without statements; returns rows removed. */
  forgetEntities(entityIds: readonly string[]): Promise<number>;
  /** Records a run as started (status "running"). */
  startRun(run: ResolutionRun): Promise<void>;
  /** Saves progress of a running run (cursor, params). */
  updateRun(id: string, patch: { cursor?: string; params?: string; status?: ResolutionRun["status"] }): Promise<void>;
  /** Runs of a view, oldest first. */
  listRuns(view: string): Promise<ResolutionRun[]>;
  /**
   * Replaces the view's memberships and review queue, marks the run finished and appends the
   * audit entries — all in one transaction: a run killed before this leaves the previous state.
   */
  commitRun(c: ResolutionCommit): Promise<void>;
  /** Memberships of a view; all of them, or those of the given entities or resolved ids. */
  memberships(view: string, q: { entityIds?: readonly string[]; resolvedIds?: readonly string[] }): Promise<Membership[]>;

  /** Stores a judgement, marks queued pairs on it as judged, and audits — atomically. */
  addJudgement(j: JudgementRecord, audit: AuditAppend): Promise<void>;
  /** Withdraws a judgement (kept, marked undone) and audits. NOT_FOUND / CONFLICT when unknown / already undone. */
  undoJudgement(id: string, by: string, at: string, audit: AuditAppend): Promise<JudgementRecord>;
  getJudgement(id: string): Promise<JudgementRecord | undefined>;
  /** The full history, oldest first; optionally only judgements touching the given entities. */
  listJudgements(q: { entityIds?: readonly string[] }): Promise<JudgementRecord[]>;

  /** A view's review queue, most uncertain first. */
  reviewQueue(view: string, q: { limit: number; offset?: number; status?: ReviewPair["status"] }): Promise<ReviewPair[]>;
  getReviewPair(view: string, id: string): Promise<ReviewPair | undefined>;
}

/** A store that keeps resolution results (both adapters do). */
export interface ResolutionStore extends StorePort {
  readonly resolution: ResolutionPort;
}

