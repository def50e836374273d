import type { AuditAppend, RetentionDue, RetentionPurge } from "@vizier/core";
import type pg from "pg";
import { appendAuditTx } from "./audit";
import { storeError } from "./errors";
import { SEARCH_DOC } from "./search-sql";
import { inTransaction } from "./tx";

/**
 * Statements whose retention ends on or before `until`, per dataset and date. Counted per block:
 * content a later sighting also holds is listed too (it survives the purge in the later block).
 */
export async function retentionDue(pool: pg.Pool, until: string): Promise<RetentionDue[]> {
  try {
    const r = await pool.query<{ dataset: string; until: string; statements: string; entities: string }>(
      `SELECT dataset, retention_until AS until, sum(n) AS statements, count(DISTINCT entity_id) AS entities FROM blocks
       WHERE retention_until <> '' AND retention_until <= $1 GROUP BY dataset, retention_until ORDER BY retention_until, dataset`, [until]);
    return r.rows.map((x) => ({ dataset: x.dataset, retentionUntil: x.until, statements: Number(x.statements), entities: Number(x.entities) }));
  } catch (e) {
    throw storeError(e, "listing statements due for retention review");
  }
}

/**
 * Deletes blocks whose latest sighting has expired (the search and reference indexes are on the
 * same rows, so they follow) and appends the audit entries in the same transaction. A statement
 * that a block with a later retention also holds survives there.
 */
export async function purgeExpired(pool: pg.Pool, before: string, audit: (r: RetentionPurge) => AuditAppend): Promise<RetentionPurge> {
  return inTransaction(pool, "removing expired statements", async (client) => {
    // Words of the expired names: those no remaining block uses leave the fuzzy-search dictionary too.
    const words = (await client.query<{ w: string }>(
      `SELECT DISTINCT w FROM blocks CROSS JOIN unnest(tsvector_to_array(to_tsvector('simple', names))) w
       WHERE retention_until <> '' AND retention_until < $1 AND names IS NOT NULL`, [before])).rows.map((r) => r.w);
    const gone = await client.query<{ entity_id: string; n: string }>(
      `WITH d AS (DELETE FROM blocks WHERE retention_until <> '' AND retention_until < $1 RETURNING entity_id, n)
       SELECT entity_id, sum(n) AS n FROM d GROUP BY entity_id`, [before]);
    const ids = gone.rows.map((r) => r.entity_id);
    if (words.length > 0) {
      await client.query(
        `DELETE FROM name_words n WHERE n.word = ANY($1::text[]) AND NOT EXISTS (
           SELECT 1 FROM blocks b WHERE (b.names IS NOT NULL OR b.idents IS NOT NULL) AND ${SEARCH_DOC} @@ plainto_tsquery('simple', n.word))`, [words]);
    }
    const left = ids.length === 0 ? [] : (await client.query<{ entity_id: string }>(
      "SELECT DISTINCT entity_id FROM blocks WHERE entity_id = ANY($1::text[])", [ids])).rows.map((r) => r.entity_id);
    const still = new Set(left);
    const result: RetentionPurge = {
      before, statements: gone.rows.reduce((a, r) => a + Number(r.n), 0), entities: ids.length,
      removedEntityIds: ids.filter((id) => !still.has(id)).sort(),
    };
    const a = audit(result);
    await appendAuditTx(client, a.entries, a.link);
    return result;
  });
}
