/**
 * The PostgreSQL schema and its migrations. `migrate` is idempotent and safe to run from several
 * processes at once (an advisory lock serialises it); each step runs once, recorded in
 * schema_version. The layout is Citus-ready (docs/decisions/0003-postgres-and-citus.md, 0007):
 * statement blocks are keyed by entity_id first so they can be distributed by it; datasets and runs are
 * small reference tables; the audit chain is a single table with a one-row head.
 */
import type { PoolClient } from "pg";
import { addMoreNamePartsToSearch, addNamePartsToSearch, identWordsInSearch } from "./migrate-names";

/** A migration step: SQL, or a function for what SQL alone cannot do exactly (it runs in the same transaction). */
type Step = string | ((client: PoolClient) => Promise<void>);

/** Migration steps, in order; step i brings the schema to version i + 1. Never edit a released step. */
const MIGRATIONS: readonly Step[] = [
  `
  CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE datasets (
    name text PRIMARY KEY, label text NOT NULL, agency text NOT NULL, legal_basis text NOT NULL, purpose text NOT NULL,
    handling text NOT NULL, reliability text NOT NULL, retention text NOT NULL, compartment text NOT NULL,
    description text NOT NULL, created_at text NOT NULL
  );
  CREATE TABLE runs (
    id text PRIMARY KEY, recorded bigint GENERATED ALWAYS AS IDENTITY, dataset text NOT NULL, file text NOT NULL,
    mapping text NOT NULL, actor text NOT NULL, started_at text NOT NULL, finished_at text, rows_read bigint,
    rows_ok bigint, rows_quarantined bigint, rows_filtered bigint, statements bigint, entities bigint,
    conflicts bigint, status text
  );
  -- value_hash (md5 of value) stands in for value in the key: values can exceed a btree entry.
  CREATE TABLE statements (
    entity_id text NOT NULL, dataset text NOT NULL, prop text NOT NULL, value_hash bytea NOT NULL,
    value text NOT NULL, id text NOT NULL, schema text NOT NULL, prop_type text NOT NULL, original text NOT NULL,
    agency text NOT NULL, legal_basis text NOT NULL, purpose text NOT NULL, handling text NOT NULL,
    reliability text NOT NULL, first_seen text NOT NULL, last_seen text NOT NULL, retention_until text NOT NULL,
    run_id text NOT NULL, origin text NOT NULL,
    -- Folded (lower case, no diacritics) value of names and identifiers; NULL for other values.
    search_text text,
    PRIMARY KEY (entity_id, dataset, prop, value_hash)
  ) WITH (fillfactor = 90);
  -- The search index: partial indexes over names and identifiers only, so it stays in step with
  -- the statements (same table, same transaction) without indexing every value. Trigrams (for
  -- misspellings) only over names: they are the costliest index to maintain at ingest, and
  -- identifiers, phones and e-mail addresses are matched by word instead.
  CREATE INDEX statements_search_fts ON statements USING gin (to_tsvector('simple', search_text)) WHERE search_text IS NOT NULL;
  CREATE INDEX statements_search_trgm ON statements USING gin (search_text gin_trgm_ops) WHERE search_text IS NOT NULL AND prop_type = 'name';
  CREATE TABLE quarantine (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text NOT NULL, run_id text NOT NULL,
    dataset text NOT NULL, file text NOT NULL, row_no bigint NOT NULL, column_name text NOT NULL,
    reason text NOT NULL, raw text NOT NULL
  );
  CREATE INDEX quarantine_run ON quarantine (run_id);
  CREATE INDEX quarantine_dataset ON quarantine (dataset);
  CREATE TABLE audit (
    seq bigint PRIMARY KEY, at text NOT NULL, actor text NOT NULL, agency text NOT NULL, purpose text NOT NULL,
    action text NOT NULL, query text NOT NULL, result_ids text[] NOT NULL, recipients text[] NOT NULL,
    prev_hash text NOT NULL, hash text NOT NULL
  );
  -- One row: the chain head. Appenders lock it FOR UPDATE, which serialises appends across processes.
  CREATE TABLE audit_head (one boolean PRIMARY KEY DEFAULT true CHECK (one), seq bigint NOT NULL, hash text NOT NULL);
  INSERT INTO audit_head (seq, hash) VALUES (0, repeat('0', 64));
  -- Append-only: the store itself never updates or deletes audit records. (A superuser can still
  -- drop the trigger; the hash chain is what detects that.)
  CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
  CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
  CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
  `,
  // Version 2: reverse references ("who points at this entity"), for neighbourhood expansion and
  // timelines without a scan. Partial: only entity-typed statements are indexed.
  `
  CREATE INDEX statements_refs ON statements (value) WHERE prop_type = 'entity';
  `,
  // Version 3: statements packed per block, one row per entity per source row and provenance
  // (docs/decisions/0007-postgres-blocks.md). Existing statements are converted in place, grouped
  // by entity, dataset and provenance, and the per-statement table is dropped.
  `
  CREATE TABLE blocks (
    entity_id text NOT NULL, dataset text NOT NULL, handling text NOT NULL,
    -- md5(schema, body): identical content under the same key is one block, whatever run brought it.
    hash bytea NOT NULL,
    schema text NOT NULL, origin text NOT NULL, agency text NOT NULL, legal_basis text NOT NULL, purpose text NOT NULL,
    reliability text NOT NULL, first_seen text NOT NULL, last_seen text NOT NULL, retention_until text NOT NULL, run_id text NOT NULL,
    n int NOT NULL,
    -- JSON array of [prop, prop type, value]; originals: aligned JSON array (null = same as value), NULL when all equal.
    body text NOT NULL, originals text,
    -- Folded names / identifiers, phones and e-mail addresses, one per line: the search document.
    names text, idents text,
    -- Values of entity-typed statements (reverse references).
    refs text[],
    PRIMARY KEY (entity_id, dataset, handling, hash)
  ) WITH (fillfactor = 90);
  INSERT INTO blocks (entity_id, dataset, handling, hash, schema, origin, agency, legal_basis, purpose, reliability, first_seen, last_seen,
                      retention_until, run_id, n, body, originals, names, idents, refs)
  SELECT entity_id, dataset, handling, decode(md5(schema || chr(31) || body), 'hex'), schema, origin, agency, legal_basis, purpose, reliability,
         first_seen, last_seen, retention_until, run_id, n, body, CASE WHEN any_original THEN originals END, names, idents, refs
  FROM (
    SELECT entity_id, dataset, handling, schema, origin, agency, legal_basis, purpose, reliability, first_seen, last_seen, retention_until, run_id,
      count(*)::int AS n,
      json_agg(json_build_array(prop, prop_type, value) ORDER BY prop, value)::text AS body,
      json_agg(CASE WHEN original <> value THEN original END ORDER BY prop, value)::text AS originals,
      bool_or(original <> value) AS any_original,
      string_agg(search_text, E'\\n' ORDER BY prop, value) FILTER (WHERE search_text IS NOT NULL AND prop_type = 'name') AS names,
      string_agg(search_text, E'\\n' ORDER BY prop, value) FILTER (WHERE search_text IS NOT NULL AND prop_type <> 'name') AS idents,
      array_agg(value ORDER BY prop, value) FILTER (WHERE prop_type = 'entity') AS refs
    FROM statements
    GROUP BY entity_id, dataset, handling, schema, origin, agency, legal_basis, purpose, reliability, first_seen, last_seen, retention_until, run_id
  ) g
  ON CONFLICT DO NOTHING;
  DROP TABLE statements;
  -- The search index, in step with the blocks (same table, same transaction): words of names and
  -- identifiers. A large pending list lets GIN merge new entries in bulk; each ingest run
  -- merges it before commit (writer.ts), so searches never scan a long list.
  CREATE INDEX blocks_search_fts ON blocks USING gin (to_tsvector('simple', coalesce(names, '') || E'\\n' || coalesce(idents, '')))
    WITH (gin_pending_list_limit = 65536) WHERE names IS NOT NULL OR idents IS NOT NULL;
  -- Misspellings: trigrams of the distinct words of names (pg_trgm's "table of unique words"),
  -- not of every block: a fuzzy query first finds the known words close to each of its words,
  -- then runs as a word query. Words repeat across names, so this stays small and cheap to fill.
  CREATE TABLE name_words (word text PRIMARY KEY);
  INSERT INTO name_words (word)
    SELECT DISTINCT w FROM blocks CROSS JOIN unnest(tsvector_to_array(to_tsvector('simple', names))) w WHERE names IS NOT NULL;
  CREATE INDEX name_words_trgm ON name_words USING gin (word gin_trgm_ops);
  CREATE INDEX blocks_refs ON blocks USING gin (refs) WHERE refs IS NOT NULL;
  `,
  // Version 4: name parts (firstName, lastName, middleName, fatherName; FtM strings) are searched as
  // names, as on the embedded store: stored blocks get them in \`names\` and their words in
  // \`name_words\` (migrate-names.ts; decision 0007, third amendment).
  addNamePartsToSearch,
  // Version 5: identifiers, phones and e-mail addresses are indexed by their words and run
  // together ("ab-12.3456" → "ab 12 3456 ab123456"), so what an analyst types finds them
  // (migrate-names.ts; decision 0007, fourth amendment).
  identWordsInSearch,
  // Version 6: secondName and motherName are name parts too (model/searchable.ts).
  addMoreNamePartsToSearch,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Quotes an identifier (schema names come from configuration). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates or upgrades the schema in `schema` (up to `target`, default the latest; lower targets
 * only serve tests of the upgrade path); returns the version now in place.
 */
export async function migrate(client: PoolClient, schema: string, target = MIGRATIONS.length): Promise<number> {
  await client.query("BEGIN");
  try {
    // Any fixed key works; it only has to be the same for every Vizier process on this database.
    await client.query("SELECT pg_advisory_xact_lock(7305937151)");
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${ident(schema)}.schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const r = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${ident(schema)}.schema_version`);
    const current = r.rows[0]?.v ?? 0;
    for (let v = current; v < target; v++) {
      const step = MIGRATIONS[v] ?? "";
      if (typeof step === "string") await client.query(step);
      else await step(client);
      await client.query(`INSERT INTO ${ident(schema)}.schema_version (version) VALUES ($1)`, [v + 1]);
    }
    await client.query("COMMIT");
    return Math.max(current, target);
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
