import type Database from "better-sqlite3";
import { scopeAllows, type AccessScope, type Reference } from "@vizier/core";

/** Reverse references of `targets` through the refs table, filtered by scope (see StorePort.references). */
export function references(db: Database.Database, scope: AccessScope, targets: readonly string[], limit: number): { references: Reference[]; withheld: number } {
  const rows = db.prepare(`SELECT r.target, k.name AS prop, b.entity_id, b.dataset, b.handling, b.schema
    FROM refs r CROSS JOIN blocks b ON b.id = r.block CROSS JOIN props k ON k.id = r.prop
    WHERE r.target IN (SELECT value FROM json_each(?)) ORDER BY r.target, b.entity_id, k.name, b.dataset`)
    .all(JSON.stringify(targets)) as Array<{ target: string; prop: string; entity_id: string; dataset: string; handling: string; schema: string }>;
  const seen = new Set<string>();
  const withheld = new Set<string>();
  const out: Reference[] = [];
  for (const r of rows) {
    const key = `${r.target}\u001f${r.entity_id}\u001f${r.prop}\u001f${r.dataset}`;
    if (!scopeAllows(scope, r.dataset, r.handling, r.entity_id)) { withheld.add(key); continue; }
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length < limit) out.push({ target: r.target, entityId: r.entity_id, schema: r.schema, prop: r.prop, dataset: r.dataset });
  }
  // A reference readable through one block is not withheld because another block also holds it.
  let hidden = 0;
  for (const k of withheld) if (!seen.has(k)) hidden++;
  return { references: out, withheld: hidden };
}
