import type Database from "better-sqlite3";
import type { Statement } from "@vizier/model";
import { sqlRows, type AuditAppend, type Conflict, type IngestRun, type QuarantineRow, type StoreWriter } from "@vizier/core";
import { appendAuditTx } from "./audit";
import { guard } from "./errors";
import { SEARCHABLE_TYPES, STAGING, STATEMENT_COLUMNS } from "./schema";

const ROWS_PER_INSERT = 50;
const COLS = 18;
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
  private done = false;

  constructor(private readonly db: Database.Database, private readonly location: string, private readonly run: IngestRun) {
    guard(location, () => db.exec(STAGING + "DELETE FROM staging; DELETE FROM staging_quarantine;"));
    const one = `(${new Array(COLS).fill("?").join(",")})`;
    this.insertMany = db.prepare(`INSERT INTO staging (${STATEMENT_COLUMNS}) VALUES ${new Array(ROWS_PER_INSERT).fill(one).join(",")}`);
    this.insertOne = db.prepare(`INSERT INTO staging (${STATEMENT_COLUMNS}) VALUES ${one}`);
    this.insertQ = db.prepare("INSERT INTO staging_quarantine (kind, run_id, dataset, file, row, col, reason, raw) VALUES (?,?,?,?,?,?,?,?)");
  }

  async writeStatements(batch: readonly Statement[]): Promise<void> {
    guard(this.location, () => this.db.transaction(() => {
      let i = 0;
      const params: unknown[] = new Array(ROWS_PER_INSERT * COLS);
      for (; i + ROWS_PER_INSERT <= batch.length; i += ROWS_PER_INSERT) {
        for (let j = 0; j < ROWS_PER_INSERT; j++) fill(params, j * COLS, batch[i + j]!);
        this.insertMany.run(params);
      }
      for (; i < batch.length; i++) this.insertOne.run(sqlRows.statementParams(batch[i]!));
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
      const prevMax = (db.prepare("SELECT coalesce(max(rowid), 0) AS m FROM statements").get() as { m: number }).m;
      db.prepare(`INSERT INTO statements (${STATEMENT_COLUMNS}) SELECT ${STATEMENT_COLUMNS} FROM staging WHERE true ORDER BY entity_id
        ON CONFLICT (entity_id, dataset, prop, value) DO UPDATE SET last_seen = excluded.last_seen, run_id = excluded.run_id, origin = excluded.origin`).run();
      db.prepare(`INSERT INTO search (rowid, text, entity_id, dataset, handling)
        SELECT rowid, CASE WHEN prop_type IN ('identifier', 'phone')
          THEN value || ' ' || replace(replace(replace(replace(value, '-', ''), '.', ''), ' ', ''), '/', '') ELSE value END,
          entity_id, dataset, handling FROM statements
        WHERE rowid > ? AND prop_type IN (${SEARCHABLE_TYPES.map((t) => `'${t}'`).join(",")})`).run(prevMax);
      db.prepare("INSERT INTO quarantine (kind, run_id, dataset, file, row, col, reason, raw) SELECT kind, run_id, dataset, file, row, col, reason, raw FROM staging_quarantine").run();
      db.prepare(`INSERT INTO runs VALUES (${new Array(15).fill("?").join(",")})`).run(sqlRows.runParams(run));
      appendAuditTx(db, audit.entries, audit.link);
    }).immediate());
    this.done = true;
    this.cleanup();
    void this.run;
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.cleanup();
  }

  private cleanup(): void {
    try {
      this.db.exec("DELETE FROM staging; DELETE FROM staging_quarantine;");
    } catch {
      // the connection may already be closed; TEMP tables vanish with it
    }
  }
}

function fill(params: unknown[], at: number, s: Statement): void {
  params[at] = s.id; params[at + 1] = s.entityId; params[at + 2] = s.schema; params[at + 3] = s.prop; params[at + 4] = s.propType;
  params[at + 5] = s.value; params[at + 6] = s.original; params[at + 7] = s.dataset; params[at + 8] = s.agency; params[at + 9] = s.legalBasis;
  params[at + 10] = s.purpose; params[at + 11] = s.handling; params[at + 12] = s.reliability; params[at + 13] = s.firstSeen;
  params[at + 14] = s.lastSeen; params[at + 15] = s.retentionUntil; params[at + 16] = s.runId; params[at + 17] = s.origin;
}
