import type Database from "better-sqlite3";
import { scopeAllows, type AccessScope, type StoreStats, type WithheldCount } from "@vizier/core";
import { mergeRows, type BlockRow } from "./rows";

/**
 * Store counts (the audit file counts its records: audit-log.ts). Statements are counted once however many blocks hold them: blocks only overlap
 * within one (entity, dataset), so only keys with several blocks need the distinct count.
 */
export function storeStats(db: Database.Database): Omit<StoreStats, "auditRecords"> {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const bySchema: Record<string, number> = {};
  for (const r of db.prepare(`SELECT schema, count(*) AS n FROM (SELECT min(schema) AS schema FROM block_keys GROUP BY entity_id, dataset)
    GROUP BY schema ORDER BY schema`).all() as Array<{ schema: string; n: number }>) bySchema[r.schema] = r.n;
  const dupes = new Map<string, number>();
  for (const r of db.prepare(`WITH multi AS (SELECT entity_id, dataset FROM block_keys GROUP BY entity_id, dataset HAVING count(*) > 1)
    SELECT m.dataset, count(*) - count(DISTINCT (j.value ->> 0) || char(31) || (j.value ->> 1)) AS d
    FROM multi m CROSS JOIN block_keys k ON k.entity_id = m.entity_id AND k.dataset = m.dataset CROSS JOIN blocks b ON b.id = k.id CROSS JOIN json_each(b.body) j
    GROUP BY m.entity_id, m.dataset`).all() as Array<{ dataset: string; d: number }>) dupes.set(r.dataset, (dupes.get(r.dataset) ?? 0) + r.d);
  const byDataset: StoreStats["byDataset"] = {};
  let statements = 0;
  for (const r of db.prepare("SELECT dataset, sum(n) AS s, count(DISTINCT entity_id) AS e FROM blocks GROUP BY dataset ORDER BY dataset").all() as Array<{ dataset: string; s: number; e: number }>) {
    const s = r.s - (dupes.get(r.dataset) ?? 0);
    byDataset[r.dataset] = { statements: s, entities: r.e };
    statements += s;
  }
  return {
    datasets: one("SELECT count(*) FROM datasets"),
    entities: one("SELECT count(DISTINCT entity_id) FROM block_keys"),
    statements,
    quarantined: one("SELECT count(*) FROM quarantine WHERE kind = 'rejected'"),
    runs: one("SELECT count(*) FROM runs"),
    bySchema,
    byDataset,
  };
}

/** Statements of the given block rows that the scope withholds, grouped by owner and handling code. */
export function withheldCounts(scope: AccessScope, rows: readonly BlockRow[]): WithheldCount[] {
  const visible = new Set(mergeRows(rows.filter((r) => scopeAllows(scope, r.dataset, r.handling, r.entity_id))).map((s) => s.id));
  const groups = new Map<string, WithheldCount>();
  for (const s of mergeRows(rows.filter((r) => !scopeAllows(scope, r.dataset, r.handling, r.entity_id)))) {
    if (visible.has(s.id)) continue;
    const key = `${s.entityId}\u001f${s.dataset}\u001f${s.handling}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { entityId: s.entityId, agency: s.agency, dataset: s.dataset, handling: s.handling, count: 0, props: [] }));
    g.count++;
    if (!g.props.includes(s.prop)) g.props.push(s.prop);
  }
  return [...groups.values()];
}
