import type Database from "better-sqlite3";
import { makeStatementId, type Statement } from "@vizier/model";

/** A block row joined with its provenance (see BLOCK_SELECT); statements packed in `body`. */
export interface BlockDbRow {
  id: number; entity_id: string; dataset: string; handling: string; schema: string; origin: string; last_prov: number; body: string;
  agency: string; legal_basis: string; purpose: string; reliability: string; retention_until: string; run_id: string; last_seen: string; first_seen: string;
}

/** Property codes of the store (`props`), reloaded when a code written by a later run shows up. */
export class PropTable {
  private byId = new Map<number, { name: string; type: string }>();
  constructor(private readonly db: Database.Database) {}

  get(id: number): { name: string; type: string } {
    let p = this.byId.get(id);
    if (!p) {
      this.byId = new Map((this.db.prepare("SELECT id, name, type FROM props").all() as Array<{ id: number; name: string; type: string }>).map((r) => [r.id, { name: r.name, type: r.type }]));
      p = this.byId.get(id);
      if (!p) throw new Error(`unknown property code ${id} in the store`);
    }
    return p;
  }
}

/** One statement row per packed value of each block, in the block's order. */
export function expandBlocks(rows: readonly BlockDbRow[], props: PropTable): BlockRow[] {
  const out: BlockRow[] = [];
  for (const b of rows) {
    for (const [code, value, original] of JSON.parse(b.body) as Array<[number, string, string?]>) {
      const p = props.get(code);
      out.push({
        entity_id: b.entity_id, dataset: b.dataset, handling: b.handling, schema: b.schema, origin: b.origin, last_prov: b.last_prov, block: b.id,
        prop: p.name, prop_type: p.type, value, original: original ?? null, agency: b.agency, legal_basis: b.legal_basis, purpose: b.purpose,
        reliability: b.reliability, retention_until: b.retention_until, run_id: b.run_id, last_seen: b.last_seen, first_seen: b.first_seen,
      });
    }
  }
  return out;
}

/** A statement of one block with the block's provenance (a block row expanded). */
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
 * reliability and retention follow from the dataset; retention and reliability are in the key anyway
 * so a writer that sets them per statement is still stored faithfully.
 */
export function provenanceKey(s: Pick<Statement, "runId" | "dataset" | "handling" | "lastSeen" | "retentionUntil" | "reliability">): string {
  return s.runId + "\u001f" + s.dataset + "\u001f" + s.handling + "\u001f" + s.lastSeen + "\u001f" + s.retentionUntil + "\u001f" + s.reliability;
}
