/**
 * Packed statement blocks (docs/decisions/0007-postgres-blocks.md). A block is what one source row
 * gave one entity under one provenance: consecutive statements sharing entity, dataset, handling,
 * schema, origin, run and provenance. Its statements are packed into `body`, a JSON array of
 * [prop, prop type, value]; originals that differ from the value go into `originals` (a JSON array
 * aligned with body, null where equal), so the block key — md5(schema, body) — ignores originals
 * and a re-ingest that only changes an original updates the stored block instead of adding one.
 */
import { addPartValue, addParts, makeStatementId, searchKind, type EntityParts, type Statement } from "@vizier/model";
import { copyField } from "./copy-text";
import { fold, identWords } from "./search-sql";

/** Block columns in COPY order (the staging table and `blocks` share them). */
export const BLOCK_COLUMNS = [
  "entity_id", "origin", "dataset", "handling", "schema", "agency", "legal_basis", "purpose", "reliability",
  "first_seen", "last_seen", "retention_until", "run_id", "n", "body", "originals", "names", "idents", "refs",
] as const;

/** Provenance columns: once per distinct provenance in the run's `vz_prov`, joined to the stage at merge. */
export const PROV_COLUMNS = ["dataset", "handling", "schema", "agency", "legal_basis", "purpose", "reliability",
  "first_seen", "last_seen", "retention_until", "run_id"] as const;

/** Stage columns in COPY order: a block's own columns and the number of its provenance (`prov`). */
export const STAGE_COLUMNS = ["entity_id", "origin", "prov", "n", "body", "originals", "names", "idents", "refs"] as const;

/** What a block's statements share besides entity and origin: its provenance (a Statement has all of it). */
export type BlockProvenance = Pick<Statement, "dataset" | "handling" | "schema" | "agency" | "legalBasis" | "purpose" | "reliability"
  | "firstSeen" | "lastSeen" | "retentionUntil" | "runId">;

/** The open block: entity, origin and provenance. */
interface BlockHead { entityId: string; origin: string; prov: BlockProvenance }

/** Distinct provenances remembered per run; beyond this the map starts afresh (a provenance may then get a second number). */
const MAX_PROVENANCES = 10_000;

/** Columns a read needs to rebuild statements. */
export const BLOCK_READ = ["entity_id", "dataset", "handling", "schema", "origin", "agency", "legal_basis", "purpose", "reliability",
  "first_seen", "last_seen", "retention_until", "run_id", "body", "originals"] as const;

export type BlockRow = Record<(typeof BLOCK_READ)[number], string> & { originals: string | null };

const WHITESPACE = /\s+/;
/** Name pieces remembered per run so later slices do not send them again; beyond this the memory starts afresh. */
const MAX_TAKEN_WORDS = 100_000;

