import { searchKind } from "@vizier/model";

/** Schema of the embedded store; `user_version` records the migration level. */
export const SCHEMA_VERSION = 6;

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS datasets (
    name TEXT PRIMARY KEY, label TEXT NOT NULL, agency TEXT NOT NULL, legal_basis TEXT NOT NULL, purpose TEXT NOT NULL,
    handling TEXT NOT NULL, reliability TEXT NOT NULL, retention TEXT NOT NULL, compartment TEXT NOT NULL,
    description TEXT NOT NULL, created_at TEXT NOT NULL
  );
  -- The provenance every statement carries (agency, legal basis, purpose, handling, reliability,
  -- retention, run and time) is shared by all statements of a run, so it is stored once here and
  -- referenced: statement rows stay narrow, which is what makes bulk ingest fast.
  CREATE TABLE IF NOT EXISTS provenance (
    id INTEGER PRIMARY KEY, dataset TEXT NOT NULL, agency TEXT NOT NULL, legal_basis TEXT NOT NULL, purpose TEXT NOT NULL,
    handling TEXT NOT NULL, reliability TEXT NOT NULL, retention_until TEXT NOT NULL, run_id TEXT NOT NULL, seen_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY, dataset TEXT NOT NULL, file TEXT NOT NULL, mapping TEXT NOT NULL, actor TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT, rows_read INTEGER, rows_ok INTEGER, rows_quarantined INTEGER,
    rows_filtered INTEGER, statements INTEGER, entities INTEGER, conflicts INTEGER, status TEXT
  );
  CREATE TABLE IF NOT EXISTS quarantine (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, run_id TEXT NOT NULL, dataset TEXT NOT NULL, file TEXT NOT NULL,
    row INTEGER NOT NULL, col TEXT NOT NULL, reason TEXT NOT NULL, raw TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS quarantine_dataset ON quarantine(dataset, run_id);
  -- Append-only, hash-chained (see core/audit/chain.ts).
  CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, agency TEXT NOT NULL, purpose TEXT NOT NULL,
    action TEXT NOT NULL, query TEXT NOT NULL, result_ids TEXT NOT NULL, recipients TEXT NOT NULL,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL
  );
  `,
  // Version 2: statements in append-only blocks (docs/decisions/0002-sqlite-statement-layout.md).
  `
  -- Property name and type, integer-coded so statement rows stay a few bytes plus the value.
  CREATE TABLE IF NOT EXISTS props (id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, UNIQUE (name, type));
  -- One block per (entity, dataset, handling) chunk of a run: the statements one source row gave
  -- an entity. The key ends in the chunk's content hash, so re-ingesting identical content finds
  -- its block and only moves last_prov (last seen); different content appends a new block and
  -- reads merge blocks (first seen = earliest block holding the statement, last seen = latest).
  -- Clustered on the key, so the key lookup, the upsert and reads by entity touch one B-tree.
  CREATE TABLE IF NOT EXISTS blocks (
    entity_id TEXT NOT NULL, dataset TEXT NOT NULL, handling TEXT NOT NULL, hash INTEGER NOT NULL,
    id INTEGER NOT NULL, schema TEXT NOT NULL, origin TEXT NOT NULL, first_prov INTEGER NOT NULL, last_prov INTEGER NOT NULL,
    lo INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (entity_id, dataset, handling, hash)
  ) WITHOUT ROWID;
  -- Statement rows of block b are rowids b.lo .. b.lo + b.n - 1: append-only, no per-statement
  -- index. \`original\` is NULL when equal to value.
  CREATE TABLE IF NOT EXISTS stmts (prop INTEGER NOT NULL, value TEXT NOT NULL, original TEXT);
  -- One search document per block (rowid = blocks.id): its names and identifiers. A block never
  -- mixes datasets or handling codes, so filtering documents by scope cannot leak a withheld value.
  CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(
    text, entity_id UNINDEXED, dataset UNINDEXED, handling UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  `,
  // Version 3: one row per block with its statements packed in order, a key table filled in sorted
  // order at commit, a contentless search index (docs/decisions/0005-sqlite-packed-blocks.md).
  `
  -- A block: the statements one source row gave an entity under one provenance (same entity,
  -- dataset, handling, schema, origin, run). \`body\` is a JSON array of [prop code, value] or
  -- [prop code, value, original] (original only when it differs): every statement is still a value
  -- with its own provenance (the block's), read back as a full Statement. Appended in id order, so an
  -- ingest only appends here; nothing is keyed by entity on the hot path.
  CREATE TABLE IF NOT EXISTS blocks3 (
    id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, dataset TEXT NOT NULL, handling TEXT NOT NULL, hash INTEGER NOT NULL,
    schema TEXT NOT NULL, origin TEXT NOT NULL, first_prov INTEGER NOT NULL, last_prov INTEGER NOT NULL, n INTEGER NOT NULL, body TEXT NOT NULL
  );
  -- The block key (entity, dataset, handling, content hash) → block id. Filled at commit from the
  -- run's blocks sorted by key, so the B-tree is written in order instead of at random. A key that
  -- already exists marks identical content: the new block is dropped and the old one's last seen moves.
  CREATE TABLE IF NOT EXISTS block_keys (
    entity_id TEXT NOT NULL, dataset TEXT NOT NULL, handling TEXT NOT NULL, hash INTEGER NOT NULL, id INTEGER NOT NULL, schema TEXT NOT NULL,
    PRIMARY KEY (entity_id, dataset, handling, hash)
  ) WITHOUT ROWID;
  -- One search document per block (rowid = block id): names and identifiers. Contentless: the
  -- block row holds entity, dataset and handling, joined by rowid when filtering by scope.
  CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
  `,
  // Version 4: reverse references, so "who points at this entity" needs no scan.
  `
  -- One row per entity-typed statement (an Ownership's owner, a Payment's payer…): the entity it
  -- points at, the block holding it and the property code. Filled at commit in target order, like
  -- block_keys; read by StorePort.references (neighbourhood expansion, timelines).
  CREATE TABLE IF NOT EXISTS refs (target TEXT NOT NULL, block INTEGER NOT NULL, prop INTEGER NOT NULL, PRIMARY KEY (target, block, prop)) WITHOUT ROWID;
  INSERT OR IGNORE INTO refs (target, block, prop)
    SELECT j.value ->> 1, b.id, k.id FROM blocks b CROSS JOIN json_each(b.body) j CROSS JOIN props k ON k.id = j.value ->> 0
    WHERE k.type = 'entity' ORDER BY 1, 2, 3;
  `,
  // Version 5: the audit chain lives in audit.db beside the store (audit-log.ts; decision 0006,
  // amendment 3); the table "audit" of version 1 stays, emptied into it when the store opens.
  `
  -- Audit entries of a write that must commit with its data (ingest commit, access request,
  -- judgement, purge), waiting to be appended to the chain in audit.db.
  CREATE TABLE IF NOT EXISTS audit_outbox (id TEXT NOT NULL UNIQUE, entries TEXT NOT NULL);
  `,
  // Version 6: secondName and motherName are searchable name parts (model/searchable.ts); the
  // search documents of stored blocks holding them are rebuilt (migrate.ts, reindexNameParts).
  `SELECT 1;`,
];

