/** Schema of the embedded store; `user_version` records the migration level. */
export const SCHEMA_VERSION = 1;

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
  -- One row per property value. (entity_id, dataset, prop, value) is the statement's identity, so
  -- re-ingesting the same fact only moves last_prov (last seen). \`original\` is NULL when equal to value.
  CREATE TABLE IF NOT EXISTS statements (
    id TEXT NOT NULL, entity_id TEXT NOT NULL, schema TEXT NOT NULL, prop TEXT NOT NULL, prop_type TEXT NOT NULL,
    value TEXT NOT NULL, original TEXT, dataset TEXT NOT NULL, handling TEXT NOT NULL,
    first_prov INTEGER NOT NULL, last_prov INTEGER NOT NULL, origin TEXT NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS statements_identity ON statements(entity_id, dataset, prop, value);
  CREATE INDEX IF NOT EXISTS statements_dataset ON statements(dataset, handling);
  -- Names and identifiers for search; rowid = statements.rowid, kept in step at every commit.
  CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    text, entity_id UNINDEXED, dataset UNINDEXED, handling UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
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
];

/** Property types whose values are searchable names or identifiers. */
export const SEARCHABLE_TYPES = ["name", "identifier", "phone", "email"] as const;

export const STAGING = `
  CREATE TEMP TABLE IF NOT EXISTS staging (
    id TEXT, entity_id TEXT, schema TEXT, prop TEXT, prop_type TEXT, value TEXT, original TEXT, dataset TEXT, handling TEXT, prov INTEGER, origin TEXT
  );
  CREATE TEMP TABLE IF NOT EXISTS staging_prov (
    tmp INTEGER PRIMARY KEY, dataset TEXT, agency TEXT, legal_basis TEXT, purpose TEXT, handling TEXT, reliability TEXT,
    retention_until TEXT, run_id TEXT, seen_at TEXT, real INTEGER
  );
  CREATE TEMP TABLE IF NOT EXISTS staging_quarantine (
    kind TEXT, run_id TEXT, dataset TEXT, file TEXT, row INTEGER, col TEXT, reason TEXT, raw TEXT
  );
`;

export const STAGING_COLUMNS = "id, entity_id, schema, prop, prop_type, value, original, dataset, handling, prov, origin";

/** Statement columns joined with their last and first provenance (aliases p and f). */
export const STATEMENT_SELECT = `SELECT s.id, s.entity_id, s.schema, s.prop, s.prop_type, s.value, s.original, s.dataset, s.handling, s.origin,
  p.agency, p.legal_basis, p.purpose, p.reliability, p.retention_until, p.run_id, p.seen_at AS last_seen, f.seen_at AS first_seen
  FROM statements s JOIN provenance p ON p.id = s.last_prov JOIN provenance f ON f.id = s.first_prov`;
