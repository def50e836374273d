import { basename } from "node:path";
import { addRetention, ID_PROP, makeStatementId, type Dataset, type Statement } from "@vizier/model";
import type { RowProvenance } from "../ports/store";

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

/** The provenance `toStatements` gives every statement of the run, for `StoreWriter.writeRows`. */
export function rowProvenance(p: RunProvenance): RowProvenance {
  const ds = p.dataset;
  return {
    dataset: ds.name, agency: ds.agency, legalBasis: ds.legalBasis, purpose: ds.purpose, handling: ds.handling, reliability: ds.reliability,
    lastSeen: p.seenAt, retentionUntil: p.retentionUntil, runId: p.runId,
  };
}

/**
 * One statement with the run's provenance. The id (a sha1) is computed when first read: stores
 * derive it from the statement's definition and never ask for it on the ingest hot path.
 */
class RunStatement implements Statement {
  private cachedId: string | undefined;
  readonly dataset: string;
  readonly agency: string;
  readonly legalBasis: string;
  readonly purpose: string;
  readonly handling: string;
  readonly reliability: string;
  firstSeen: string;
  lastSeen: string;
  readonly retentionUntil: string;
  readonly runId: string;

  constructor(
    p: RunProvenance, readonly entityId: string, readonly schema: string, readonly origin: string,
    readonly prop: string, readonly propType: string, readonly value: string, readonly original: string,
  ) {
    const ds = p.dataset;
    this.dataset = ds.name; this.agency = ds.agency; this.legalBasis = ds.legalBasis; this.purpose = ds.purpose;
    this.handling = ds.handling; this.reliability = ds.reliability;
    this.firstSeen = p.seenAt; this.lastSeen = p.seenAt; this.retentionUntil = p.retentionUntil; this.runId = p.runId;
  }

  get id(): string {
    return (this.cachedId ??= makeStatementId(this.entityId, this.prop, this.value, this.dataset));
  }
}

function statement(p: RunProvenance, entityId: string, schema: string, origin: string, prop: string, propType: string, value: string, original: string): Statement {
  return new RunStatement(p, entityId, schema, origin, prop, propType, value, original);
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
