import type { StoreStats } from "@vizier/core";
import type pg from "pg";
import { guarded } from "./errors";

/**
 * Store counts over blocks. A statement is counted once however many blocks hold it: blocks only
 * overlap within one (entity, dataset), so only those pairs with several blocks have their bodies
 * expanded for a distinct count.
 */
export async function storeStats(pool: pg.Pool): Promise<StoreStats> {
  return guarded("reading statistics", async () => {
    const [totals, bySchema, byDataset, dupes] = await Promise.all([
      pool.query<{ datasets: string; entities: string; quarantined: string; runs: string; audit: string }>(
        `SELECT (SELECT count(*) FROM datasets) AS datasets, (SELECT count(DISTINCT entity_id) FROM blocks) AS entities,
                (SELECT count(*) FROM quarantine) AS quarantined, (SELECT count(*) FROM runs) AS runs, (SELECT seq FROM audit_head) AS audit`),
      pool.query<{ schema: string; n: string }>("SELECT schema, count(DISTINCT entity_id) AS n FROM blocks GROUP BY schema ORDER BY schema"),
      pool.query<{ dataset: string; entities: string; statements: string }>(
        "SELECT dataset, count(DISTINCT entity_id) AS entities, sum(n) AS statements FROM blocks GROUP BY dataset ORDER BY dataset"),
      pool.query<{ dataset: string; d: string }>(
        `WITH multi AS (SELECT entity_id, dataset FROM blocks GROUP BY entity_id, dataset HAVING count(*) > 1),
              per AS (SELECT b.dataset, count(*) - count(DISTINCT (e ->> 0) || chr(31) || (e ->> 2)) AS d
                      FROM multi m JOIN blocks b ON b.entity_id = m.entity_id AND b.dataset = m.dataset
                      CROSS JOIN jsonb_array_elements(b.body::jsonb) e GROUP BY b.entity_id, b.dataset)
         SELECT dataset, sum(d) AS d FROM per GROUP BY dataset`),
    ]);
    const dup = new Map(dupes.rows.map((r) => [r.dataset, Number(r.d)]));
    const t = totals.rows[0];
    const perDataset: StoreStats["byDataset"] = {};
    let statements = 0;
    for (const r of byDataset.rows) {
      const n = Number(r.statements) - (dup.get(r.dataset) ?? 0);
      perDataset[r.dataset] = { entities: Number(r.entities), statements: n };
      statements += n;
    }
    return {
      datasets: Number(t?.datasets ?? 0), entities: Number(t?.entities ?? 0), statements,
      quarantined: Number(t?.quarantined ?? 0), runs: Number(t?.runs ?? 0), auditRecords: Number(t?.audit ?? 0),
      bySchema: Object.fromEntries(bySchema.rows.map((r) => [r.schema, Number(r.n)])),
      byDataset: perDataset,
    };
  });
}
