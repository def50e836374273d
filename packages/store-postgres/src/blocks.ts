/**
 * Packed statement blocks (docs/decisions/0007-postgres-blocks.md). A block is what one source row
 * gave one entity under one provenance: consecutive statements sharing entity, dataset, handling,
 * schema, origin, run and provenance. Its statements are packed into `body`, a JSON array of
 * [prop, prop type, value]; originals that differ from the value go into `originals` (a JSON array
 * aligned with body, null where equal), so the block key — md5(schema, body) — ignores originals
 * and a re-ingest that only changes an original updates the stored block instead of adding one.
 */
import { makeStatementId, type Statement } from "@vizier/model";
import { copyField } from "./copy-text";
import { fold, SEARCH_TYPES } from "./search-sql";

/** Block columns in COPY order (the staging table and `blocks` share them). */
export const BLOCK_COLUMNS = [
  "entity_id", "origin", "dataset", "handling", "schema", "agency", "legal_basis", "purpose", "reliability",
  "first_seen", "last_seen", "retention_until", "run_id", "n", "body", "originals", "names", "idents", "refs",
] as const;

/** Columns a read needs to rebuild statements. */
export const BLOCK_READ = ["entity_id", "dataset", "handling", "schema", "origin", "agency", "legal_basis", "purpose", "reliability",
  "first_seen", "last_seen", "retention_until", "run_id", "body", "originals"] as const;

export type BlockRow = Record<(typeof BLOCK_READ)[number], string> & { originals: string | null };

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
  private cur: Statement | undefined;
  private n = 0;
  private body = "";
  /** Positions and originals of statements whose original differs from the value (usually none). */
  private originals: Array<[number, string]> = [];
  private names: string[] = [];
  private idents: string[] = [];
  private refs: string[] = [];
  /** Blocks emitted so far. */
  blocks = 0;
  /** The provenance columns of the last block, encoded (consecutive blocks mostly share them). */
  private prov: Statement | undefined;
  private provText = "";
  /** `["prop","type",` per property, encoded once. */
  private readonly heads = new Map<string, { type: string; head: string }>();

  /** Adds a statement; returns the COPY line of the block it closed, or "". */
  add(s: Statement): string {
    const c = this.cur;
    const out = c && !sameBlock(c, s) ? this.flush() : "";
    if (!this.cur) this.cur = s;
    const value = clean(s.value);
    const sep = this.n ? "," : "";
    let h = this.heads.get(s.prop);
    if (h?.type !== s.propType) this.heads.set(s.prop, (h = { type: s.propType, head: `[${JSON.stringify(s.prop)},${JSON.stringify(s.propType)},` }));
    this.body += `${sep}${h.head}${JSON.stringify(value)}]`;
    if (s.original !== s.value) this.originals.push([this.n, clean(s.original)]);
    this.n++;
    if (SEARCH_TYPES.has(s.propType)) (s.propType === "name" ? this.names : this.idents).push(fold(value));
    else if (s.propType === "entity") this.refs.push(value);
    return out;
  }

  /** Closes the open block; returns its COPY line, or "" when none is open. */
  flush(): string {
    const c = this.cur;
    if (!c) return "";
    const t = (v: string) => copyField(clean(v));
    if (!this.prov || !sameProvenance(this.prov, c)) {
      this.prov = c;
      this.provText = `${t(c.dataset)}\t${t(c.handling)}\t${t(c.schema)}\t${t(c.agency)}\t${t(c.legalBasis)}\t${t(c.purpose)}\t${t(c.reliability)}\t${t(c.firstSeen)}\t${t(c.lastSeen)}\t${t(c.retentionUntil)}\t${t(c.runId)}`;
    }
    const line = `${t(c.entityId)}\t${t(c.origin)}\t${this.provText}\t${this.n}\t${copyField(`[${this.body}]`)}\t${this.originals.length ? copyField(this.originalsJson()) : "\\N"}\t${this.names.length ? copyField(this.names.join("\n")) : "\\N"}\t${this.idents.length ? copyField(this.idents.join("\n")) : "\\N"}\t${this.refs.length ? copyField(arrayLiteral(this.refs)) : "\\N"}\n`;
    this.cur = undefined;
    this.n = 0;
    this.body = "";
    if (this.originals.length) this.originals = [];
    if (this.names.length) this.names = [];
    if (this.idents.length) this.idents = [];
    if (this.refs.length) this.refs = [];
    this.blocks++;
    return line;
  }

  /** The originals column: a JSON array aligned with the body, null where the original is the value. */
  private originalsJson(): string {
    const out: Array<string | null> = new Array<string | null>(this.n).fill(null);
    for (const [i, v] of this.originals) out[i] = v;
    return JSON.stringify(out);
  }
}

function sameBlock(a: Statement, b: Statement): boolean {
  return a.entityId === b.entityId && a.origin === b.origin && sameProvenance(a, b);
}

function sameProvenance(a: Statement, b: Statement): boolean {
  return a.dataset === b.dataset && a.handling === b.handling && a.schema === b.schema && a.runId === b.runId && a.agency === b.agency
    && a.legalBasis === b.legalBasis && a.purpose === b.purpose && a.reliability === b.reliability
    && a.firstSeen === b.firstSeen && a.lastSeen === b.lastSeen && a.retentionUntil === b.retentionUntil;
}

/** One statement of a block, with the block's provenance. */
interface Expanded { s: Statement; seen: string }

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
