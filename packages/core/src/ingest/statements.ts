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

/** One statement with the run's provenance (a literal, not a spread: this is the ingest hot path). */
function statement(p: RunProvenance, entityId: string, schema: string, origin: string, prop: string, propType: string, value: string, original: string): Statement {
  const ds = p.dataset;
  return {
    id: makeStatementId(entityId, prop, value, ds.name), entityId, schema, prop, propType, value, original,
    dataset: ds.name, agency: ds.agency, legalBasis: ds.legalBasis, purpose: ds.purpose, handling: ds.handling, reliability: ds.reliability,
    firstSeen: p.seenAt, lastSeen: p.seenAt, retentionUntil: p.retentionUntil, runId: p.runId, origin,
  };
}

/** Turns one mapped entity into statements: an `id` statement plus one per value. */
export function toStatements(
  p: RunProvenance, row: number, entity: { id: string; schema: string; values: ReadonlyArray<{ prop: string; propType: string; value: string; original: string }> },
  out: Statement[],
): void {
  const origin = `${p.file}:${row}`;
  out.push(statement(p, entity.id, entity.schema, origin, ID_PROP, "id", entity.id, entity.id));
  for (const v of entity.values) out.push(statement(p, entity.id, entity.schema, origin, v.prop, v.propType, v.value, v.original));
}
