import type Database from "better-sqlite3";
import type { AuditAppend, RetentionDue, RetentionPurge } from "@vizier/core";
import { stageAudit } from "./audit-log";

/** Blocks whose latest sighting's retention ends on or before `until`, per dataset and date. */
export function retentionDue(db: Database.Database, until: string): RetentionDue[] {
  return (db.prepare(`SELECT b.dataset, p.retention_until AS until, sum(b.n) AS statements, count(DISTINCT b.entity_id) AS entities
    FROM provenance p CROSS JOIN blocks b ON b.last_prov = p.id
    WHERE p.retention_until <> '' AND p.retention_until <= ? GROUP BY b.dataset, p.retention_until ORDER BY p.retention_until, b.dataset`)
    .all(until) as Array<{ dataset: string; until: string; statements: number; entities: number }>)
    .map((r) => ({ dataset: r.dataset, retentionUntil: r.until, statements: r.statements, entities: r.entities }));
}

/**
 * Removes expired blocks (a block holds statements last seen under a provenance whose retention
 * ended), their keys, references and search documents, in one IMMEDIATE transaction with the audit entries (staged in the outbox). A
 * statement also held by a newer, unexpired block survives through that block.
 */
export function purgeExpired(db: Database.Database, before: string, audit: (r: RetentionPurge) => AuditAppend): RetentionPurge {
  return db.transaction(() => {
    db.exec("DROP TABLE IF EXISTS temp.expired");
    db.prepare(`CREATE TEMP TABLE expired AS SELECT b.id, b.entity_id, b.dataset, b.handling, b.hash, b.n
      FROM provenance p CROSS JOIN blocks b ON b.last_prov = p.id WHERE p.retention_until <> '' AND p.retention_until < ?`).run(before);
    const statements = db.prepare("SELECT coalesce(sum(n), 0) FROM expired").pluck().get() as number;
    const entities = db.prepare("SELECT count(DISTINCT entity_id) FROM expired").pluck().get() as number;
    db.exec(`
      DELETE FROM refs WHERE (target, block) IN (SELECT j.value ->> 1, e.id FROM expired e CROSS JOIN blocks b ON b.id = e.id CROSS JOIN json_each(b.body) j);
      DELETE FROM fts WHERE rowid IN (SELECT id FROM expired);
      DELETE FROM block_keys WHERE (entity_id, dataset, handling, hash) IN (SELECT entity_id, dataset, handling, hash FROM expired);
      DELETE FROM blocks WHERE id IN (SELECT id FROM expired);
    `);
    const removedEntityIds = db.prepare(`SELECT DISTINCT e.entity_id FROM expired e
      WHERE NOT EXISTS (SELECT 1 FROM block_keys k WHERE k.entity_id = e.entity_id) ORDER BY e.entity_id`).pluck().all() as string[];
    db.exec("DROP TABLE temp.expired");
    const result: RetentionPurge = { before, statements, entities, removedEntityIds };
    const a = audit(result);
    stageAudit(db, a.entries);
    return result;
  }).immediate();
}
