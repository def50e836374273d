import { mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type Database from "better-sqlite3";
import { VizierError, type Dataset, type EntityParts, type Statement } from "@vizier/model";
import {
  scopeAllows, sqlRows, type AccessScope, type AuditAppend, type Reference, type AuditEntry, type RetentionDue, type RetentionPurge, type AuditRecord, type IngestRun, type QuarantineRow,
  type SearchHit, type StatementQuery, type StorePort, type StoreStats, type StoreWriter, type WithheldCount,
} from "@vizier/core";
import { SqliteAccessRequests } from "./access-requests";
import { AuditLog } from "./audit-log";
import { guard, mapSqliteError } from "./errors";
import { prepared } from "./prepared";
import { searchWindows } from "./search";
import { openConnection } from "./connection";
import { migrate } from "./migrate";
import { KEYED_BLOCK_SELECT, SCHEMA_VERSION } from "./schema";
import { expandBlocks, mergeRows, PropTable, type BlockDbRow } from "./rows";
import { partsOf, readEntityParts } from "./entity-parts";
import { storeStats, withheldCounts } from "./stats";
import { purgeExpired, retentionDue } from "./retention";
import { references } from "./refs";
import { SqliteWriter } from "./writer";
import { ensureResolution, SqliteResolution } from "./resolution";
import { ensureAccountTables, SqliteAccounts } from "./accounts";

/**
 * The embedded default store: one SQLite file (WAL) holding statements, the FTS5 search index,
 * datasets, runs and quarantine, with the audit chain in `audit.db` beside it (audit-log.ts) and
 * the job table in `jobs.db` (jobs.ts). `path` is a file, or a folder that gets `vizier.db` inside.
 */
export class SqliteStore implements StorePort {
  readonly kind = "sqlite" as const;
  readonly location: string;
  private db: Database.Database | undefined;
  /** Access requests and grants (docs/safeguards.md), in their own table. */
  readonly accessRequests = new SqliteAccessRequests(() => this.conn, () => this.location, () => this.settleAudit());
  /** Entity-resolution results beside the statements (resolution.ts). */
  readonly resolution = new SqliteResolution(() => ({ db: this.conn, location: this.location }), () => this.settleAudit());
  /** Users, API tokens, sessions and login attempts (accounts.ts). */
  readonly accounts = new SqliteAccounts(() => this.conn, () => this.location);
  private propTable: PropTable | undefined;
  /** The audit chain, in its own file (audit-log.ts). */
  readonly audit: AuditLog;

  constructor(path: string, private readonly opts: { readonly?: boolean } = {}) {
    this.location = /\.(db|sqlite3?)$/i.test(path) ? path : join(path, "vizier.db");
    this.audit = new AuditLog(this.location, () => this.conn, opts.readonly ?? false);
  }

  private get conn(): Database.Database {
    if (!this.db) throw new VizierError("STORE_UNAVAILABLE", "store is not open (call init first)");
    return this.db;
  }

  async init(): Promise<void> {
    guard(this.location, () => {
      if (!this.opts.readonly) mkdirSync(dirname(this.location), { recursive: true });
      const db = openConnection(this.location, this.opts.readonly ?? false);
      this.db = db;
      this.propTable = new PropTable(db);
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new VizierError("STORE_UNAVAILABLE", `store ${this.location} has schema ${version}, newer than this Vizier (${SCHEMA_VERSION})`);
      if (version < SCHEMA_VERSION && !this.opts.readonly) migrate(db, version);
      if (!this.opts.readonly) ensureResolution(db);
      if (!this.opts.readonly) ensureAccountTables(db);
    });
    try {
      await this.audit.open();
    } catch (e) {
      throw mapSqliteError(e, this.audit.location);
    }
  }

  async close(): Promise<void> {
    await this.audit.close();
    this.db?.close();
    this.db = undefined;
  }

  /**
   * Moves audit entries a write staged in the outbox into the chain, after its commit. A failure
   * (the audit file locked for longer than the wait) is not the write's: the entries stay staged in
   * the store file, and the next settle (any audited write, opening the store, reading the audit)
   * moves them.
   */
  private settleAudit(): Promise<void> {
    return this.audit.settle().catch(() => undefined);
  }

  async getSetting(key: string): Promise<string | undefined> {
    const r = guard(this.location, () => this.conn.prepare("SELECT value FROM settings WHERE key = ?").get(key)) as { value: string } | undefined;
    return r?.value;
  }

  async putSetting(key: string, value: string): Promise<void> {
    guard(this.location, () => this.conn.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value));
  }

  async putDataset(ds: Dataset): Promise<void> {
    try {
      this.conn.prepare("INSERT INTO datasets VALUES (?,?,?,?,?,?,?,?,?,?,?)").run(sqlRows.datasetParams(ds));
    } catch (e) {
      if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY") throw new VizierError("ALREADY_EXISTS", `dataset "${ds.name}" already exists`);
      throw mapSqliteError(e, this.location);
    }
  }

  async getDataset(name: string): Promise<Dataset | undefined> {
    const r = guard(this.location, () => this.conn.prepare("SELECT * FROM datasets WHERE name = ?").get(name)) as sqlRows.DatasetRow | undefined;
    return r ? sqlRows.toDataset(r) : undefined;
  }

  async listDatasets(): Promise<Dataset[]> {
    return (guard(this.location, () => prepared(this.conn, "SELECT * FROM datasets ORDER BY name").all()) as sqlRows.DatasetRow[]).map(sqlRows.toDataset);
  }

  async beginWrite(run: IngestRun): Promise<StoreWriter> {
    void run;
    void this.conn;
    // A connection of its own: its open transaction stays invisible to this one until commit.
    return new SqliteWriter(guard(this.location, () => openConnection(this.location, this.opts.readonly ?? false)), this.location, () => this.settleAudit());
  }

  async listRuns(dataset?: string): Promise<IngestRun[]> {
    const rows = guard(this.location, () => dataset === undefined
      ? this.conn.prepare("SELECT * FROM runs ORDER BY started_at").all()
      : this.conn.prepare("SELECT * FROM runs WHERE dataset = ? ORDER BY started_at").all(dataset)) as sqlRows.RunRow[];
    return rows.map(sqlRows.toRun);
  }

  async listQuarantine(q: { dataset?: string; runId?: string; limit: number; offset?: number }): Promise<QuarantineRow[]> {
    const rows = guard(this.location, () => this.conn.prepare(`SELECT * FROM quarantine
      WHERE (@dataset IS NULL OR dataset = @dataset) AND (@run IS NULL OR run_id = @run) ORDER BY id LIMIT @limit OFFSET @offset`)
      .all({ dataset: q.dataset ?? null, run: q.runId ?? null, limit: q.limit, offset: q.offset ?? 0 })) as sqlRows.QuarantineDbRow[];
    return rows.map(sqlRows.toQuarantine);
  }

  private get props(): PropTable {
    if (!this.propTable) throw new VizierError("STORE_UNAVAILABLE", "store is not open (call init first)");
    return this.propTable;
  }

  /** Block rows of the given entities (via the key table), optionally of one dataset. */
  private blocksOf(entityIds: readonly string[], dataset: string | undefined): BlockDbRow[] {
    return guard(this.location, () => prepared(this.conn, `${KEYED_BLOCK_SELECT}
      WHERE k.entity_id IN (SELECT value FROM json_each(@ids)) AND (@dataset IS NULL OR k.dataset = @dataset)`)
      .all({ ids: JSON.stringify(entityIds), dataset: dataset ?? null })) as BlockDbRow[];
  }

  async readStatements(scope: AccessScope, q: StatementQuery): Promise<Statement[]> {
    if (!q.entityIds) {
      const out: Statement[] = [];
      for await (const b of this.scanStatements(scope, q, 10_000)) out.push(...b);
      return out;
    }
    const rows = this.blocksOf(q.entityIds, q.dataset).filter((r) => scopeAllows(scope, r.dataset, r.handling, r.entity_id));
    return mergeRows(expandBlocks(rows, this.props));
  }

  async readEntityParts(scope: AccessScope, entityIds: readonly string[]): Promise<Map<string, EntityParts>> {
    return guard(this.location, () => readEntityParts(this.conn, this.props, scope, entityIds));
  }

  async *scanStatements(scope: AccessScope, q: StatementQuery, batchSize: number): AsyncIterable<Statement[]> {
    if (q.entityIds) {
      yield await this.readStatements(scope, q);
      return;
    }
    for (const rows of this.blockPages(q, batchSize)) {
      const visible = mergeRows(expandBlocks(rows.filter((r) => scopeAllows(scope, r.dataset, r.handling, r.entity_id)), this.props));
      if (visible.length) yield visible;
    }
  }

  /** The scan of scanStatements as entity parts, without a statement per value (analytics loads). */
  async *scanEntityParts(scope: AccessScope, q: StatementQuery, batchSize: number): AsyncIterable<Map<string, EntityParts>> {
    if (q.entityIds) {
      yield await this.readEntityParts(scope, q.entityIds);
      return;
    }
    for (const rows of this.blockPages(q, batchSize)) {
      const parts = guard(this.location, () => partsOf(rows, this.props, scope));
      if (parts.size) yield parts;
    }
  }

  /**
   * The blocks of the entities a scan covers, page by page (every block of an entity in one page),
   * in entity id order; not yet filtered by any scope.
   */
  private *blockPages(q: StatementQuery, batchSize: number): Generator<BlockDbRow[]> {
    // With a schema hint only the narrow key table is read to find the entities worth loading.
    const schemas = q.schemas ? JSON.stringify(q.schemas) : null;
    const ids = this.conn.prepare(`SELECT DISTINCT entity_id FROM block_keys WHERE entity_id > @after AND (@dataset IS NULL OR dataset = @dataset)
      AND (@schemas IS NULL OR schema IN (SELECT value FROM json_each(@schemas))) ORDER BY entity_id LIMIT @limit`).pluck();
    // A page of consecutive ids is read as a key range; a page picked by schema, which may skip
    // most ids in its range, by its ids.
    const byIds = this.conn.prepare(schemas === null ? `${KEYED_BLOCK_SELECT}
      WHERE k.entity_id >= @from AND k.entity_id <= @to AND (@dataset IS NULL OR k.dataset = @dataset)` : `${KEYED_BLOCK_SELECT}
      WHERE k.entity_id IN (SELECT value FROM json_each(@ids)) AND (@dataset IS NULL OR k.dataset = @dataset) ORDER BY k.entity_id`);
    let after = "";
    const perPage = Math.max(1, Math.floor(batchSize / 8));
    for (;;) {
      const page = guard(this.location, () => ids.all({ after, dataset: q.dataset ?? null, schemas, limit: perPage })) as string[];
      if (page.length === 0) return;
      const params = schemas === null ? { from: page[0], to: page[page.length - 1] } : { ids: JSON.stringify(page) };
      yield guard(this.location, () => byIds.all({ ...params, dataset: q.dataset ?? null })) as BlockDbRow[];
      after = page[page.length - 1]!;
    }
  }

  async search(scope: AccessScope, q: { text: string; limit: number; offset: number }): Promise<SearchHit[]> {
    return guard(this.location, () => searchWindows(this.conn, scope, q));
  }

  async countWithheld(scope: AccessScope, entityIds: readonly string[]): Promise<WithheldCount[]> {
    if (scope.all || entityIds.length === 0) return [];
    // Most views withhold nothing: the key table tells which (dataset, handling) the entities' blocks
    // have, so when the scope allows all of them no statement needs to be read again.
    const keys = guard(this.location, () => prepared(this.conn, "SELECT DISTINCT entity_id, dataset, handling FROM block_keys WHERE entity_id IN (SELECT value FROM json_each(?))")
      .all(JSON.stringify(entityIds))) as Array<{ entity_id: string; dataset: string; handling: string }>;
    if (keys.every((k) => scopeAllows(scope, k.dataset, k.handling, k.entity_id))) return [];
    return withheldCounts(scope, expandBlocks(this.blocksOf(entityIds, undefined), this.props).filter((r) => r.prop !== "id"));
  }

  async stats(): Promise<StoreStats> {
    return { ...guard(this.location, () => storeStats(this.conn)), auditRecords: guard(this.audit.location, () => this.audit.count()) };
  }

  async references(scope: AccessScope, targets: readonly string[], limit: number): Promise<{ references: Reference[]; withheld: number }> {
    if (targets.length === 0) return { references: [], withheld: 0 };
    return guard(this.location, () => references(this.conn, scope, targets, limit));
  }

  async retentionDue(until: string): Promise<RetentionDue[]> {
    return guard(this.location, () => retentionDue(this.conn, until));
  }

  async purgeExpired(before: string, audit: (r: RetentionPurge) => AuditAppend): Promise<RetentionPurge> {
    const purged = guard(this.location, () => purgeExpired(this.conn, before, audit));
    await this.settleAudit();
    return purged;
  }

  async appendAudit(entries: readonly AuditEntry[], link: (prev: string, seq: number, e: AuditEntry) => string): Promise<AuditRecord[]> {
    try {
      return await this.audit.append(entries, link);
    } catch (e) {
      throw mapSqliteError(e, this.audit.location);
    }
  }

  async *scanAudit(batchSize: number): AsyncIterable<AuditRecord[]> {
    void this.conn;
    try {
      yield* this.audit.scan(batchSize);
    } catch (e) {
      throw mapSqliteError(e, this.audit.location);
    }
  }

  /** Size of the database file in bytes (for stats). */
  fileSize(): number {
    try {
      return statSync(this.location).size;
    } catch {
      return 0;
    }
  }
}
