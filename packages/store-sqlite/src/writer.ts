import type Database from "better-sqlite3";
import type { Statement } from "@vizier/model";
import type { AuditAppend, Conflict, IngestRun, QuarantineRow, StoreWriter } from "@vizier/core";
import { sqlRows } from "@vizier/core";
import { appendAuditTx } from "./audit";
import { guard } from "./errors";
import { Hash53 } from "./hash";
import { provenanceKey } from "./rows";
import { SEARCHABLE_PROPS, SEARCHABLE_TYPES } from "./schema";

/** Blocks per multi-row INSERT: fewer, larger calls amortise better-sqlite3's per-call cost. */
const BLOCKS_PER_INSERT = 64;
const BLOCK_COLS = 11;
/** Types whose values should not differ between rows of one run for the same entity. */
const SINGLE_VALUED_TYPES: ReadonlySet<string> = new Set(["date", "number", "gender"]);

/**
 * Writes a run straight into the store inside one IMMEDIATE transaction on a connection of its
 * own, opened here and committed or rolled back at the end. Other connections keep reading the last
 * committed state; a killed process leaves only uncommitted WAL frames, which recovery discards.
 *
 * Each run of consecutive statements with the same entity, dataset, handling, schema, origin and
 * provenance (what one source row gives an entity) becomes a block (see schema.ts, decision 0004).
 * During the run blocks and search documents are only appended; the block keys are sorted and
 * merged once, before commit (`settle`), which is where identical content is recognised.
 */
export class SqliteWriter implements StoreWriter {
  private readonly insertBlocks: Database.Statement;
  private readonly insertBlock: Database.Statement;
  private readonly insertDocs: Database.Statement;
  private readonly insertQ: Database.Statement;
  private readonly insertProv: Database.Statement;
  private readonly insertProp: Database.Statement;
  private readonly provIds = new Map<string, number>();
  private readonly propIds = new Map<string, Map<string, number>>();
  private readonly propTypes = new Map<number, string>();
  private readonly params: unknown[] = new Array(BLOCKS_PER_INSERT * BLOCK_COLS);
  private readonly docs: Array<[number, string]> = [];
  /** Reverse references of this run ([target, block, prop code]), appended to temp.run_refs. */
  private readonly refs: Array<[string, number, number]> = [];
  private readonly insertRefs: Database.Statement;
  private pending = 0;
  /** First block id of this run: blocks with id ≥ base are the run's. */
  private readonly base: number;
  private nextBlock: number;
  private readonly hash = new Hash53();
  private lastProvStmt: Statement | undefined;
  private lastProv = 0;
  private settled: { entities: number; multi: string[] } | undefined;
  private done = false;

  constructor(private readonly db: Database.Database, private readonly location: string) {
    guard(location, () => db.exec("BEGIN IMMEDIATE"));
    try {
      const cols = "INSERT INTO blocks (id, entity_id, dataset, handling, hash, schema, origin, first_prov, last_prov, n, body) VALUES ";
      this.insertBlocks = db.prepare(cols + new Array(BLOCKS_PER_INSERT).fill(blockTuple()).join(","));
      this.insertBlock = db.prepare(cols + blockTuple());
      this.insertDocs = db.prepare("INSERT INTO fts (rowid, text) SELECT value ->> 0, value ->> 1 FROM json_each(?)");
      db.exec("DROP TABLE IF EXISTS temp.run_refs; CREATE TEMP TABLE run_refs (target TEXT NOT NULL, block INTEGER NOT NULL, prop INTEGER NOT NULL)");
      this.insertRefs = db.prepare("INSERT INTO run_refs (target, block, prop) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)");
      this.insertQ = db.prepare("INSERT INTO quarantine (kind, run_id, dataset, file, row, col, reason, raw) VALUES (?,?,?,?,?,?,?,?)");
      this.insertProv = db.prepare("INSERT INTO provenance (dataset, agency, legal_basis, purpose, handling, reliability, retention_until, run_id, seen_at) VALUES (?,?,?,?,?,?,?,?,?)");
      this.insertProp = db.prepare("INSERT INTO props (name, type) VALUES (?, ?)");
      for (const p of db.prepare("SELECT id, name, type FROM props").all() as Array<{ id: number; name: string; type: string }>) {
        this.propIds.set(p.name, (this.propIds.get(p.name) ?? new Map<string, number>()).set(p.type, p.id));
        this.propTypes.set(p.id, p.type);
      }
      this.base = this.nextBlock = (db.prepare("SELECT coalesce(max(id), 0) + 1 FROM blocks").pluck().get() as number);
    } catch (e) {
      this.close(true);
      throw e;
    }
  }

