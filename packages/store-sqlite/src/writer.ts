import type Database from "better-sqlite3";
import type { Statement } from "@vizier/model";
import type { AuditAppend, Conflict, IngestRun, QuarantineRow, StoreWriter } from "@vizier/core";
import { sqlRows } from "@vizier/core";
import { appendAuditTx } from "./audit";
import { guard } from "./errors";
import { Hash53 } from "./hash";
import { provenanceKey } from "./rows";
import { SEARCHABLE_PROPS, SEARCHABLE_TYPES } from "./schema";

/** Statement rows per multi-row INSERT: fewer, larger calls amortise better-sqlite3's per-call cost. */
const ROWS_PER_INSERT = 128;
/** Blocks per multi-row upsert. */
const BLOCKS_PER_UPSERT = 32;
const BLOCK_COLS = 11;
/** Types whose values should not differ between rows of one run for the same entity. */
const SINGLE_VALUED_TYPES = "('date', 'number', 'gender')";

/** A block to write: statements [from, to) of a batch, with the id and first rowid it would get. */
interface Chunk { from: number; to: number; prov: number; id: number; lo: number }

/**
 * Writes a run straight into the store inside one IMMEDIATE transaction on a connection of its
 * own, opened here and committed or rolled back at the end. Other connections keep reading the last
 * committed state; a killed process leaves only uncommitted WAL frames, which recovery discards.
 *
 * Each run of consecutive statements with the same entity, dataset, handling, schema, origin and
 * provenance (what one source row gives an entity) becomes a block; see schema.ts for the layout.
 */
export class SqliteWriter implements StoreWriter {
  private readonly upserts = new Map<number, Database.Statement>();
  private readonly blockParams: unknown[] = [];
  private readonly docs: Array<[number, string, string, string, string]> = [];
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly insertDocs: Database.Statement;
  private readonly insertQ: Database.Statement;
  private readonly insertProv: Database.Statement;
  private readonly insertProp: Database.Statement;
  private readonly provIds = new Map<string, number>();
  private readonly propIds = new Map<string, Map<string, number>>();
  private readonly params: unknown[] = new Array(ROWS_PER_INSERT * 4);
  private pending = 0;
  private nextBlock: number;
  private nextStmt: number;
  private readonly hash = new Hash53();
  private lastProvStmt: Statement | undefined;
  private lastProv = 0;
  private done = false;

  constructor(private readonly db: Database.Database, private readonly location: string) {
    guard(location, () => db.exec("BEGIN IMMEDIATE"));
    try {
      const one = "(?,?,?,?)";
      this.insertMany = db.prepare(`INSERT INTO stmts (rowid, prop, value, original) VALUES ${new Array(ROWS_PER_INSERT).fill(one).join(",")}`);
      this.insertOne = db.prepare(`INSERT INTO stmts (rowid, prop, value, original) VALUES ${one}`);
      this.insertDocs = db.prepare("INSERT INTO docs (rowid, text, entity_id, dataset, handling) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?)");
      this.insertQ = db.prepare("INSERT INTO quarantine (kind, run_id, dataset, file, row, col, reason, raw) VALUES (?,?,?,?,?,?,?,?)");
      this.insertProv = db.prepare("INSERT INTO provenance (dataset, agency, legal_basis, purpose, handling, reliability, retention_until, run_id, seen_at) VALUES (?,?,?,?,?,?,?,?,?)");
      this.insertProp = db.prepare("INSERT INTO props (name, type) VALUES (?, ?)");
      for (const p of db.prepare("SELECT id, name, type FROM props").all() as Array<{ id: number; name: string; type: string }>) {
        this.propIds.set(p.name, (this.propIds.get(p.name) ?? new Map<string, number>()).set(p.type, p.id));
      }
      this.nextBlock = (db.prepare("SELECT coalesce(max(id), 0) + 1 FROM blocks").pluck().get() as number);
      this.nextStmt = (db.prepare("SELECT coalesce(max(rowid), 0) + 1 FROM stmts").pluck().get() as number);
    } catch (e) {
      this.close(true);
      throw e;
    }
  }

