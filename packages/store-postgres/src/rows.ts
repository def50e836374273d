import { sqlRows, type IngestRun, type QuarantineRow } from "@vizier/core";
import type { AuditRecord } from "@vizier/core";

/** Dataset rows have the same shape in both SQL stores. */
export type DatasetRow = sqlRows.DatasetRow;
export const toDataset = sqlRows.toDataset;

export interface RunRow {
  id: string; dataset: string; file: string; mapping: string; actor: string; started_at: string; finished_at: string | null;
  rows_read: string | null; rows_ok: string | null; rows_quarantined: string | null; rows_filtered: string | null;
  statements: string | null; entities: string | null; conflicts: string | null; status: string | null;
}

/** bigint comes back as a string from node-postgres; counts here fit a double easily. */
function num(v: string | null): number | undefined {
  return v === null ? undefined : Number(v);
}

export function toRun(r: RunRow): IngestRun {
  const run: IngestRun = { id: r.id, dataset: r.dataset, file: r.file, mapping: r.mapping, actor: r.actor, startedAt: r.started_at };
  // Optional fields stay absent rather than undefined-valued, so runs compare equal to what was written.
  const opt = {
    finishedAt: r.finished_at ?? undefined, rowsRead: num(r.rows_read), rowsOk: num(r.rows_ok), rowsQuarantined: num(r.rows_quarantined),
    rowsFiltered: num(r.rows_filtered), statements: num(r.statements), entities: num(r.entities), conflicts: num(r.conflicts),
    status: r.status === "committed" || r.status === "failed" ? r.status : undefined,
  };
  for (const [k, v] of Object.entries(opt)) if (v !== undefined) Object.assign(run, { [k]: v });
  return run;
}

export function runParams(run: IngestRun): unknown[] {
  return [
    run.id, run.dataset, run.file, run.mapping, run.actor, run.startedAt, run.finishedAt ?? null, run.rowsRead ?? null, run.rowsOk ?? null,
    run.rowsQuarantined ?? null, run.rowsFiltered ?? null, run.statements ?? null, run.entities ?? null, run.conflicts ?? null, run.status ?? null,
  ];
}

export interface QuarantineDbRow {
  kind: string; run_id: string; dataset: string; file: string; row_no: string; column_name: string; reason: string; raw: string;
}

export function toQuarantine(r: QuarantineDbRow): QuarantineRow {
  return {
    kind: r.kind === "conflict" ? "conflict" : "rejected", runId: r.run_id, dataset: r.dataset, file: r.file, row: Number(r.row_no),
    column: r.column_name, reason: r.reason, raw: r.raw,
  };
}

export interface AuditDbRow {
  seq: string; at: string; actor: string; agency: string; purpose: string; action: string; query: string;
  result_ids: string[]; recipients: string[]; prev_hash: string; hash: string;
}

export function toAudit(r: AuditDbRow): AuditRecord {
  return {
    seq: Number(r.seq), at: r.at, actor: r.actor, agency: r.agency, purpose: r.purpose, action: r.action as AuditRecord["action"],
    query: r.query, resultIds: r.result_ids, recipients: r.recipients, prevHash: r.prev_hash, hash: r.hash,
  };
}
