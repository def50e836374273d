import { basename } from "node:path";
import { addRetention, ID_PROP, makeStatementId, type Dataset, type Statement } from "@vizier/model";

/** Provenance shared by every statement of one run. */
export interface RunProvenance {
  dataset: Dataset;
  runId: string;
  seenAt: string;
  retentionUntil: string;
  file: string;
}

export function runProvenance(dataset: Dataset, runId: string, now: Date, file: string): RunProvenance {
  const seenAt = now.toISOString();
  return { dataset, runId, seenAt, retentionUntil: addRetention(seenAt, dataset.retention), file: basename(file) };
}

/** Turns one mapped entity into statements: an `id` statement plus one per value. */
export function toStatements(
  p: RunProvenance, row: number, entity: { id: string; schema: string; values: ReadonlyArray<{ prop: string; propType: string; value: string; original: string }> },
  out: Statement[],
): void {
  const ds = p.dataset;
  const origin = `${p.file}:${row}`;
  const base = {
    entityId: entity.id, schema: entity.schema, dataset: ds.name, agency: ds.agency, legalBasis: ds.legalBasis, purpose: ds.purpose,
    handling: ds.handling, reliability: ds.reliability, firstSeen: p.seenAt, lastSeen: p.seenAt, retentionUntil: p.retentionUntil,
    runId: p.runId, origin,
  };
  out.push({ ...base, id: makeStatementId(entity.id, ID_PROP, entity.id, ds.name), prop: ID_PROP, propType: "id", value: entity.id, original: entity.id });
  for (const v of entity.values) {
    out.push({ ...base, id: makeStatementId(entity.id, v.prop, v.value, ds.name), prop: v.prop, propType: v.propType, value: v.value, original: v.original });
  }
}
