import { makeStatementId, type Statement } from "@vizier/model";

/** A statement row of one block joined with the block's provenance (see BLOCK_SELECT). */
export interface BlockRow {
  entity_id: string; dataset: string; handling: string; schema: string; origin: string; last_prov: number; block: number;
  prop: string; prop_type: string; value: string; original: string | null; agency: string; legal_basis: string; purpose: string;
  reliability: string; retention_until: string; run_id: string; last_seen: string; first_seen: string;
}

/**
 * Merges block rows into statements. A statement (entity, dataset, prop, value) may sit in several
 * blocks (each run whose content for the entity changed appends one): it is first seen in the
 * earliest and last seen in the latest, whose provenance and origin it reports. Callers filter rows
 * by scope before merging, so a statement is only ever built from blocks the scope may read.
 */
export function mergeRows(rows: readonly BlockRow[]): Statement[] {
  const byKey = new Map<string, { s: Statement; last: number }>();
  for (const r of rows) {
    const key = `${r.entity_id}\u001f${r.dataset}\u001f${r.prop}\u001f${r.value}`;
    const had = byKey.get(key);
    if (!had) {
      byKey.set(key, { s: toStatement(r), last: r.last_prov });
      continue;
    }
    const s = had.s;
    if (r.first_seen < s.firstSeen) s.firstSeen = r.first_seen;
    if (r.last_seen > s.lastSeen || (r.last_seen === s.lastSeen && r.last_prov > had.last)) {
      const first = s.firstSeen;
      had.s = { ...toStatement(r), id: s.id, firstSeen: first };
      had.last = r.last_prov;
    }
  }
  const out = [...byKey.values()].map((v) => v.s);
  out.sort((a, b) => cmp(a.entityId, b.entityId) || cmp(a.prop, b.prop) || cmp(a.value, b.value) || cmp(a.dataset, b.dataset));
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toStatement(r: BlockRow): Statement {
  return {
    id: makeStatementId(r.entity_id, r.prop, r.value, r.dataset), entityId: r.entity_id, schema: r.schema, prop: r.prop, propType: r.prop_type,
    value: r.value, original: r.original ?? r.value, dataset: r.dataset, agency: r.agency, legalBasis: r.legal_basis, purpose: r.purpose,
    handling: r.handling, reliability: r.reliability, firstSeen: r.first_seen, lastSeen: r.last_seen, retentionUntil: r.retention_until,
    runId: r.run_id, origin: r.origin,
  };
}

/**
 * The provenance tuple of a statement, as a map key. Within one run agency, legal basis, purpose,
 * reliability and retention follow from the dataset, so run, dataset, handling and time identify it.
 */
export function provenanceKey(s: Statement): string {
  return s.runId + "\u001f" + s.dataset + "\u001f" + s.handling + "\u001f" + s.lastSeen;
}
