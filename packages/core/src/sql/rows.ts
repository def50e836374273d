/** Row shapes and converters for the tables both SQL stores share (datasets, runs, quarantine, audit). */
import type { Dataset } from "@vizier/model";
import type { AuditRecord } from "../audit/types";
import type { IngestRun, QuarantineRow } from "../ports/store";
import type { JudgementRecord, ResolutionRun, ReviewPair } from "../ports/resolution";
import type { SessionRecord, TokenRecord } from "../ports/accounts";

export interface DatasetRow {
  name: string; label: string; agency: string; legal_basis: string; purpose: string; handling: string; reliability: string;
  retention: string; compartment: string; description: string; created_at: string;
}

export function toDataset(r: DatasetRow): Dataset {
  return {
    name: r.name, label: r.label, agency: r.agency, legalBasis: r.legal_basis, purpose: r.purpose, handling: r.handling,
    reliability: r.reliability, retention: r.retention, compartment: r.compartment, description: r.description, createdAt: r.created_at,
  };
}

export function datasetParams(d: Dataset): unknown[] {
  return [d.name, d.label, d.agency, d.legalBasis, d.purpose, d.handling, d.reliability, d.retention, d.compartment, d.description, d.createdAt];
}

export interface RunRow {
  id: string; dataset: string; file: string; mapping: string; actor: string; started_at: string; finished_at: string | null;
  rows_read: number | null; rows_ok: number | null; rows_quarantined: number | null; rows_filtered: number | null;
  statements: number | null; entities: number | null; conflicts: number | null; status: string | null;
}

export function toRun(r: RunRow): IngestRun {
  const run: IngestRun = { id: r.id, dataset: r.dataset, file: r.file, mapping: r.mapping, actor: r.actor, startedAt: r.started_at };
  if (r.finished_at !== null) run.finishedAt = r.finished_at;
  if (r.rows_read !== null) run.rowsRead = r.rows_read;
  if (r.rows_ok !== null) run.rowsOk = r.rows_ok;
  if (r.rows_quarantined !== null) run.rowsQuarantined = r.rows_quarantined;
  if (r.rows_filtered !== null) run.rowsFiltered = r.rows_filtered;
  if (r.statements !== null) run.statements = r.statements;
  if (r.entities !== null) run.entities = r.entities;
  if (r.conflicts !== null) run.conflicts = r.conflicts;
  if (r.status === "committed" || r.status === "failed") run.status = r.status;
  return run;
}

export function runParams(r: IngestRun): unknown[] {
  return [r.id, r.dataset, r.file, r.mapping, r.actor, r.startedAt, r.finishedAt ?? null, r.rowsRead ?? null, r.rowsOk ?? null,
    r.rowsQuarantined ?? null, r.rowsFiltered ?? null, r.statements ?? null, r.entities ?? null, r.conflicts ?? null, r.status ?? null];
}

export interface QuarantineDbRow { kind: string; run_id: string; dataset: string; file: string; row: number; col: string; reason: string; raw: string }

export function toQuarantine(r: QuarantineDbRow): QuarantineRow {
  return { kind: r.kind === "conflict" ? "conflict" : "rejected", runId: r.run_id, dataset: r.dataset, file: r.file, row: r.row, column: r.col, reason: r.reason, raw: r.raw };
}

export interface AuditRow {
  seq: number; at: string; actor: string; agency: string; purpose: string; action: string; query: string; result_ids: string;
  recipients: string; prev_hash: string; hash: string;
}

export function toAudit(r: AuditRow): AuditRecord {
  return {
    seq: r.seq, at: r.at, actor: r.actor, agency: r.agency, purpose: r.purpose, action: r.action as AuditRecord["action"], query: r.query,
    resultIds: JSON.parse(r.result_ids) as string[], recipients: JSON.parse(r.recipients) as string[], prevHash: r.prev_hash, hash: r.hash,
  };
}

/** Resolution tables (resolution.ts in each store): a run, a judgement, a queued pair. */
export interface ResolutionRunRow { id: string; view: string; actor: string; purpose: string; started_at: string; finished_at: string | null; status: string; params: string; counts: string; cursor: string }
export interface JudgementRow { id: string; left_id: string; right_id: string; verdict: string; actor: string; agency: string; purpose: string; at: string; reason: string; basis: string; undone_at: string | null; undone_by: string | null }
export interface ReviewRow { id: string; left_id: string; right_id: string; probability: number | string; match_weight: number | string; explanation: string; status: string }

export function toResolutionRun(r: ResolutionRunRow): ResolutionRun {
  return {
    id: r.id, view: r.view, actor: r.actor, purpose: r.purpose, startedAt: r.started_at, status: r.status as ResolutionRun["status"],
    params: r.params, counts: r.counts, cursor: r.cursor, ...(r.finished_at === null ? {} : { finishedAt: r.finished_at }),
  };
}

export function toJudgement(r: JudgementRow): JudgementRecord {
  return {
    id: r.id, left: r.left_id, right: r.right_id, verdict: r.verdict as JudgementRecord["verdict"], actor: r.actor, agency: r.agency,
    purpose: r.purpose, at: r.at, reason: r.reason, basis: r.basis,
    ...(r.undone_at === null ? {} : { undoneAt: r.undone_at }), ...(r.undone_by === null ? {} : { undoneBy: r.undone_by }),
  };
}

/** PostgreSQL returns double precision as numbers but numeric as strings: both are accepted. */
export function toReview(r: ReviewRow): ReviewPair {
  return {
    id: r.id, left: r.left_id, right: r.right_id, probability: Number(r.probability), matchWeight: Number(r.match_weight),
    explanation: r.explanation, status: r.status as ReviewPair["status"],
  };
}

/** Account tables (accounts.ts in each store): an API token and a session, as both stores hold them. */
export interface TokenRow { id: string; user_id: string; name: string; secret_hash: string; created_at: string; expires_at: string | null; last_used_at: string | null; revoked_at: string | null }
export interface SessionRow { id_hash: string; user_id: string; purpose: string; created_at: string; expires_at: string; revoked_at: string | null }

export function toToken(r: TokenRow): TokenRecord {
  return {
    id: r.id, userId: r.user_id, name: r.name, secretHash: r.secret_hash, createdAt: r.created_at,
    ...(r.expires_at === null ? {} : { expiresAt: r.expires_at }),
    ...(r.last_used_at === null ? {} : { lastUsedAt: r.last_used_at }),
    ...(r.revoked_at === null ? {} : { revokedAt: r.revoked_at }),
  };
}

export function toSession(r: SessionRow): SessionRecord {
  return {
    idHash: r.id_hash, userId: r.user_id, purpose: r.purpose, createdAt: r.created_at, expiresAt: r.expires_at,
    ...(r.revoked_at === null ? {} : { revokedAt: r.revoked_at }),
  };
}
