import type Database from "better-sqlite3";
import { scopeAllows, type AccessScope } from "@vizier/core";
import { addPartValue, addParts, type EntityParts } from "@vizier/model";
import { prepared } from "./prepared";
import type { PropTable } from "./rows";

/** The block columns entity parts need, reached through the key table (cf. KEYED_BLOCK_SELECT). */
const PARTS_SELECT = `SELECT b.entity_id, b.dataset, b.handling, b.schema, b.body, p.seen_at AS last_seen, f.seen_at AS first_seen
  FROM block_keys k CROSS JOIN blocks b ON b.id = k.id CROSS JOIN provenance p ON p.id = b.last_prov CROSS JOIN provenance f ON f.id = b.first_prov
  WHERE k.entity_id IN (SELECT value FROM json_each(@ids))`;

export interface PartsRow { entity_id: string; dataset: string; handling: string; schema: string; body: string; last_seen: string; first_seen: string }

/**
 * The readable parts of entities straight from their blocks, in entity id order (StorePort's
 * readEntityParts). A statement's first and last seen are the earliest and latest of the blocks
 * holding it, so an entity's are those of its readable blocks; its values are the blocks' packed
 * values. The same scope test as readStatements, block by block, so both paths read alike.
 */
export function readEntityParts(db: Database.Database, props: PropTable, scope: AccessScope, entityIds: readonly string[]): Map<string, EntityParts> {
  const rows = prepared(db, PARTS_SELECT).all({ ids: JSON.stringify([...new Set(entityIds)].sort()) }) as PartsRow[];
  return partsOf(rows, props, scope);
}

/** The readable parts of the entities of these block rows (each entity's blocks all among them), in entity id order. */
export function partsOf(rows: readonly PartsRow[], props: PropTable, scope: AccessScope): Map<string, EntityParts> {
  const byId = new Map<string, EntityParts>();
  for (const r of rows) {
    if (!scopeAllows(scope, r.dataset, r.handling, r.entity_id)) continue;
    const values = JSON.parse(r.body) as Array<[number, string, string?]>;
    if (values.length === 0) continue;
    const e = addParts(byId, r.entity_id, r.schema, r.dataset, r.first_seen, r.last_seen);
    for (const [code, value] of values) addPartValue(e, props.get(code).name, value);
  }
  // Rows need not come in entity order; the parts do.
  return new Map([...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
