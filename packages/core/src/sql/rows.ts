/** Row shapes and converters for the tables both SQL stores share (datasets, runs, quarantine, audit). */
import type { Dataset } from "@vizier/model";
import type { AuditRecord } from "../audit/types";
import type { IngestRun, QuarantineRow } from "../ports/store";

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
