/**
 * SQL of an ingest run's stage (writer.ts): the TEMP table blocks are copied into, the merge of a
 * slice of it into `blocks`, and the run-level queries over the whole stage.
 */
import { BLOCK_COLUMNS, PROV_COLUMNS, STAGE_COLUMNS } from "./blocks";

const COLUMN_TYPES: Record<string, string> = { n: "int NOT NULL", prov: "int NOT NULL", refs: "text[]", originals: "text", names: "text", idents: "text" };

/**
 * The run's stage: every block the run wrote, in order (`ord`), with the number of its provenance;
 * the provenances themselves once each in `vz_prov`. Private to the connection, dropped at commit.
 */
export const CREATE_STAGE = [
  `CREATE TEMP TABLE vz_prov (prov int PRIMARY KEY, ${PROV_COLUMNS.map((c) => `${c} text NOT NULL`).join(", ")}) ON COMMIT DROP`,
  `CREATE TEMP TABLE vz_stage (ord bigint GENERATED ALWAYS AS IDENTITY, ${
    STAGE_COLUMNS.map((c) => `${c} ${COLUMN_TYPES[c] ?? "text NOT NULL"}`).join(", ")}) ON COMMIT DROP`,
].join("; ");

export const COPY_STAGE = `COPY vz_stage (${STAGE_COLUMNS.join(", ")}) FROM STDIN`;

/** Adds provenances ($1 numbers, then one text[] per PROV_COLUMNS column) to `vz_prov`. */
export const ADD_PROVENANCES = `INSERT INTO vz_prov (prov, ${PROV_COLUMNS.join(", ")})
  SELECT * FROM unnest($1::int[], ${PROV_COLUMNS.map((_, i) => `$${i + 2}::text[]`).join(", ")})`;

const COLS = BLOCK_COLUMNS.join(", ");
const PROV = new Set<string>(PROV_COLUMNS);
/** The stage's rows with their provenance: block columns, the key's hash and `ord`. */
const STAGE_BLOCKS = `SELECT ${BLOCK_COLUMNS.map((c) => `${PROV.has(c) ? "p" : "s"}.${c}`).join(", ")},
    decode(md5(p.schema || chr(31) || s.body), 'hex') AS hash, s.ord
  FROM vz_stage s JOIN vz_prov p ON p.prov = s.prov`;

/**
 * Merges the stage rows with $1 < ord <= $2 into `blocks`, in key order (the primary key's B-tree
 * is then written in order). Only pages from $3 on are read (a TID range scan), so merging slice
 * after slice of a growing stage stays linear. Identical content under one key (the same row seen
 * again, in this slice, an earlier slice or an earlier run) is one block: the latest sighting's
 * provenance, run and origin win; first seen stays the earliest; the stored originals stay.
 */
export const MERGE_SLICE = `
  INSERT INTO blocks (${COLS}, hash)
  SELECT DISTINCT ON (entity_id, dataset, handling, hash) ${COLS}, hash
  FROM (${STAGE_BLOCKS}
        WHERE s.ctid >= format('(%s,0)', $3::bigint)::tid AND s.ord > $1 AND s.ord <= $2) s
  ORDER BY entity_id, dataset, handling, hash, ord DESC
  ON CONFLICT (entity_id, dataset, handling, hash) DO UPDATE
    SET last_seen = EXCLUDED.last_seen, run_id = EXCLUDED.run_id, origin = EXCLUDED.origin,
        first_seen = least(blocks.first_seen, EXCLUDED.first_seen),
        retention_until = EXCLUDED.retention_until, agency = EXCLUDED.agency, legal_basis = EXCLUDED.legal_basis,
        purpose = EXCLUDED.purpose, reliability = EXCLUDED.reliability`;

/**
 * Adds name words to the fuzzy-search dictionary: $1 holds the distinct whitespace-separated
 * pieces of the folded names the writer saw since the last merge (BlockPacker.takeNameWords),
 * parsed here by the word index's own parser, so the words are exactly the index's lexemes.
 */
export const MERGE_WORDS = `
  INSERT INTO name_words (word)
  SELECT DISTINCT w FROM unnest($1::text[]) p CROSS JOIN unnest(tsvector_to_array(to_tsvector('simple', p))) w
  ON CONFLICT DO NOTHING`;

/** Merges the word index's pending list before commit, so searches right after a run stay fast. */
export const CLEAN_SEARCH_INDEX = "SELECT gin_clean_pending_list('blocks_search_fts'::regclass)";

/** The stage's last page: the next slice's rows are on it or after it. */
export const STAGE_LAST_PAGE = "SELECT greatest(pg_relation_size('vz_stage') / current_setting('block_size')::bigint - 1, 0) AS page";

/**
 * Several distinct values for one entity and property, coming from different rows. Only entities
 * with blocks from more than one row can have them, so only their bodies are expanded.
 */
export const STAGE_CONFLICTS = `
  WITH multi AS (SELECT entity_id FROM vz_stage GROUP BY entity_id HAVING min(origin) <> max(origin)),
       st AS (SELECT s.entity_id, e ->> 0 AS prop, e ->> 2 AS value, s.origin
              FROM vz_stage s JOIN multi m ON m.entity_id = s.entity_id CROSS JOIN jsonb_array_elements(s.body::jsonb) e)
  SELECT entity_id, prop, array_agg(DISTINCT value ORDER BY value) AS vals FROM st
  WHERE prop <> 'id' GROUP BY entity_id, prop
  HAVING count(DISTINCT value) > 1 AND count(DISTINCT origin) > 1
  ORDER BY entity_id, prop LIMIT $1`;

export const STAGE_ENTITIES = "SELECT count(DISTINCT entity_id) AS n FROM vz_stage";
