import type Database from "better-sqlite3";
import { scopeAllows, type AccessScope } from "@vizier/core";
import { ID_PROP, type EntityParts } from "@vizier/model";
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
  for (const id of [...new Set(rows.map((r) => r.entity_id))].sort()) byId.set(id, { schemata: new Set(), props: new Map(), datasets: new Set(), first: "", last: "" });
  for (const r of rows) {
    if (!scopeAllows(scope, r.dataset, r.handling, r.entity_id)) continue;
    const values = JSON.parse(r.body) as Array<[number, string, string?]>;
    if (values.length === 0) continue;
    const e = byId.get(r.entity_id)!;
    e.schemata.add(r.schema);
    e.datasets.add(r.dataset);
    if (e.first === "" || r.first_seen < e.first) e.first = r.first_seen;
    if (r.last_seen > e.last) e.last = r.last_seen;
    for (const [code, value] of values) {
      const name = props.get(code).name;
      if (name === ID_PROP) continue;
      let vals = e.props.get(name);
      if (!vals) e.props.set(name, (vals = new Set()));
      vals.add(value);
    }
  }
  for (const [id, e] of byId) if (e.schemata.size === 0) byId.delete(id);
  return byId;
}
