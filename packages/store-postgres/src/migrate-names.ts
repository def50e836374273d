/**
 * Schema version 4: name parts become searchable names on blocks already stored. Until then the
 * writer put only `name`-typed values into a block's `names`; the stores' shared rule
 * (model/searchable.ts) also counts firstName, lastName, middleName and fatherName (FtM types them
 * as `string`). The new `names` are built from each block's body in JavaScript with the writer's
 * own folding (search-sql.ts `fold`), so upgraded blocks are exactly what a new ingest writes.
 * Runs inside migrate's transaction: the upgrade is all or nothing.
 */
import type { PoolClient } from "pg";
import { SEARCHABLE_PROPS, searchKind } from "@vizier/model";
import { CLEAN_SEARCH_INDEX, MERGE_WORDS } from "./merge-sql";
import { fold } from "./search-sql";

/** Blocks fetched and rewritten per round trip. */
const BATCH = 5_000;
/** Name pieces sent to the dictionary per statement. */
const WORDS_BATCH = 20_000;

/** The block's search names as the writer builds them: folded name values, in body order, one per line; null when none. */
export function blockNames(body: string): string | null {
  const names: string[] = [];
  for (const [prop, propType, value] of JSON.parse(body) as Array<[string, string, string]>) {
    if (searchKind(prop, propType) === "name") names.push(fold(value));
  }
  return names.length ? names.join("\n") : null;
}

/** Rewrites `names` of the blocks holding a name part and adds their words to `name_words`. */
export async function addNamePartsToSearch(client: PoolClient): Promise<void> {
  // Only bodies that mention a name part as a property (`["firstName",` starts its element) are read.
  const patterns = [...SEARCHABLE_PROPS].map((p) => `'%[${JSON.stringify(p)},%'`).join(", ");
  await client.query(`DECLARE vz_name_parts NO SCROLL CURSOR FOR
    SELECT entity_id, dataset, handling, encode(hash, 'hex') AS hash, body, names FROM blocks WHERE body LIKE ANY (ARRAY[${patterns}])`);
  const pieces = new Set<string>();
  for (;;) {
    const r = await client.query<{ entity_id: string; dataset: string; handling: string; hash: string; body: string; names: string | null }>(
      `FETCH ${BATCH} FROM vz_name_parts`);
    if (r.rows.length === 0) break;
    const cols: [string[], string[], string[], string[], string[]] = [[], [], [], [], []];
    for (const row of r.rows) {
      const names = blockNames(row.body);
      if (names === null || names === row.names) continue;
      for (const [i, v] of [row.entity_id, row.dataset, row.handling, row.hash, names].entries()) cols[i]!.push(v);
      for (const w of names.split(/\s+/)) if (w) pieces.add(w);
    }
    if (cols[0].length === 0) continue;
    await client.query(`UPDATE blocks b SET names = u.names
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) u(entity_id, dataset, handling, hash, names)
      WHERE b.entity_id = u.entity_id AND b.dataset = u.dataset AND b.handling = u.handling AND b.hash = decode(u.hash, 'hex')`, cols);
  }
  await client.query("CLOSE vz_name_parts");
  const all = [...pieces];
  for (let i = 0; i < all.length; i += WORDS_BATCH) await client.query(MERGE_WORDS, [all.slice(i, i + WORDS_BATCH)]);
  // Rewritten blocks entered the word index's pending list: merge it now, as an ingest run does before commit.
  await client.query(CLEAN_SEARCH_INDEX);
}
