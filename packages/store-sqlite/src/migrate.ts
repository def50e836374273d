import type Database from "better-sqlite3";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema";

/**
 * Brings a store up to SCHEMA_VERSION in one transaction. A version-1 store (one row per
 * statement with a unique identity index) is converted in place: each old row becomes a one-
 * statement block whose hash is minus its old rowid, so it never matches new content and
 * re-ingesting a file simply appends blocks that reads merge with the converted ones. A version-2
 * store (statement rows in a range per block) gets its statements packed into the block rows, its
 * key table built in key order and its search documents moved to the contentless index.
 */
export function migrate(db: Database.Database, version: number): void {
  db.transaction(() => {
    for (let v = version; v < SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v]!);
      if (v === 1) convertV1(db);
      if (v === 2) convertV2(db);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function convertV1(db: Database.Database): void {
  const old = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'statements'").get();
  if (!old) return;
  db.exec(`
    INSERT OR IGNORE INTO props (name, type) SELECT DISTINCT prop, prop_type FROM statements;
    INSERT INTO stmts (rowid, prop, value, original) SELECT s.rowid, k.id, s.value, s.original FROM statements s JOIN props k ON k.name = s.prop AND k.type = s.prop_type;
    INSERT INTO blocks (entity_id, dataset, handling, hash, id, schema, origin, first_prov, last_prov, lo, n)
      SELECT entity_id, dataset, handling, -rowid, rowid, schema, origin, first_prov, last_prov, rowid, 1 FROM statements;
    INSERT INTO docs (rowid, text, entity_id, dataset, handling) SELECT rowid, text, entity_id, dataset, handling FROM search;
    DROP TABLE search;
    DROP TABLE statements;
  `);
}

function convertV2(db: Database.Database): void {
  db.exec(`
    INSERT INTO blocks3 (id, entity_id, dataset, handling, hash, schema, origin, first_prov, last_prov, n, body)
      SELECT b.id, b.entity_id, b.dataset, b.handling, b.hash, b.schema, b.origin, b.first_prov, b.last_prov, b.n,
        (SELECT json_group_array(CASE WHEN s.original IS NULL THEN json_array(s.prop, s.value) ELSE json_array(s.prop, s.value, s.original) END)
          FROM (SELECT prop, value, original FROM stmts WHERE rowid >= b.lo AND rowid < b.lo + b.n ORDER BY rowid) s)
      FROM blocks b ORDER BY b.id;
    INSERT INTO block_keys (entity_id, dataset, handling, hash, id, schema)
      SELECT entity_id, dataset, handling, hash, id, schema FROM blocks3 ORDER BY entity_id, dataset, handling, hash;
    INSERT INTO fts (rowid, text) SELECT rowid, text FROM docs;
    DROP TABLE docs;
    DROP TABLE stmts;
    DROP TABLE blocks;
    ALTER TABLE blocks3 RENAME TO blocks;
  `);
}
