/** Schema of the embedded store; `user_version` records the migration level. */
export const SCHEMA_VERSION = 2;

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
];

/** Property types whose values are searchable names or identifiers. */
export const SEARCHABLE_TYPES: ReadonlySet<string> = new Set(["name", "identifier", "phone", "email"]);
/** Name parts are searchable whatever their declared type. */
export const SEARCHABLE_PROPS: ReadonlySet<string> = new Set(["firstName", "lastName", "middleName", "fatherName"]);

/**
 * Block and statement columns with the block's last and first provenance (aliases p and f).
 * CROSS JOIN fixes the join order (blocks first, then their rowid range): left to choose, the
 * planner may build an automatic index on stmts.prop and scan it per block, which is quadratic.
 */
export const BLOCK_SELECT = `SELECT b.entity_id, b.dataset, b.handling, b.schema, b.origin, b.last_prov, b.id AS block, k.name AS prop, k.type AS prop_type,
  s.value, s.original, p.agency, p.legal_basis, p.purpose, p.reliability, p.retention_until, p.run_id, p.seen_at AS last_seen, f.seen_at AS first_seen
  FROM blocks b CROSS JOIN stmts s ON s.rowid >= b.lo AND s.rowid < b.lo + b.n CROSS JOIN props k ON k.id = s.prop
  CROSS JOIN provenance p ON p.id = b.last_prov CROSS JOIN provenance f ON f.id = b.first_prov`;