  /** The stored provenance id for the statement's provenance tuple (usually one per run). */
  private prov(s: Statement): number {
    const l = this.lastProvStmt;
    if (l && l.runId === s.runId && l.dataset === s.dataset && l.handling === s.handling && l.lastSeen === s.lastSeen) return this.lastProv;
    const key = provenanceKey(s);
    let id = this.provIds.get(key);
    if (id === undefined) {
      id = Number(this.insertProv.run(s.dataset, s.agency, s.legalBasis, s.purpose, s.handling, s.reliability, s.retentionUntil, s.runId, s.lastSeen).lastInsertRowid);
      this.provIds.set(key, id);
    }
    this.lastProvStmt = s;
    this.lastProv = id;
    return id;
  }

  /** Integer code of (prop, type); two-level map so the hot path builds no key strings. */
  private prop(s: Statement): number {
    let byType = this.propIds.get(s.prop);
    if (!byType) this.propIds.set(s.prop, (byType = new Map()));
    let id = byType.get(s.propType);
    if (id === undefined) {
      id = Number(this.insertProp.run(s.prop, s.propType).lastInsertRowid);
      byType.set(s.propType, id);
    }
    return id;
  }

  async writeStatements(batch: readonly Statement[]): Promise<void> {
    guard(this.location, () => {
      const chunks: Chunk[] = [];
      let from = 0;
      while (from < batch.length) {
        const a = batch[from]!;
        const prov = this.prov(a);
        let to = from + 1;
        for (; to < batch.length; to++) {
          const b = batch[to]!;
          if (b.entityId !== a.entityId || b.dataset !== a.dataset || b.handling !== a.handling || b.schema !== a.schema || b.origin !== a.origin || this.prov(b) !== prov) break;
        }
        // Ids and statement rowids are handed out before the upsert tells which blocks are new;
        // a block whose content was already stored leaves a harmless gap.
        chunks.push({ from, to, prov, id: this.nextBlock++, lo: this.nextStmt });
        this.nextStmt += to - from;
        from = to;
      }
      for (let c = 0; c < chunks.length; c += BLOCKS_PER_UPSERT) {
        const group = chunks.slice(c, c + BLOCKS_PER_UPSERT);
        const created = new Set(this.upsert(batch, group));
        for (const ch of group) if (created.has(ch.id)) this.append(batch, ch);
      }
      this.flush();
      this.flushDocs();
    });
  }

  /**
   * Upserts a group of blocks in one statement and returns the ids it inserted. A block whose key
   * (entity, dataset, handling, content hash) exists only gets its last_prov and origin moved, and
   * RETURNING then yields the existing id rather than the one handed out here.
   */
  private upsert(batch: readonly Statement[], group: readonly Chunk[]): number[] {
    let stmt = this.upserts.get(group.length);
    if (!stmt) {
      const one = `(${new Array(BLOCK_COLS).fill("?").join(",")})`;
      stmt = this.db.prepare(`INSERT INTO blocks (entity_id, dataset, handling, hash, id, schema, origin, first_prov, last_prov, lo, n)
        VALUES ${new Array(group.length).fill(one).join(",")} ON CONFLICT DO UPDATE SET last_prov = excluded.last_prov, origin = excluded.origin RETURNING id`).pluck();
      this.upserts.set(group.length, stmt);
    }
    const p = this.blockParams;
    p.length = group.length * BLOCK_COLS;
    const h = this.hash;
    for (let g = 0, at = 0; g < group.length; g++, at += BLOCK_COLS) {
      const ch = group[g]!;
      const a = batch[ch.from]!;
      h.reset();
      h.add(a.schema);
      for (let i = ch.from; i < ch.to; i++) {
        const s = batch[i]!;
        h.add(s.prop);
        h.add(s.value);
        h.add(s.original === s.value ? "" : "\u0000" + s.original);
      }
      p[at] = a.entityId; p[at + 1] = a.dataset; p[at + 2] = a.handling; p[at + 3] = h.value(); p[at + 4] = ch.id; p[at + 5] = a.schema;
      p[at + 6] = a.origin; p[at + 7] = ch.prov; p[at + 8] = ch.prov; p[at + 9] = ch.lo; p[at + 10] = ch.to - ch.from;
    }
    return stmt.all(p) as number[];
  }

