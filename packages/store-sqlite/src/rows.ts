import type { Statement } from "@vizier/model";

/** A statement row joined with its provenance (see STATEMENT_SELECT). */
export interface StatementRow {
  id: string; entity_id: string; schema: string; prop: string; prop_type: string; value: string; original: string | null; dataset: string;
  handling: string; origin: string; agency: string; legal_basis: string; purpose: string; reliability: string; retention_until: string;
  run_id: string; last_seen: string; first_seen: string;
}

export function toStatement(r: StatementRow): Statement {
  return {
    id: r.id, entityId: r.entity_id, schema: r.schema, prop: r.prop, propType: r.prop_type, value: r.value, original: r.original ?? r.value,
    dataset: r.dataset, agency: r.agency, legalBasis: r.legal_basis, purpose: r.purpose, handling: r.handling, reliability: r.reliability,
    firstSeen: r.first_seen, lastSeen: r.last_seen, retentionUntil: r.retention_until, runId: r.run_id, origin: r.origin,
  };
}

/**
 * The provenance tuple of a statement, as a map key. Within one run agency, legal basis, purpose,
 * reliability and retention follow from the dataset, so run, dataset, handling and time identify it.
 */
export function provenanceKey(s: Statement): string {
  return s.runId + s.dataset + "\u001f" + s.handling + s.lastSeen;
}
