import type Database from "better-sqlite3";
import type { Statement } from "@vizier/model";
import type { AuditAppend, Conflict, IngestRun, QuarantineRow, StoreWriter } from "@vizier/core";
import { sqlRows } from "@vizier/core";
import { appendAuditTx } from "./audit";
import { guard } from "./errors";
import { provenanceKey } from "./rows";
import { SEARCHABLE_TYPES, STAGING, STAGING_COLUMNS } from "./schema";

const ROWS_PER_INSERT = 64;
const COLS = 11;
/** Types whose values should not differ between rows of one run for the same entity. */
const SINGLE_VALUED_TYPES = "('date', 'number', 'gender')";

/**
 * Streams a run into connection-private TEMP tables (invisible to others, gone if the process
 * dies) and merges them into the store in one transaction at commit.
 */
export class SqliteWriter implements StoreWriter {
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly insertQ: Database.Statement;
  private readonly insertProv: Database.Statement;
  private readonly provIds = new Map<string, number>();
  private readonly params: unknown[] = new Array(ROWS_PER_INSERT * COLS);
  private done = false;

  constructor(private readonly db: Database.Database, private readonly location: string) {
    guard(location, () => db.exec(STAGING + "DELETE FROM staging; DELETE FROM staging_quarantine; DELETE FROM staging_prov;"));
    const one = `(${new Array(COLS).fill("?").join(",")})`;
    this.insertMany = db.prepare(`INSERT INTO staging (${STAGING_COLUMNS}) VALUES ${new Array(ROWS_PER_INSERT).fill(one).join(",")}`);
    this.insertOne = db.prepare(`INSERT INTO staging (${STAGING_COLUMNS}) VALUES ${one}`);
    this.insertQ = db.prepare("INSERT INTO staging_quarantine (kind, run_id, dataset, file, row, col, reason, raw) VALUES (?,?,?,?,?,?,?,?)");
    this.insertProv = db.prepare("INSERT INTO staging_prov (tmp, dataset, agency, legal_basis, purpose, handling, reliability, retention_until, run_id, seen_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
  }

  /** A run-local provenance id for the statement's provenance tuple (usually one per run). */
  private prov(s: Statement): number {
    const key = provenanceKey(s);
    let id = this.provIds.get(key);
    if (id === undefined) {
      id = this.provIds.size + 1;
      this.provIds.set(key, id);
      this.insertProv.run(id, s.dataset, s.agency, s.legalBasis, s.purpose, s.handling, s.reliability, s.retentionUntil, s.runId, s.lastSeen);
    }
    return id;
  }

  private fill(at: number, s: Statement): void {
    const p = this.params;
    p[at] = s.id; p[at + 1] = s.entityId; p[at + 2] = s.schema; p[at + 3] = s.prop; p[at + 4] = s.propType; p[at + 5] = s.value;
    p[at + 6] = s.original === s.value ? null : s.original; p[at + 7] = s.dataset; p[at + 8] = s.handling; p[at + 9] = this.prov(s); p[at + 10] = s.origin;
  }

  async writeStatements(batch: readonly Statement[]): Promise<void> {
    guard(this.location, () => this.db.transaction(() => {
      let i = 0;
      for (; i + ROWS_PER_INSERT <= batch.length; i += ROWS_PER_INSERT) {
        for (let j = 0; j < ROWS_PER_INSERT; j++) this.fill(j * COLS, batch[i + j]!);
        this.insertMany.run(this.params);
      }
      for (; i < batch.length; i++) {
        this.fill(0, batch[i]!);
        this.insertOne.run(this.params.slice(0, COLS));
      }
    })());
  }

  async writeQuarantine(rows: readonly QuarantineRow[]): Promise<void> {
    guard(this.location, () => this.db.transaction(() => {
      for (const q of rows) this.insertQ.run(q.kind, q.runId, q.dataset, q.file, q.row, q.column, q.reason, q.raw);
    })());
  }

  async conflicts(limit: number): Promise<Conflict[]> {
    const rows = guard(this.location, () => this.db.prepare(`
      SELECT entity_id, prop, json_group_array(DISTINCT value) AS vals FROM staging
      WHERE prop_type IN ${SINGLE_VALUED_TYPES}
      GROUP BY entity_id, prop HAVING count(DISTINCT value) > 1 AND count(DISTINCT origin) > 1 LIMIT ?`).all(limit)) as Array<{ entity_id: string; prop: string; vals: string }>;
    return rows.map((r) => ({ entityId: r.entity_id, prop: r.prop, values: JSON.parse(r.vals) as string[] }));
  }

  async runEntities(): Promise<number> {
    return guard(this.location, () => (this.db.prepare("SELECT count(DISTINCT entity_id) AS n FROM staging WHERE prop = 'id'").get() as { n: number }).n);
  }

  async commit(run: IngestRun, audit: AuditAppend): Promise<void> {
    const db = this.db;
    guard(this.location, () => db.transaction(() => {
      const toReal = db.prepare("UPDATE staging_prov SET real = ? WHERE tmp = ?");
      for (const p of db.prepare("SELECT * FROM staging_prov").all() as Array<{ tmp: number; dataset: string; agency: string; legal_basis: string; purpose: string; handling: string; reliability: string; retention_until: string; run_id: string; seen_at: string }>) {
        const info = db.prepare("INSERT INTO provenance (dataset, agency, legal_basis, purpose, handling, reliability, retention_until, run_id, seen_at) VALUES (?,?,?,?,?,?,?,?,?)")
          .run(p.dataset, p.agency, p.legal_basis, p.purpose, p.handling, p.reliability, p.retention_until, p.run_id, p.seen_at);
        toReal.run(info.lastInsertRowid, p.tmp);
      }
      const prevMax = (db.prepare("SELECT coalesce(max(rowid), 0) AS m FROM statements").get() as { m: number }).m;
      db.prepare(`INSERT INTO statements (id, entity_id, schema, prop, prop_type, value, original, dataset, handling, first_prov, last_prov, origin)
        SELECT s.id, s.entity_id, s.schema, s.prop, s.prop_type, s.value, s.original, s.dataset, s.handling, m.real, m.real, s.origin
        FROM staging s JOIN staging_prov m ON m.tmp = s.prov WHERE true ORDER BY s.entity_id
        ON CONFLICT (entity_id, dataset, prop, value) DO UPDATE SET last_prov = excluded.last_prov, origin = excluded.origin`).run();
      db.prepare(`INSERT INTO search (rowid, text, entity_id, dataset, handling)
        SELECT rowid, CASE WHEN prop_type IN ('identifier', 'phone')
          THEN value || ' ' || replace(replace(replace(replace(value, '-', ''), '.', ''), ' ', ''), '/', '') ELSE value END,
          entity_id, dataset, handling FROM statements
        WHERE rowid > ? AND (prop_type IN (${SEARCHABLE_TYPES.map((t) => `'${t}'`).join(",")}) OR prop IN ('firstName', 'lastName', 'middleName', 'fatherName'))`).run(prevMax);
      db.prepare("INSERT INTO quarantine (kind, run_id, dataset, file, row, col, reason, raw) SELECT kind, run_id, dataset, file, row, col, reason, raw FROM staging_quarantine").run();
      db.prepare(`INSERT INTO runs VALUES (${new Array(15).fill("?").join(",")})`).run(sqlRows.runParams(run));
      appendAuditTx(db, audit.entries, audit.link);
    }).immediate());
    this.done = true;
    this.cleanup();
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.cleanup();
  }

  private cleanup(): void {
    try {
      this.db.exec("DELETE FROM staging; DELETE FROM staging_quarantine; DELETE FROM staging_prov;");
    } catch {
      // the connection may already be closed; TEMP tables vanish with it
    }
  }
}