  /** Queues the statement rows and the search document of a new block. */
  private append(batch: readonly Statement[], ch: Chunk): void {
    const a = batch[ch.from]!;
    let text = "";
    const p = this.params;
    for (let i = ch.from, r = ch.lo; i < ch.to; i++, r++) {
      const s = batch[i]!;
      const at = this.pending * 4;
      p[at] = r; p[at + 1] = this.prop(s); p[at + 2] = s.value; p[at + 3] = s.original === s.value ? null : s.original;
      if (++this.pending === ROWS_PER_INSERT) this.flush();
      if (SEARCHABLE_TYPES.has(s.propType) || SEARCHABLE_PROPS.has(s.prop)) {
        // Identifiers are also indexed without separators, so "AB-12.3" is found as "ab123".
        const compact = s.propType === "identifier" || s.propType === "phone" ? s.value.replace(/[-. /]/g, "") : s.value;
        text += (text ? " " : "") + (compact === s.value ? s.value : `${s.value} ${compact}`);
      }
    }
    if (text) this.docs.push([ch.id, text, a.entityId, a.dataset, a.handling]);
  }

  private flush(): void {
    if (this.pending === ROWS_PER_INSERT) this.insertMany.run(this.params);
    else for (let i = 0; i < this.pending; i++) this.insertOne.run(this.params.slice(i * 4, i * 4 + 4));
    this.pending = 0;
  }

  /**
   * Adds the batch's search documents in one statement. FTS5 writes its pending terms out as a new
   * index segment at every statement savepoint, so one document per statement, interleaved with
   * the block upserts, would make one tiny segment per row and triple the cost of everything else.
   */
  private flushDocs(): void {
    if (this.docs.length === 0) return;
    this.insertDocs.run(JSON.stringify(this.docs));
    this.docs.length = 0;
  }

  async writeQuarantine(rows: readonly QuarantineRow[]): Promise<void> {
    guard(this.location, () => {
      for (const q of rows) this.insertQ.run(q.kind, q.runId, q.dataset, q.file, q.row, q.column, q.reason, q.raw);
    });
  }

  /** Blocks this run wrote or confirmed carry one of its provenance ids as last_prov. */
  private runProvs(): string {
    return JSON.stringify([...this.provIds.values()]);
  }

  async conflicts(limit: number): Promise<Conflict[]> {
    // Only entities with blocks from more than one source row in this run can conflict; finding
    // them first from the block keys avoids joining every statement of the run.
    const rows = guard(this.location, () => this.db.prepare(`
      WITH run AS (SELECT value AS prov FROM json_each(@provs)),
      multi AS (SELECT entity_id FROM blocks WHERE last_prov IN run GROUP BY entity_id HAVING count(DISTINCT origin) > 1)
      SELECT b.entity_id, k.name AS prop, json_group_array(DISTINCT s.value) AS vals
      FROM multi m CROSS JOIN blocks b ON b.entity_id = m.entity_id CROSS JOIN stmts s ON s.rowid >= b.lo AND s.rowid < b.lo + b.n CROSS JOIN props k ON k.id = s.prop
      WHERE b.last_prov IN run AND k.type IN ${SINGLE_VALUED_TYPES}
      GROUP BY b.entity_id, k.name HAVING count(DISTINCT s.value) > 1 AND count(DISTINCT b.origin) > 1 LIMIT @limit`)
      .all({ provs: this.runProvs(), limit })) as Array<{ entity_id: string; prop: string; vals: string }>;
    return rows.map((r) => ({ entityId: r.entity_id, prop: r.prop, values: JSON.parse(r.vals) as string[] }));
  }

  async runEntities(): Promise<number> {
    return guard(this.location, () => this.db.prepare("SELECT count(DISTINCT entity_id) FROM blocks WHERE last_prov IN (SELECT value FROM json_each(?))")
      .pluck().get(this.runProvs()) as number);
  }

  async commit(run: IngestRun, audit: AuditAppend): Promise<void> {
    guard(this.location, () => {
      this.db.prepare(`INSERT INTO runs VALUES (${new Array(15).fill("?").join(",")})`).run(sqlRows.runParams(run));
      appendAuditTx(this.db, audit.entries, audit.link);
      this.db.exec("COMMIT");
    });
    this.close(false);
  }

  async abort(): Promise<void> {
    this.close(true);
  }

  private close(rollback: boolean): void {
    if (this.done) return;
    this.done = true;
    try {
      if (rollback && this.db.inTransaction) this.db.exec("ROLLBACK");
    } catch {
      // a failed rollback (e.g. full disk) still discards the transaction when the connection closes
    }
    try {
      this.db.close();
    } catch {
      // already closed
    }
  }
}