const SEPARATOR = /[-. /]/;
const SEPARATORS = /[-. /]/g;

/**
 * A value's part of its block's search text, or null when it is not searched: names and other
 * searchable values as they are, identifiers and phones also without separators (so "AB-12.3" is
 * found as "ab123"). The writer builds the text with it and search ranking rebuilds it the same way.
 */
export function searchPiece(prop: string, propType: string, value: string): string | null {
  // What is searchable is one rule for both stores (model/searchable.ts).
  if (!searchKind(prop, propType)) return null;
  return (propType === "identifier" || propType === "phone") && SEPARATOR.test(value) ? `${value} ${value.replace(SEPARATORS, "")}` : value;
}

/** Block columns with the block's last and first provenance (aliases p and f); statements are in `body`. */
export const BLOCK_SELECT = `SELECT b.id, b.entity_id, b.dataset, b.handling, b.schema, b.origin, b.last_prov, b.body,
  p.agency, p.legal_basis, p.purpose, p.reliability, p.retention_until, p.run_id, p.seen_at AS last_seen, f.seen_at AS first_seen
  FROM blocks b CROSS JOIN provenance p ON p.id = b.last_prov CROSS JOIN provenance f ON f.id = b.first_prov`;

/** BLOCK_SELECT reached through the key table (alias k), for reads by entity id. */
export const KEYED_BLOCK_SELECT = BLOCK_SELECT.replace("FROM blocks b", "FROM block_keys k CROSS JOIN blocks b ON b.id = k.id");
