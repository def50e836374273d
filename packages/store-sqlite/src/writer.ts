import type Database from "better-sqlite3";
import { ID_PROP, type Statement } from "@vizier/model";
import type { AuditAppend, Conflict, IngestRun, QuarantineRow, RowProvenance, SourceRowEntities, StoreWriter } from "@vizier/core";
import { sqlRows } from "@vizier/core";
import { stageAudit } from "./audit-log";
import { guard } from "./errors";
import { EntityOrigins } from "./entity-origins";
import { BlockPacker } from "./pack";
import { provenanceKey } from "./rows";

/** Blocks per multi-row INSERT: fewer, larger calls amortise better-sqlite3's per-call cost. */
const BLOCKS_PER_INSERT = 64;
/** Bound per staged block; its number `n` is not bound: SQLite gives the next rowid, 1, 2, … (checked at commit). */
const STAGE_COLS = 8;
/** Types whose values should not differ between rows of one run for the same entity. */
const SINGLE_VALUED_TYPES: ReadonlySet<string> = new Set(["date", "number", "gender"]);

/** The provenance of a run's statements, kept here until commit gives it a row of its own. */
type Provenance = [dataset: string, agency: string, legalBasis: string, purpose: string, handling: string, reliability: string, retentionUntil: string, runId: string, seenAt: string];

/**
 * Writes a run on a connection of its own, in two steps (decision 0005):
 *
 * 1. **Staging**, without any lock on the store: blocks (with their search text), reverse
 *    references and quarantined rows go into TEMP tables of this connection, which live in a
 *    private temporary file that disappears with the connection — or with the process, if it is
 *    killed. Other processes keep reading and writing as usual.
 * 2. **Commit**, in one IMMEDIATE transaction: the staged blocks' keys are merged in key order
 *    into `block_keys` first (content already stored is recognised there and never written), then
 *    the other blocks are appended to `blocks` with their final ids, their search documents to
 *    `fts`, references and quarantine copied, the run recorded and the audit entries staged in the
 *    outbox — all visible at once; `afterCommit` then moves the entries into the audit chain.
 *
 * Each run of consecutive statements with the same entity, dataset, handling, schema, origin and
 * provenance (what one source row gives an entity) becomes a block (see schema.ts).
 */
export class SqliteWriter implements StoreWriter {
  private readonly stageMany: Database.Statement;
  private readonly stageOne: Database.Statement;
  private readonly stageRefs: Database.Statement;
  private readonly stageQ: Database.Statement;
  private readonly insertProp: Database.Statement;
  private readonly provIds = new Map<string, number>();
  private readonly provs: Provenance[] = [];
  private readonly propIds = new Map<string, Map<string, number>>();
  private readonly propTypes = new Map<number, string>();
  private readonly params: unknown[] = new Array(BLOCKS_PER_INSERT * STAGE_COLS);
  /** Reverse references of this run ([target, local block number, prop code]). */
  private readonly refs: Array<[string, number, number]> = [];
  private pending = 0;
  /** Local block numbers 1, 2, …; a block's id is fixed at commit (first free id + n − 1). */
  private blocks = 0;
  private readonly packer = new BlockPacker();
  private readonly entities = new EntityOrigins();
  private lastProvStmt: RowProvenance | undefined;
  private lastProv = 0;
  private settled: { entities: number; multi: string[] } | undefined;
  private done = false;

