import type Database from "better-sqlite3";
import { prepared } from "./prepared";

/** A term of the search index with the number of documents holding it. */
export interface IndexTerm { term: string; docs: number }

/** More index terms than this for one word and the word stays an FTS5 prefix query. */
export const MAX_EXPANSION = 32;
/** Words remembered per connection between index changes (a bound on memory, not a tuning knob). */
const MAX_WORDS = 20_000;

interface State {
  version: Buffer; words: Map<string, IndexTerm[] | null>; totals: { rows: number; tokens: number };
  /** Index terms by first characters, for fuzzy search (termsFrom), and how many strings they hold. */
  starts: Map<string, string[] | null>; startTerms: number;
  /** The terms nearest to a misspelt word (fuzzy.ts), per folded word. */
  near: Map<string, string[]>;
}
/** Terms kept for fuzzy search per connection between index changes (a bound on memory). */
const MAX_START_TERMS = 500_000;
const states = new WeakMap<Database.Database, State>();

/**
 * The search index's own vocabulary, read through an fts5vocab table on the connection.
 *
 * FTS5 answers a prefix query (`"jansen"*`) by merging the document lists of every matching term
 * into one list before the first row, and bm25 walks every phrase's whole list once more to count
 * documents. Asked which terms the index holds for a prefix, and how many documents hold each, a
 * search can instead ask for those terms by name, which FTS5 streams lazily newest first, and
 * compute bm25's inverse document frequency itself.
 *
 * fts5vocab counts a term's documents by walking its list, so a lookup costs about what one bm25
 * count does; the answers are therefore kept per connection, per word, until the index changes
 * (any write to the FTS index rewrites its structure and totals records, compared on every call).
 * Nothing here holds results or depends on the scope: only which terms exist and their counts.
 */
export function vocabulary(db: Database.Database): Vocabulary {
  const rows = prepared(db, "SELECT id, block FROM fts_data WHERE id IN (1, 10) ORDER BY id").all() as Array<{ id: number; block: Buffer }>;
  const version = Buffer.concat(rows.flatMap((r) => [Buffer.from([r.id]), r.block]));
  let state = states.get(db);
  if (!state || !state.version.equals(version)) {
    state = { version, words: new Map(), totals: readTotals(rows.find((r) => r.id === 1)?.block), starts: new Map(), startTerms: 0, near: new Map() };
    states.set(db, state);
  }
  return new Vocabulary(db, state);
}

/** Drops what the connection knows of the vocabulary (benchmarks measure the lookups cold with it). */
export function forgetVocabulary(db: Database.Database): void {
  states.delete(db);
}

export class Vocabulary {
  constructor(private readonly db: Database.Database, private readonly state: State) {}

  /** Documents in the index and their total length in tokens (bm25's N and average length). */
  get totals(): { rows: number; tokens: number } {
    return this.state.totals;
  }

  /**
   * The index terms equal to `term` (whole) or starting with it (prefix), in byte order; null when
   * there are more than MAX_EXPANSION of them. `term` must already be folded as the index folds.
   */
  lookup(term: string, prefix: boolean): IndexTerm[] | null {
    const key = (prefix ? "*" : "=") + term;
    const known = this.state.words.get(key);
    if (known !== undefined) return known;
    ensureVocabTable(this.db);
    const found = prefix
      ? prepared(this.db, "SELECT term, doc AS docs FROM temp.vizier_fts_vocab WHERE term >= ? AND term < ? LIMIT ?")
        .all(term, term + "\u{10FFFF}", MAX_EXPANSION + 1) as IndexTerm[]
      : prepared(this.db, "SELECT term, doc AS docs FROM temp.vizier_fts_vocab WHERE term = ?").all(term) as IndexTerm[];
    const value = found.length > MAX_EXPANSION ? null : found;
    if (this.state.words.size >= MAX_WORDS) this.state.words.clear();
    this.state.words.set(key, value);
    return value;
  }

  /** The index terms nearest to the folded word `word`, computed by `find` once until the index changes. */
  nearest(word: string, find: () => string[]): string[] {
    let found = this.state.near.get(word);
    if (found === undefined) {
      found = find();
      if (this.state.near.size >= MAX_WORDS) this.state.near.clear();
      this.state.near.set(word, found);
    }
    return found;
  }

  /**
   * Every index term starting with `start`, in byte order; null when there are more than `cap`
   * (fuzzy search then leaves the word alone). Kept like lookups until the index changes: the walk
   * costs about what counting the documents of all those terms does.
   */
  termsFrom(start: string, cap: number): string[] | null {
    const known = this.state.starts.get(start);
    if (known !== undefined) return known;
    ensureVocabTable(this.db);
    const found = prepared(this.db, "SELECT term FROM temp.vizier_fts_vocab WHERE term >= ? AND term < ? LIMIT ?").pluck()
      .all(start, start + "\u{10FFFF}", cap + 1) as string[];
    const value = found.length > cap ? null : found;
    if (this.state.startTerms + found.length > MAX_START_TERMS) {
      this.state.starts.clear();
      this.state.startTerms = 0;
    }
    this.state.starts.set(start, value);
    this.state.startTerms += value?.length ?? 0;
    return value;
  }
}

const vocabTables = new WeakSet<Database.Database>();
function ensureVocabTable(db: Database.Database): void {
  if (vocabTables.has(db)) return;
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vizier_fts_vocab USING fts5vocab(main, 'fts', 'row')");
  vocabTables.add(db);
}

/** FTS5's totals record (`fts_data` id 1): document count, then each column's token count, as varints. */
function readTotals(block: Buffer | undefined): { rows: number; tokens: number } {
  if (!block) return { rows: 0, tokens: 0 };
  const at = { i: 0 };
  const rows = readVarint(block, at);
  const tokens = at.i < block.length ? readVarint(block, at) : 0;
  return { rows, tokens };
}

/** SQLite's varint (big-endian 7-bit groups, the ninth byte whole), as FTS5 writes them. */
export function readVarint(buf: Uint8Array, at: { i: number }): number {
  return varint((k) => buf[at.i + k] ?? 0, (n) => (at.i += n));
}

/** The varint at the start of bytes given in hex (`hex(blob)` in SQL). */
export function varintFromHex(hex: string): number {
  return varint((k) => parseInt(hex.slice(2 * k, 2 * k + 2), 16) || 0, () => 0);
}

function varint(byte: (k: number) => number, consumed: (n: number) => void): number {
  let v = 0;
  for (let k = 0; k < 9; k++) {
    const b = byte(k);
    if (k === 8) {
      consumed(9);
      return v * 256 + b;
    }
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      consumed(k + 1);
      return v;
    }
  }
  return v;
}