/** Characters a JSON string or a COPY field would escape, and what `clean` replaces: values without them go in as they are. */
const NEEDS_ESCAPE = /["\\\x00-\x1f\uD800-\uDFFF]/;

/** A value as a JSON string, cleaned; quoted as it is when nothing in it needs escaping or cleaning. */
function jsonString(v: string, plain = !NEEDS_ESCAPE.test(v)): string {
  return plain ? `"${v}"` : JSON.stringify(clean(v));
}

const BAD = /[\0\uD800-\uDFFF]/;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PostgreSQL text holds no NUL and JSON bodies no lone surrogates: both become U+FFFD (as on every write path). */
export function clean(v: string): string {
  return BAD.test(v) ? v.replace(/\0/g, "\uFFFD").replace(LONE, "\uFFFD") : v;
}

/** An array literal for COPY ({"a","b"}), elements quoted so any text survives. */
function arrayLiteral(vals: readonly string[]): string {
  return `{${vals.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/**
 * Packs a stream of statements into block lines for COPY. Statements of one block must arrive
 * consecutively (the ingest pipeline writes a row's statements together); a block stays open
 * across `add` calls until a statement of another block arrives or `flush` is called.
 */
export class BlockPacker {
  private cur: BlockHead | undefined;
  private n = 0;
  /** The body's elements, JSON, not yet escaped for COPY; `bodyEscape`: some value needs COPY escapes. */
  private body = "";
  private bodyEscape = false;
  /** The originals column's elements (JSON, "null" where the original is the value), and whether any differs. */
  private originals = "";
  private anyOriginal = false;
  /**
   * Folded names (name parts included) and identifiers, each already escaped for COPY, joined by
   * an escaped newline; what goes where is the stores' one rule, model/searchable.ts.
   */
  private names = "";
  private idents = "";
  private nNames = 0;
  private nIdents = 0;
  private refs: string[] = [];
  /** Blocks emitted so far. */
  blocks = 0;
  /** The provenance of the last block and its number (consecutive blocks mostly share it). */
  private prov: BlockProvenance | undefined;
  private provId = 0;
  /** Numbers of the provenances seen in this run, and those not yet taken by `takeProvenances`. */
  private readonly provIds = new Map<string, number>();
  private provCount = 0;
  private newProvs: string[][] = [];
  /** `["prop","type",` per property, encoded once. */
  private readonly heads = new Map<string, { type: string; head: string }>();
  /**
   * The distinct whitespace-separated pieces of folded names since the last `takeNameWords`, and
   * the pieces already taken this run (bounded): the merge turns only new pieces into dictionary
   * words, instead of parsing every block's names again in PostgreSQL.
   */
  private nameWords = new Set<string>();
  private readonly takenWords = new Set<string>();

  /** Adds a statement; returns the COPY line of the block it closed, or "". */
  add(s: Statement): string {
    return this.addValue(s.entityId, s.origin, s, s.prop, s.propType, s.value, s.original);
  }

  /**
   * Adds one statement given by its parts (the ingest's row path, StoreWriter.writeRows, makes
   * no Statement objects); returns the COPY line of the block it closed, or "". Passing the same
   * `prov` object for a row's statements spares comparing provenances field by field.
   */
  addValue(entityId: string, origin: string, prov: BlockProvenance, prop: string, propType: string, rawValue: string, original: string): string {
    const c = this.cur;
    const out = c && !(c.entityId === entityId && c.origin === origin && (c.prov === prov || sameProvenance(c.prov, prov))) ? this.flush() : "";
    if (!this.cur) this.cur = { entityId, origin, prov };
    let h = this.heads.get(prop);
    if (h?.type !== propType) this.heads.set(prop, (h = { type: propType, head: `[${JSON.stringify(prop)},${JSON.stringify(propType)},` }));
    // Most values need neither cleaning nor JSON or COPY escapes: quoted as they are.
    const plain = !NEEDS_ESCAPE.test(rawValue);
    const value = plain ? rawValue : clean(rawValue);
    if (!plain) this.bodyEscape = true;
    this.body += `${this.n ? "," : ""}${h.head}${jsonString(rawValue, plain)}]`;
    if (original !== rawValue) {
      this.anyOriginal = true;
      this.originals += `${this.n ? "," : ""}${jsonString(original)}`;
    } else this.originals += this.n ? ",null" : "null";
    this.n++;
    const kind = searchKind(prop, propType);
    if (kind) {
      const folded = fold(value);
      if (kind === "name") {
        const field = copyField(folded);
        this.names += this.nNames++ ? `\\n${field}` : field;
        for (const w of folded.split(WHITESPACE)) if (w && !this.takenWords.has(w)) this.nameWords.add(w);
      } else {
        const field = copyField(identWords(folded));
        this.idents += this.nIdents++ ? `\\n${field}` : field;
      }
    } else if (propType === "entity") this.refs.push(value);
    return out;
  }

  /** Closes the open block; returns its COPY line, or "" when none is open. */
  flush(): string {
    const c = this.cur;
    if (!c) return "";
    const t = (v: string) => copyField(clean(v));
    const p = c.prov;
    if (!this.prov || (this.prov !== p && !sameProvenance(this.prov, p))) {
      this.prov = p;
      const fields = [p.dataset, p.handling, p.schema, p.agency, p.legalBasis, p.purpose, p.reliability, p.firstSeen, p.lastSeen, p.retentionUntil, p.runId];
      const key = JSON.stringify(fields);
      let id = this.provIds.get(key);
      if (id === undefined) {
        if (this.provIds.size >= MAX_PROVENANCES) this.provIds.clear();
        id = ++this.provCount;
        this.provIds.set(key, id);
        this.newProvs.push([String(id), ...fields.map(clean)]);
      }
      this.provId = id;
    }
    // JSON text holds no raw tab or newline; only its backslashes need COPY escapes (when a value needed JSON escapes).
    const body = this.bodyEscape ? copyField(`[${this.body}]`) : `[${this.body}]`;
    const originals = this.anyOriginal ? copyField(`[${this.originals}]`) : "\\N";
    const line = `${t(c.entityId)}\t${t(c.origin)}\t${this.provId}\t${this.n}\t${body}\t${originals}\t${this.nNames ? this.names : "\\N"}\t${this.nIdents ? this.idents : "\\N"}\t${this.refs.length ? copyField(arrayLiteral(this.refs)) : "\\N"}\n`;
    this.cur = undefined;
    this.n = 0;
    this.body = "";
    this.bodyEscape = false;
    this.originals = "";
    this.anyOriginal = false;
    this.names = "";
    this.idents = "";
    this.nNames = 0;
    this.nIdents = 0;
    if (this.refs.length) this.refs = [];
    this.blocks++;
    return line;
  }

  /**
   * The provenances numbered since the last call, as [number, ...PROV_COLUMNS values]: they must
   * be in the stage's `vz_prov` before blocks that use them are merged (writer.ts).
   */
  takeProvenances(): string[][] {
    const out = this.newProvs;
    this.newProvs = [];
    return out;
  }

  /**
   * The name pieces seen since the last call and not taken before in this run: the merge parses
   * them with the index's parser into dictionary words (merge-sql.ts, MERGE_WORDS). A piece
   * never spans whitespace, so splitting there first yields the same words as parsing whole names.
   */
  takeNameWords(): string[] {
    const out = [...this.nameWords];
    this.nameWords = new Set();
    if (this.takenWords.size + out.length > MAX_TAKEN_WORDS) this.takenWords.clear();
    for (const w of out) this.takenWords.add(w);
    return out;
  }
}

function sameProvenance(a: BlockProvenance, b: BlockProvenance): boolean {
  return a.dataset === b.dataset && a.handling === b.handling && a.schema === b.schema && a.runId === b.runId && a.agency === b.agency
    && a.legalBasis === b.legalBasis && a.purpose === b.purpose && a.reliability === b.reliability
    && a.firstSeen === b.firstSeen && a.lastSeen === b.lastSeen && a.retentionUntil === b.retentionUntil;
}

/** One statement of a block, with the block's provenance. */
interface Expanded { s: Statement; seen: string }

/**
 * The entity parts of block rows, in the rows' entity order, without a statement per value: what
 * assembleEntities makes of mergeBlocks(rows) (an entity's first and last seen are the earliest
 * and latest of its blocks, as its statements' are). Callers filter rows by scope first.
 */
export function blockParts(rows: readonly BlockRow[]): Map<string, EntityParts> {
  const byId = new Map<string, EntityParts>();
  for (const r of rows) {
    const body = JSON.parse(r.body) as Array<[string, string, string]>;
    if (body.length === 0) continue;
    const e = addParts(byId, r.entity_id, r.schema, r.dataset, r.first_seen, r.last_seen);
    for (const [prop, , value] of body) addPartValue(e, prop, value);
  }
  return byId;
}

/** The statements of one block row. */
export function expandBlock(r: BlockRow): Statement[] {
  const body = JSON.parse(r.body) as Array<[string, string, string]>;
  const originals = r.originals === null ? undefined : (JSON.parse(r.originals) as Array<string | null>);
  return body.map(([prop, propType, value], i) => ({
    get id() { return makeStatementId(r.entity_id, prop, value, r.dataset); },
    entityId: r.entity_id, schema: r.schema, prop, propType, value, original: originals?.[i] ?? value,
    dataset: r.dataset, agency: r.agency, legalBasis: r.legal_basis, purpose: r.purpose, handling: r.handling, reliability: r.reliability,
    firstSeen: r.first_seen, lastSeen: r.last_seen, retentionUntil: r.retention_until, runId: r.run_id, origin: r.origin,
  }));
}

/**
 * Merges block rows into statements. A statement (entity, dataset, prop, value) may sit in several
 * blocks (each sighting with different content adds one): it is first seen in the earliest and
 * reports the provenance of the latest (ties: the later row). Callers filter rows by scope first,
 * so a statement is only ever built from blocks the scope may read. Output is sorted by entity,
 * prop, value, dataset.
 */
export function mergeBlocks(rows: readonly BlockRow[]): Statement[] {
  const byKey = new Map<string, Expanded>();
  for (const r of rows) {
    for (const s of expandBlock(r)) {
      const key = `${s.entityId}\u001f${s.dataset}\u001f${s.prop}\u001f${s.value}`;
      const had = byKey.get(key);
      if (!had) { byKey.set(key, { s, seen: s.firstSeen }); continue; }
      const first = had.seen < s.firstSeen ? had.seen : s.firstSeen;
      if (s.lastSeen >= had.s.lastSeen) had.s = s;
      had.seen = first;
    }
  }
  const out: Statement[] = [];
  for (const { s, seen } of byKey.values()) out.push(s.firstSeen === seen ? s : withFirstSeen(s, seen));
  out.sort((a, b) => cmp(a.entityId, b.entityId) || cmp(a.prop, b.prop) || cmp(a.value, b.value) || cmp(a.dataset, b.dataset));
  return out;
}

function withFirstSeen(s: Statement, firstSeen: string): Statement {
  const id = s.id;
  return { ...s, id, firstSeen };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
