import type Database from "better-sqlite3";
import { NAME_PARTS_ADDED_V2 } from "@vizier/model";
import { searchText } from "./bm25";
import { PropTable } from "./rows";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema";

/**
 * Brings a store up to SCHEMA_VERSION in one transaction. A version-1 store (one row per
 * statement with a unique identity index) is converted in place: each old row becomes a one-
 * statement block whose hash is minus its old rowid, so it never matches new content and
 * re-ingesting a file simply appends blocks that reads merge with the converted ones. A version-2
 * store (statement rows in a range per block) gets its statements packed into the block rows, its
 * key table built in key order and its search documents moved to the contentless index. From
 * version 6 on, secondName and motherName are searched: the documents of blocks holding them are
 * rebuilt.
 */
export function migrate(db: Database.Database, version: number): void {
  db.transaction(() => {
    for (let v = version; v < SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v]!);
      if (v === 1) convertV1(db);
      if (v === 2) convertV2(db);
      if (v === 5) reindexNameParts(db, NAME_PARTS_ADDED_V2);
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

/**
 * Rebuilds the search documents of the blocks holding one of `parts` (new searchable name parts)
 * as the writer now builds them (bm25.ts `searchText`, the packer's rule).
 */
export function reindexNameParts(db: Database.Database, parts: readonly string[]): void {
  const codes = db.prepare(`SELECT id FROM props WHERE name IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(parts)) as number[];
  if (codes.length === 0) return;
  const props = new PropTable(db);
  // A body element starts with "[<code>," (a value may contain the same text: such a block is only rebuilt unchanged).
  const page = db.prepare(`SELECT id, body FROM blocks WHERE id > ? AND (${codes.map((c) => `instr(body, '[${c},') > 0`).join(" OR ")}) ORDER BY id LIMIT 5000`);
  const drop = db.prepare("DELETE FROM fts WHERE rowid = ?");
  const add = db.prepare("INSERT INTO fts (rowid, text) VALUES (?, ?)");
  // In pages: the connection cannot write while a read is still being stepped.
  for (let last = 0; ;) {
    const rows = page.all(last) as Array<{ id: number; body: string }>;
    if (rows.length === 0) return;
    for (const r of rows) {
      const text = searchText(r.body, props);
      drop.run(r.id);
      if (text) add.run(r.id, text);
    }
    last = rows[rows.length - 1]!.id;
  }
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