  /** The stored provenance id for the statement's provenance tuple (usually one per run). */
  private prov(s: Statement): number {
    const l = this.lastProvStmt;
    if (l && l.runId === s.runId && l.dataset === s.dataset && l.handling === s.handling && l.lastSeen === s.lastSeen &&
      l.retentionUntil === s.retentionUntil && l.reliability === s.reliability) return this.lastProv;
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
      this.propTypes.set(id, s.propType);
    }
    return id;
  }

  async writeStatements(batch: readonly Statement[]): Promise<void> {
    if (this.settled) throw new Error("writeStatements after conflicts()/runEntities(): the run is being committed");
    guard(this.location, () => {
      let from = 0;
      while (from < batch.length) {
        const a = batch[from]!;
        const prov = this.prov(a);
        let to = from + 1;
        for (; to < batch.length; to++) {
          const b = batch[to]!;
          if (b.entityId !== a.entityId || b.dataset !== a.dataset || b.handling !== a.handling || b.schema !== a.schema || b.origin !== a.origin || this.prov(b) !== prov) break;
        }
        this.block(batch, from, to, prov);
        from = to;
      }
      this.flush(true);
    });
  }

  /** Packs statements [from, to) into one block row and its search document. */
  private block(batch: readonly Statement[], from: number, to: number, prov: number): void {
    const a = batch[from]!;
    const h = this.hash;
    h.reset();
    h.add(a.schema);
    let body = "[";
    let text = "";
    for (let i = from; i < to; i++) {
      const s = batch[i]!;
      const changed = s.original !== s.value;
      h.add(s.prop);
      h.add(s.value);
      h.add(changed ? "\u0000" + s.original : "");
      const code = this.prop(s);
      body += (i > from ? ",[" : "[") + code + "," + JSON.stringify(s.value) + (changed ? "," + JSON.stringify(s.original) + "]" : "]");
      if (s.propType === "entity") this.refs.push([s.value, this.nextBlock, code]);
      if (SEARCHABLE_TYPES.has(s.propType) || SEARCHABLE_PROPS.has(s.prop)) {
        // Identifiers are also indexed without separators, so "AB-12.3" is found as "ab123".
        const compact = s.propType === "identifier" || s.propType === "phone" ? s.value.replace(/[-. /]/g, "") : s.value;
        text += (text ? " " : "") + (compact === s.value ? s.value : `${s.value} ${compact}`);
      }
    }
    const id = this.nextBlock++;
    const p = this.params;
    const at = this.pending * BLOCK_COLS;
    p[at] = id; p[at + 1] = a.entityId; p[at + 2] = a.dataset; p[at + 3] = a.handling; p[at + 4] = h.value();
    p[at + 5] = a.schema; p[at + 6] = a.origin; p[at + 7] = prov; p[at + 8] = prov; p[at + 9] = to - from; p[at + 10] = body + "]";
    if (text) this.docs.push([id, text]);
    if (++this.pending === BLOCKS_PER_INSERT) this.flush(false);
  }

  /**
   * Writes queued blocks and, at the end of a batch, the batch's search documents in one statement: FTS5 writes its
   * pending terms out as a new index segment at every statement savepoint, so a document per
   * statement would make one tiny segment per row.
   */
  private flush(docs: boolean): void {
    if (this.pending === BLOCKS_PER_INSERT) this.insertBlocks.run(this.params);
    else for (let i = 0; i < this.pending; i++) this.insertBlock.run(this.params.slice(i * BLOCK_COLS, (i + 1) * BLOCK_COLS));
    this.pending = 0;
    if (this.docs.length > 0 && (docs || this.docs.length >= 8192)) {
      this.insertDocs.run(JSON.stringify(this.docs));
      this.docs.length = 0;
    }
    if (this.refs.length > 0 && (docs || this.refs.length >= 8192)) {
      this.insertRefs.run(JSON.stringify(this.refs));
      this.refs.length = 0;
    }
  }

  async writeQuarantine(rows: readonly QuarantineRow[]): Promise<void> {
    guard(this.location, () => {
      for (const q of rows) this.insertQ.run(q.kind, q.runId, q.dataset, q.file, q.row, q.column, q.reason, q.raw);
    });
  }

  /**
   * Sorts the run's block keys into a temporary table (once), counts the run's entities and finds
   * those that got blocks from more than one source row (the only ones that can conflict).
   */
  private settle(): { entities: number; multi: string[] } {
    if (this.settled) return this.settled;
    return (this.settled = guard(this.location, () => {
      this.db.exec(`DROP TABLE IF EXISTS temp.run_keys;
        CREATE TEMP TABLE run_keys (entity_id TEXT NOT NULL, dataset TEXT NOT NULL, handling TEXT NOT NULL, hash INTEGER NOT NULL, id INTEGER NOT NULL,
          schema TEXT NOT NULL, origin TEXT NOT NULL, PRIMARY KEY (entity_id, dataset, handling, hash, id)) WITHOUT ROWID`);
      this.db.prepare(`INSERT INTO run_keys SELECT entity_id, dataset, handling, hash, id, schema, origin FROM blocks WHERE id >= ?
        ORDER BY entity_id, dataset, handling, hash, id`).run(this.base);
      const entities = this.db.prepare("SELECT count(DISTINCT entity_id) FROM run_keys").pluck().get() as number;
      const multi = this.db.prepare("SELECT entity_id FROM run_keys GROUP BY entity_id HAVING count(DISTINCT origin) > 1").pluck().all() as string[];
      return { entities, multi };
    }));
  }

  async conflicts(limit: number): Promise<Conflict[]> {
    const { multi } = this.settle();
    if (multi.length === 0) return [];
    return guard(this.location, () => {
      const out: Conflict[] = [];
      const bodies = this.db.prepare("SELECT b.origin, b.body FROM run_keys r CROSS JOIN blocks b ON b.id = r.id WHERE r.entity_id = ?");
      for (const entityId of multi) {
        const byProp = new Map<number, Map<string, Set<string>>>();
        for (const { origin, body } of bodies.all(entityId) as Array<{ origin: string; body: string }>) {
          for (const [code, value] of JSON.parse(body) as Array<[number, string]>) {
            if (!SINGLE_VALUED_TYPES.has(this.propTypes.get(code) ?? "")) continue;
            let values = byProp.get(code);
            if (!values) byProp.set(code, (values = new Map()));
            let origins = values.get(value);
            if (!origins) values.set(value, (origins = new Set()));
            origins.add(origin);
          }
        }
        for (const [code, values] of byProp) {
          if (values.size < 2) continue;
          const origins = new Set([...values.values()].flatMap((o) => [...o]));
          if (origins.size < 2) continue;
          out.push({ entityId, prop: this.propName(code), values: [...values.keys()].sort() });
          if (out.length >= limit) return out;
        }
      }
      return out;
    });
  }

  private propName(code: number): string {
    for (const [name, byType] of this.propIds) for (const id of byType.values()) if (id === code) return name;
    return String(code);
  }

  async runEntities(): Promise<number> {
    return this.settle().entities;
  }

  /**
   * Merges the run's keys into `block_keys` in key order. A key that was already there (an earlier
   * run, or an earlier row of this run, stored identical content) keeps its block: the duplicate
   * block and its search document are dropped, and an older kept block's last seen and origin move
   * to this run. Then the run record and audit entries are added and everything commits at once.
   */
  async commit(run: IngestRun, audit: AuditAppend): Promise<void> {
    this.settle();
    guard(this.location, () => {
      const total = this.nextBlock - this.base;
      const added = this.db.prepare(`INSERT INTO block_keys (entity_id, dataset, handling, hash, id, schema)
        SELECT entity_id, dataset, handling, hash, id, schema FROM run_keys WHERE true ON CONFLICT DO NOTHING`).run().changes;
      if (added < total) this.dropDuplicates();
      // References of the blocks that stayed, in target order.
      this.db.exec(`INSERT OR IGNORE INTO refs (target, block, prop) SELECT r.target, r.block, r.prop FROM run_refs r
        WHERE EXISTS (SELECT 1 FROM blocks b WHERE b.id = r.block) ORDER BY r.target, r.block, r.prop;
        DROP TABLE temp.run_refs; DROP TABLE temp.run_keys`);
      this.db.prepare(`INSERT INTO runs VALUES (${new Array(15).fill("?").join(",")})`).run(sqlRows.runParams(run));
      appendAuditTx(this.db, audit.entries, audit.link);
      this.db.exec("COMMIT");
    });
    this.close(false);
  }

  private dropDuplicates(): void {
    this.db.exec(`
      CREATE TEMP TABLE dup AS SELECT r.id AS id, k.id AS keep FROM run_keys r CROSS JOIN block_keys k
        ON k.entity_id = r.entity_id AND k.dataset = r.dataset AND k.handling = r.handling AND k.hash = r.hash WHERE k.id <> r.id;
      UPDATE blocks SET last_prov = x.last_prov, origin = x.origin
        FROM (SELECT d.keep, max(b.id) AS latest, b.last_prov, b.origin FROM dup d CROSS JOIN blocks b ON b.id = d.id GROUP BY d.keep) x
        WHERE blocks.id = x.keep AND x.keep < ${this.base};
      DELETE FROM fts WHERE rowid IN (SELECT id FROM dup);
      DELETE FROM blocks WHERE id IN (SELECT id FROM dup);
      DROP TABLE temp.dup;
    `);
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

/** One block's VALUES tuple. */
function blockTuple(): string {
  return `(${new Array(BLOCK_COLS).fill("?").join(",")})`;
}
