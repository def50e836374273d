/**
 * Upgrades of the search columns of blocks already stored, built from each block's body in
 * JavaScript with the writer's own folding (search-sql.ts), so an upgraded block is exactly what
 * a new ingest writes. Each runs inside migrate's transaction: the upgrade is all or nothing.
 *
 * - Version 4: name parts become searchable names. Until then the writer put only `name`-typed
 *   values into a block's `names`; the stores' shared rule (model/searchable.ts) also counts
 *   firstName, lastName, middleName and fatherName (FtM types them as `string`).
 * - Version 5: identifiers, phones and e-mail addresses are indexed by their words and run
 *   together (`identWords`), not as PostgreSQL's parser splits them.
 * - Version 6: secondName and motherName become name parts too.
 */
import type { PoolClient } from "pg";
import { NAME_PARTS_ADDED_V2, SEARCHABLE_PROPS, searchKind } from "@vizier/model";
import { CLEAN_SEARCH_INDEX, MERGE_WORDS } from "./merge-sql";
import { fold, identWords } from "./search-sql";

/** Blocks fetched and rewritten per round trip. */
const BATCH = 5_000;
/** Name pieces sent to the dictionary per statement. */
const WORDS_BATCH = 20_000;

type Body = Array<[string, string, string]>;

/** The block's search names as the writer builds them: folded name values, in body order, one per line; null when none. */
export function blockNames(body: string): string | null {
  const names: string[] = [];
  for (const [prop, propType, value] of JSON.parse(body) as Body) {
    if (searchKind(prop, propType) === "name") names.push(fold(value));
  }
  return names.length ? names.join("\n") : null;
}

/** The block's searched identifiers as the writer builds them, one per line; null when none. */
export function blockIdents(body: string): string | null {
  const idents: string[] = [];
  for (const [prop, propType, value] of JSON.parse(body) as Body) {
    if (searchKind(prop, propType) === "identifier") idents.push(identWords(fold(value)));
  }
  return idents.length ? idents.join("\n") : null;
}

/**
 * Recomputes one search column (`names` or `idents`) of the blocks `where` selects; returns the
 * new values written. The word index follows (same table); its pending list is merged at the end.
 */
async function rewriteBlocks(client: PoolClient, column: "names" | "idents", where: string, compute: (body: string) => string | null): Promise<string[]> {
  await client.query(`DECLARE vz_rewrite NO SCROLL CURSOR FOR
    SELECT entity_id, dataset, handling, encode(hash, 'hex') AS hash, body, ${column} AS old FROM blocks WHERE ${where}`);
  const written: string[] = [];
  for (;;) {
    const r = await client.query<{ entity_id: string; dataset: string; handling: string; hash: string; body: string; old: string | null }>(
      `FETCH ${BATCH} FROM vz_rewrite`);
    if (r.rows.length === 0) break;
    const cols: [string[], string[], string[], string[], (string | null)[]] = [[], [], [], [], []];
    for (const row of r.rows) {
      const v = compute(row.body);
      if (v === row.old) continue;
      cols[0].push(row.entity_id); cols[1].push(row.dataset); cols[2].push(row.handling); cols[3].push(row.hash); cols[4].push(v);
      if (v !== null) written.push(v);
    }
    if (cols[0].length === 0) continue;
    await client.query(`UPDATE blocks b SET ${column} = u.v
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) u(entity_id, dataset, handling, hash, v)
      WHERE b.entity_id = u.entity_id AND b.dataset = u.dataset AND b.handling = u.handling AND b.hash = decode(u.hash, 'hex')`, cols);
  }
  await client.query("CLOSE vz_rewrite");
  // Rewritten blocks entered the word index's pending list: merge it now, as an ingest run does before commit.
  await client.query(CLEAN_SEARCH_INDEX);
  return written;
}

/** Version 4 (and 6): rewrites `names` of the blocks holding a name part and adds their words to `name_words`. */
export async function addNamePartsToSearch(client: PoolClient, parts: Iterable<string> = SEARCHABLE_PROPS): Promise<void> {
  // Only bodies that mention a name part as a property (`["firstName",` starts its element) are read.
  const patterns = [...parts].map((p) => `'%[${JSON.stringify(p)},%'`).join(", ");
  const written = await rewriteBlocks(client, "names", `body LIKE ANY (ARRAY[${patterns}])`, blockNames);
  const pieces = new Set<string>();
  for (const names of written) for (const w of names.split(/\s+/)) if (w) pieces.add(w);
  const all = [...pieces];
  for (let i = 0; i < all.length; i += WORDS_BATCH) await client.query(MERGE_WORDS, [all.slice(i, i + WORDS_BATCH)]);
}

/** Version 6: secondName and motherName became name parts (model/searchable.ts). */
export async function addMoreNamePartsToSearch(client: PoolClient): Promise<void> {
  await addNamePartsToSearch(client, NAME_PARTS_ADDED_V2);
}

/** Version 5: rewrites `idents` holding anything but letters, digits and the line breaks between values. */
export async function identWordsInSearch(client: PoolClient): Promise<void> {
  await rewriteBlocks(client, "idents", `idents ~ '[^[:alnum:]\\n]'`, blockIdents);
}