  constructor(private readonly db: Database.Database, private readonly location: string, private readonly afterCommit: () => Promise<void>) {
    try {
      // The stage needs no rollback journal: on any failure the whole stage is dropped.
      db.pragma("temp.journal_mode = OFF");
      db.exec(`
        DROP TABLE IF EXISTS temp.stage; DROP TABLE IF EXISTS temp.run_refs; DROP TABLE IF EXISTS temp.run_quarantine;
        CREATE TEMP TABLE stage (n INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, hash INTEGER NOT NULL,
          schema TEXT NOT NULL, origin TEXT NOT NULL, prov INTEGER NOT NULL, cnt INTEGER NOT NULL, body TEXT NOT NULL, doc TEXT);
        CREATE TEMP TABLE run_refs (target TEXT NOT NULL, n INTEGER NOT NULL, prop INTEGER NOT NULL);
        CREATE TEMP TABLE run_quarantine (kind TEXT, run_id TEXT, dataset TEXT, file TEXT, row INTEGER, col TEXT, reason TEXT, raw TEXT);
      `);
      // Dataset and handling are not staged: they are part of the block's provenance (prov).
      // `n` is left to SQLite: an explicit INTEGER PRIMARY KEY costs a uniqueness probe per row, the
      // next rowid of an append-only table is the same number without one.
      const cols = "INSERT INTO temp.stage (entity_id, hash, schema, origin, prov, cnt, body, doc) VALUES ";
      const tuple = `(${new Array(STAGE_COLS).fill("?").join(",")})`;
      this.stageMany = db.prepare(cols + new Array(BLOCKS_PER_INSERT).fill(tuple).join(","));
      this.stageOne = db.prepare(cols + tuple);
      this.stageRefs = db.prepare("INSERT INTO temp.run_refs (target, n, prop) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)");
      this.stageQ = db.prepare("INSERT INTO temp.run_quarantine VALUES (?,?,?,?,?,?,?,?)");
      this.insertProp = db.prepare("INSERT INTO props (name, type) VALUES (?, ?) ON CONFLICT (name, type) DO UPDATE SET name = excluded.name RETURNING id").pluck();
      for (const p of db.prepare("SELECT id, name, type FROM props").all() as Array<{ id: number; name: string; type: string }>) {
        this.propIds.set(p.name, (this.propIds.get(p.name) ?? new Map<string, number>()).set(p.type, p.id));
        this.propTypes.set(p.id, p.type);
      }
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /** The run-local number of the statement's provenance tuple (usually one per run). */
  private prov(s: RowProvenance): number {
    const l = this.lastProvStmt;
    if (l && l.runId === s.runId && l.dataset === s.dataset && l.handling === s.handling && l.lastSeen === s.lastSeen &&
      l.retentionUntil === s.retentionUntil && l.reliability === s.reliability) return this.lastProv;
    const key = provenanceKey(s);
    let id = this.provIds.get(key);
    if (id === undefined) {
      this.provs.push([s.dataset, s.agency, s.legalBasis, s.purpose, s.handling, s.reliability, s.retentionUntil, s.runId, s.lastSeen]);
      id = this.provs.length;
      this.provIds.set(key, id);
    }
    this.lastProvStmt = s;
    this.lastProv = id;
    return id;
  }

  /**
   * Integer code of (prop, type). A property the store has never seen gets its code at once, in a
   * tiny transaction of its own (codes are a shared dictionary; an unused one is harmless).
   */
  private prop(prop: string, propType: string): number {
    let byType = this.propIds.get(prop);
    if (!byType) this.propIds.set(prop, (byType = new Map()));
    let id = byType.get(propType);
    if (id === undefined) {
      id = this.insertProp.get(prop, propType) as number;
      byType.set(propType, id);
      this.propTypes.set(id, propType);
    }
    return id;
  }

  async writeStatements(batch: readonly Statement[]): Promise<void> {
    if (this.settled) throw new Error("writeStatements after conflicts()/runEntities(): the run is being committed");
    // One (deferred) transaction per batch: it only touches the TEMP stage, so the store itself
    // stays unlocked, but the stage's pages are written once per batch instead of per statement.
    guard(this.location, () => this.db.transaction(() => {
      let from = 0;
      while (from < batch.length) {
        const a = batch[from]!;
        const prov = this.prov(a);
        let to = from + 1;
        for (; to < batch.length; to++) {
          const b = batch[to]!;
          if (b.entityId !== a.entityId || b.dataset !== a.dataset || b.handling !== a.handling || b.schema !== a.schema || b.origin !== a.origin || this.prov(b) !== prov) break;
        }
        this.startBlock(a.schema);
        for (let i = from; i < to; i++) {
          const s = batch[i]!;
          this.add(s.prop, s.propType, s.value, s.original);
        }
        this.endBlock(a.entityId, a.schema, a.origin, prov);
        from = to;
      }
      this.flush(true);
    })());
  }

  /**
   * The same blocks as `writeStatements` of the rows' statements would stage (consecutive entities
   * of a row with the same id and schema share a block there, so here too), from the mapped rows.
   */
  async writeRows(provenance: RowProvenance, rows: readonly SourceRowEntities[]): Promise<void> {
    if (this.settled) throw new Error("writeRows after conflicts()/runEntities(): the run is being committed");
    guard(this.location, () => this.db.transaction(() => {
      const prov = this.prov(provenance);
      for (const row of rows) {
        const es = row.entities;
        for (let i = 0; i < es.length;) {
          const e = es[i]!;
          this.startBlock(e.schema);
          let j = i;
          do {
            const id = es[j]!.id;
            this.add(ID_PROP, "id", id, id);
            for (const v of es[j]!.values) this.add(v.prop, v.propType, v.value, v.original);
          } while (++j < es.length && es[j]!.id === e.id && es[j]!.schema === e.schema);
          this.endBlock(e.id, e.schema, row.origin, prov);
          i = j;
        }
      }
      this.flush(true);
    })());
  }

  /** Starts packing the next block (numbered at endBlock). */
  private startBlock(schema: string): void {
    this.packer.start(schema);
  }

  private add(prop: string, propType: string, value: string, original: string): void {
    const code = this.prop(prop, propType);
    if (propType === "entity") this.refs.push([value, this.blocks + 1, code]);
    this.packer.add(code, prop, propType, value, original);
  }

  /** Queues the packed block for the stage with its key and provenance. */
  private endBlock(entityId: string, schema: string, origin: string, prov: number): void {
    ++this.blocks;
    this.entities.add(entityId, origin);
    const k = this.packer;
    const p = this.params;
    const at = this.pending * STAGE_COLS;
    p[at] = entityId; p[at + 1] = k.hash(); p[at + 2] = schema; p[at + 3] = origin;
    p[at + 4] = prov; p[at + 5] = k.count; p[at + 6] = k.packedBody(); p[at + 7] = k.searchText();
    if (++this.pending === BLOCKS_PER_INSERT) this.flush(false);
  }

  /** Writes queued blocks to the stage and, at the end of a batch, the batch's references. */
  private flush(refs: boolean): void {
    if (this.pending === BLOCKS_PER_INSERT) this.stageMany.run(this.params);
    else for (let i = 0; i < this.pending; i++) this.stageOne.run(this.params.slice(i * STAGE_COLS, (i + 1) * STAGE_COLS));
    this.pending = 0;
    if (this.refs.length > 0 && (refs || this.refs.length >= 8192)) {
      this.stageRefs.run(JSON.stringify(this.refs));
      this.refs.length = 0;
    }
  }

  async writeQuarantine(rows: readonly QuarantineRow[]): Promise<void> {
    guard(this.location, () => {
      for (const q of rows) this.stageQ.run(q.kind, q.runId, q.dataset, q.file, q.row, q.column, q.reason, q.raw);
    });
  }

  /**
   * Ends the writing phase: the run's entity count and the entities that got blocks from more than
   * one source row (the only ones that can conflict) were tracked while writing.
   */
  private settle(): { entities: number; multi: string[] } {
    return (this.settled ??= { entities: this.entities.size, multi: this.entities.multiOrigin() });
  }

  async conflicts(limit: number): Promise<Conflict[]> {
    const { multi } = this.settle();
    if (multi.length === 0) return [];
    return guard(this.location, () => {
      const out: Conflict[] = [];
      this.db.exec("CREATE INDEX IF NOT EXISTS temp.stage_entity ON stage (entity_id)");
      const bodies = this.db.prepare("SELECT origin, body FROM temp.stage WHERE entity_id = ?");
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
   * Appends the staged run to the store in one IMMEDIATE transaction (the only time this writer
   * holds the store's write lock). Keys are merged in key order: a key that was already there (an
   * earlier run, or an earlier row of this run, stored identical content) keeps its block; the new
   * duplicate, its search document and its references are not written, and an older kept block's
   * last seen and origin move to this run.
   */
  async commit(run: IngestRun, audit: AuditAppend): Promise<void> {
    this.settle();
    guard(this.location, () => {
      const db = this.db;
      db.exec("BEGIN IMMEDIATE");
      try {
        const off = (db.prepare("SELECT coalesce(max(id), 0) FROM blocks").pluck().get() as number);
        // References and the local numbering assume the stage numbered its blocks 1 … blocks.
        const staged = db.prepare("SELECT coalesce(max(n), 0) FROM temp.stage").pluck().get() as number;
        if (staged !== this.blocks) throw new Error(`the stage numbered ${staged} blocks, the writer ${this.blocks}`);
        db.exec("DROP TABLE IF EXISTS temp.prov_map; CREATE TEMP TABLE prov_map (local INTEGER PRIMARY KEY, id INTEGER NOT NULL, dataset TEXT NOT NULL, handling TEXT NOT NULL)");
        const insertProv = db.prepare("INSERT INTO provenance (dataset, agency, legal_basis, purpose, handling, reliability, retention_until, run_id, seen_at) VALUES (?,?,?,?,?,?,?,?,?)");
        const mapProv = db.prepare("INSERT INTO temp.prov_map (local, id, dataset, handling) VALUES (?, ?, ?, ?)");
        this.provs.forEach((p, i) => mapProv.run(i + 1, insertProv.run(...p).lastInsertRowid, p[0], p[4]));
        // Keys first, in key order: a key already stored (by an earlier run, or by an earlier row of
        // this one) marks identical content, whose block and search document are then never written.
        const added = db.prepare(`INSERT INTO block_keys (entity_id, dataset, handling, hash, id, schema)
          SELECT s.entity_id, m.dataset, m.handling, s.hash, s.n + @off, s.schema FROM temp.stage s CROSS JOIN temp.prov_map m ON m.local = s.prov WHERE true
          ORDER BY 1, 2, 3, 4, 5 ON CONFLICT DO NOTHING`).run({ off }).changes;
        const fresh = added < this.blocks ? (this.markDuplicates(off), "s.n NOT IN (SELECT n FROM temp.dup)") : "true";
        db.prepare(`INSERT INTO blocks (id, entity_id, dataset, handling, hash, schema, origin, first_prov, last_prov, n, body)
          SELECT s.n + @off, s.entity_id, m.dataset, m.handling, s.hash, s.schema, s.origin, m.id, m.id, s.cnt, s.body
          FROM temp.stage s CROSS JOIN temp.prov_map m ON m.local = s.prov WHERE ${fresh} ORDER BY s.n`).run({ off });
        db.prepare(`INSERT INTO fts (rowid, text) SELECT s.n + @off, s.doc FROM temp.stage s WHERE s.doc IS NOT NULL AND ${fresh} ORDER BY s.n`).run({ off });
        // References of the blocks that were written, in target order.
        db.prepare(`INSERT OR IGNORE INTO refs (target, block, prop) SELECT r.target, r.n + @off, r.prop FROM temp.run_refs r
          WHERE ${fresh.replace("s.n", "r.n")} ORDER BY r.target, r.n, r.prop`).run({ off });
        db.exec("INSERT INTO quarantine (kind, run_id, dataset, file, row, col, reason, raw) SELECT * FROM temp.run_quarantine ORDER BY rowid");
        db.prepare(`INSERT INTO runs VALUES (${new Array(15).fill("?").join(",")})`).run(sqlRows.runParams(run));
        stageAudit(db, audit.entries);
        db.exec("COMMIT");
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw e;
      }
    });
    this.close();
    await this.afterCommit();
  }

  /**
   * Lists the run's blocks whose key was already stored (temp.dup: local number → kept block id)
   * and moves an older kept block's last seen and origin to this run.
   */
  private markDuplicates(off: number): void {
    this.db.exec(`
      DROP TABLE IF EXISTS temp.dup;
      CREATE TEMP TABLE dup (n INTEGER PRIMARY KEY, keep INTEGER NOT NULL);
      INSERT INTO temp.dup (n, keep)
        WITH r AS MATERIALIZED (SELECT s.entity_id, m.dataset, m.handling, s.hash, s.n FROM temp.stage s CROSS JOIN temp.prov_map m ON m.local = s.prov ORDER BY 1, 2, 3, 4)
        SELECT r.n, k.id FROM r CROSS JOIN block_keys k
        ON k.entity_id = r.entity_id AND k.dataset = r.dataset AND k.handling = r.handling AND k.hash = r.hash WHERE k.id <> r.n + ${off};
      UPDATE blocks SET last_prov = x.last_prov, origin = x.origin
        FROM (SELECT d.keep, max(s.n) AS latest, m.id AS last_prov, s.origin
          FROM temp.dup d CROSS JOIN temp.stage s ON s.n = d.n CROSS JOIN temp.prov_map m ON m.local = s.prov GROUP BY d.keep) x
        WHERE blocks.id = x.keep AND x.keep <= ${off};
    `);
  }

  async abort(): Promise<void> {
    this.close();
  }

  /** Closing the connection discards the stage (its temporary file is deleted). */
  private close(): void {
    if (this.done) return;
    this.done = true;
    try {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
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
