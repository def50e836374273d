import { VizierError, ID_PROP, type Dataset, type EntityParts, type Statement } from "@vizier/model";
import type {
  AccessScope, AuditAppend, AuditEntry, Reference, AuditRecord, RetentionDue, RetentionPurge, IngestRun, QuarantineRow, SearchHit, StatementQuery, StorePort, StoreStats, StoreWriter,
  WithheldCount,
} from "@vizier/core";
import pg from "pg";
import { PgAccessRequests } from "./access-requests";
import { appendAuditTx } from "./audit";
import { noNul } from "./copy-text";
import { guarded, storeError } from "./errors";
import { toAudit, toDataset, toQuarantine, toRun, type AuditDbRow, type DatasetRow, type QuarantineDbRow, type RunRow } from "./rows";
import { BLOCK_READ, blockParts, expandBlock, mergeBlocks, type BlockRow } from "./blocks";
import { storeStats } from "./stats";
import { ident, migrate } from "./schema";
import { grantScopeCondition } from "./access-requests-sql";
import { fold, fuzzyTsQuery, prefixTsQuery, queryWords, searchSql, WORD_ALTERNATIVES } from "./search-sql";
import { PgWriter } from "./writer";
import { IndexCleaner } from "./index-cleaner";
import { purgeExpired, retentionDue } from "./retention";
import { references } from "./refs";
import { ensureResolution, PgResolution } from "./resolution";
import { ensureAccountTables, PgAccounts } from "./accounts";

export interface PostgresStoreOptions {
  /** libpq connection URL, e.g. postgresql://vizier@db.internal/vizier */
  url: string;
  /** PostgreSQL schema holding Vizier's tables (default "vizier"). */
  schema?: string;
  /** Pool size (default 10). */
  maxConnections?: number;
  /** Milliseconds to wait for a connection before STORE_UNAVAILABLE (default 10 s). */
  connectTimeoutMs?: number;
  /** Blocks per ingest slice merged while the run goes on (default 25,000; tests use small slices). */
  ingestSliceBlocks?: number;
  /**
   * Merge the word index's pending list on a second connection while a run goes on (default true;
   * index-cleaner.ts). Costs one more connection per ingest run.
   */
  ingestIndexHelper?: boolean;
}

const BLOCK_SELECT = BLOCK_READ.map((c) => `s.${c}`).join(", ");

/** Redacts a password from a URL before it appears in `location` or messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/** The PostgreSQL adapter of StorePort (docs/decisions/0003-postgres-and-citus.md, 0007-postgres-blocks.md). */
export class PostgresStore implements StorePort {
  readonly kind = "postgres" as const;
  readonly location: string;
  private readonly pool: pg.Pool;
  /** Access requests and grants (docs/safeguards.md), in their own table. */
  readonly accessRequests = new PgAccessRequests(() => this.pool);
  private readonly schema: string;
  private readonly sliceBlocks: number | undefined;
  /** A client for an ingest run's index helper (same server and settings as the pool), or undefined when disabled. */
  private readonly helperClient: (() => pg.Client) | undefined;
  /** Entity-resolution results beside the statements (resolution.ts). */
  readonly resolution: PgResolution;
  /** Users, API tokens, sessions and login attempts (accounts.ts). */
  readonly accounts = new PgAccounts(() => this.pool);

  constructor(opts: PostgresStoreOptions) {
    this.schema = opts.schema ?? "vizier";
    this.sliceBlocks = opts.ingestSliceBlocks;
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema)) throw new VizierError("INVALID_ARGUMENT", `invalid PostgreSQL schema name "${this.schema}"`);
    this.location = redact(opts.url) + (this.schema === "vizier" ? "" : `#${this.schema}`);
    const options = `-c search_path=${ident(this.schema)},public -c temp_buffers=128MB`;
    this.helperClient = opts.ingestIndexHelper === false ? undefined : () => new pg.Client({
      connectionString: opts.url, connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000, keepAlive: true, keepAliveInitialDelayMillis: 10_000,
      options, application_name: "vizier-index",
    });
    this.pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.maxConnections ?? 10,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
      // TCP keepalive probes after 10 s idle, so a vanished server (network cut, host down)
      // surfaces as an error instead of a connection that waits forever.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // pg_trgm lives in public; everything else in our schema. temp_buffers: the ingest stage is
      // a TEMP table, which spills to disk beyond this (it can only be set before a session's
      // first temp table, hence here; memory is taken only by sessions that ingest).
      options,
      application_name: "vizier",
    });
    // Idle connections that die (server restart) emit here; the pool drops them. Without a
    // listener the process would crash on an unhandled 'error' event.
    this.pool.on("error", () => undefined);
    this.resolution = new PgResolution(this.pool);
  }

  async init(): Promise<void> {
    const client = await this.connect("initialising the schema");
    try {
      await migrate(client, this.schema);
      await ensureResolution(client);
      await ensureAccountTables(client);
      client.release();
    } catch (e) {
      client.release(e instanceof Error ? e : undefined);
      throw storeError(e, "initialising the schema");
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  async getSetting(key: string): Promise<string | undefined> {
    const rows = await this.query<{ value: string }>("reading a setting", "SELECT value FROM settings WHERE key = $1", [key]);
    return rows[0]?.value;
  }

  async putSetting(key: string, value: string): Promise<void> {
    await this.query("saving a setting",
      "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [key, noNul(value)]);
  }

  async putDataset(ds: Dataset): Promise<void> {
    await this.query("saving a dataset",
      `INSERT INTO datasets (name, label, agency, legal_basis, purpose, handling, reliability, retention, compartment, description, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [ds.name, ds.label, ds.agency, ds.legalBasis, ds.purpose, ds.handling, ds.reliability, ds.retention, ds.compartment, ds.description, ds.createdAt].map(noNul))
      .catch((e: unknown) => {
        if ((e as VizierError).cause && ((e as VizierError).cause as { code?: string }).code === "23505") {
          throw new VizierError("ALREADY_EXISTS", `dataset "${ds.name}" already exists`);
        }
        throw e;
      });
  }

  async getDataset(name: string): Promise<Dataset | undefined> {
    const rows = await this.query<DatasetRow>("reading a dataset", "SELECT * FROM datasets WHERE name = $1", [name]);
    return rows[0] ? toDataset(rows[0]) : undefined;
  }

  async listDatasets(): Promise<Dataset[]> {
    return (await this.query<DatasetRow>("listing datasets", "SELECT * FROM datasets ORDER BY name")).map(toDataset);
  }

  async beginWrite(run: IngestRun): Promise<StoreWriter> {
    if (!(await this.getDataset(run.dataset))) throw new VizierError("NOT_FOUND", `dataset "${run.dataset}" does not exist`);
    const client = await this.connect("starting an ingest run");
    return PgWriter.begin(client, (err) => client.release(err), this.sliceBlocks, this.helperClient && new IndexCleaner(this.helperClient));
  }

  async listRuns(dataset?: string): Promise<IngestRun[]> {
    const rows = dataset === undefined
      ? await this.query<RunRow>("listing runs", "SELECT * FROM runs ORDER BY recorded")
      : await this.query<RunRow>("listing runs", "SELECT * FROM runs WHERE dataset = $1 ORDER BY recorded", [dataset]);
    return rows.map(toRun);
  }

  async listQuarantine(q: { dataset?: string; runId?: string; limit: number; offset?: number }): Promise<QuarantineRow[]> {
    const rows = await this.query<QuarantineDbRow>("listing quarantined rows",
      `SELECT * FROM quarantine WHERE ($1::text IS NULL OR dataset = $1) AND ($2::text IS NULL OR run_id = $2)
       ORDER BY id LIMIT $3 OFFSET $4`, [q.dataset ?? null, q.runId ?? null, q.limit, q.offset ?? 0]);
    return rows.map(toQuarantine);
  }

  async readStatements(scope: AccessScope, q: StatementQuery): Promise<Statement[]> {
    const out: Statement[] = [];
    for await (const batch of this.scanStatements(scope, q, 10_000)) out.push(...batch);
    return out;
  }

  /** Statements of the readable blocks, page by page (blockPages). */
  async *scanStatements(scope: AccessScope, q: StatementQuery, batchSize: number): AsyncIterable<Statement[]> {
    for await (const rows of this.blockPages(scope, q, batchSize)) yield mergeBlocks(rows);
  }

  /** The same scan as entity parts, without a statement per value (analytics loads, FtM exports). */
  async *scanEntityParts(scope: AccessScope, q: StatementQuery, batchSize: number): AsyncIterable<Map<string, EntityParts>> {
    for await (const rows of this.blockPages(scope, q, batchSize)) {
      const parts = blockParts(rows);
      if (parts.size) yield parts;
    }
  }

  async readEntityParts(scope: AccessScope, entityIds: readonly string[]): Promise<Map<string, EntityParts>> {
    const out = new Map<string, EntityParts>();
    for await (const parts of this.scanEntityParts(scope, { entityIds: [...new Set(entityIds)].sort() }, 10_000)) for (const [id, e] of parts) out.set(id, e);
    return out;
  }

  /**
   * Keyset pagination over the readable blocks in primary-key order (entity first): each page is an
   * index range scan, no cursor or connection is held between pages, and memory stays flat for any
   * export size. A full page may end inside an entity, so that entity's blocks are read whole
   * before the page is handed out; a page therefore holds about `batchSize` blocks.
   */
  private async *blockPages(scope: AccessScope, q: StatementQuery, batchSize: number): AsyncGenerator<BlockRow[]> {
    if (q.entityIds && q.entityIds.length === 0) return;
    const sc = grantScopeCondition(scope, "s", 6);
    if (sc.none) return;
    const ids = q.entityIds ? [...q.entityIds] : null;
    const page = (after: string | null, only: string | null, limit: number | null) => this.query<BlockRow>("reading statements",
      `SELECT ${BLOCK_SELECT} FROM blocks s
       WHERE ($1::text[] IS NULL OR s.entity_id = ANY($1)) AND ($2::text IS NULL OR s.dataset = $2)
         AND ($3::text IS NULL OR s.entity_id > $3) AND ($4::text IS NULL OR s.entity_id = $4) AND ${sc.sql}
       ORDER BY s.entity_id, s.dataset, s.handling, s.hash LIMIT $5`,
      [ids, q.dataset ?? null, after, only, limit, ...sc.params]);
    let after: string | null = null;
    for (;;) {
      let rows = await page(after, null, batchSize);
      if (rows.length === 0) return;
      const full = rows.length >= batchSize;
      const last = rows[rows.length - 1]!.entity_id;
      if (full) rows = [...rows.filter((r) => r.entity_id !== last), ...(await page(null, last, null))];
      after = last;
      yield rows;
      if (!full) return;
    }
  }

  async search(scope: AccessScope, q: { text: string; limit: number; offset: number }): Promise<SearchHit[]> {
    const text = fold(noNul(q.text.trim()));
    if (!text) return [];
    const sc = grantScopeCondition(scope, "b", 5);
    if (sc.none) return [];
    const params = [text, prefixTsQuery(text), q.limit, q.offset, ...sc.params];
    let rows = await this.query<{ entity_id: string; score: number }>("searching", searchSql(sc.sql, false), params);
    // Fuzzy matches only when the words match nothing at all, e.g. a misspelt name, so pages stay
    // consistent: every page of one query uses the same rule.
    if (rows.length === 0) {
      const any = q.offset === 0 ? [] : await this.query("searching", searchSql(sc.sql, false), [text, params[1], 1, 0, ...sc.params]);
      if (any.length === 0) {
        const words = queryWords(text);
        const found = await this.query<{ w: string; word: string }>("searching", WORD_ALTERNATIVES, [words]);
        const alts = new Map<string, string[]>();
        for (const r of found) alts.set(r.w, [...(alts.get(r.w) ?? []), r.word]);
        const fuzzy = fuzzyTsQuery(words, alts);
        if (fuzzy) rows = await this.query<{ entity_id: string; score: number }>("searching", searchSql(sc.sql, true), [text, fuzzy, q.limit, q.offset, ...sc.params]);
      }
    }
    return rows.map((r) => ({ entityId: r.entity_id, score: Number(r.score) }));
  }

  async countWithheld(scope: AccessScope, entityIds: readonly string[]): Promise<WithheldCount[]> {
    if (scope.all || entityIds.length === 0) return [];
    const sc = grantScopeCondition(scope, "s", 2);
    // Visibility is decided in SQL; values of withheld blocks only serve the count here and never
    // leave the adapter. A statement the scope can read in another block is not withheld.
    const rows = await this.query<BlockRow & { visible: boolean }>("counting withheld statements",
      `SELECT ${BLOCK_SELECT}, ${sc.none ? "false" : sc.sql} AS visible FROM blocks s WHERE s.entity_id = ANY($1)`,
      [[...entityIds], ...sc.params]);
    const key = (x: Statement) => `${x.entityId}\u001f${x.dataset}\u001f${x.prop}\u001f${x.value}`;
    const visible = new Set<string>();
    for (const r of rows) if (r.visible) for (const x of expandBlock(r)) visible.add(key(x));
    const groups = new Map<string, WithheldCount>();
    for (const x of mergeBlocks(rows.filter((r) => !r.visible))) {
      if (x.prop === ID_PROP || visible.has(key(x))) continue;
      const g = `${x.entityId}\u001f${x.agency}\u001f${x.dataset}\u001f${x.handling}`;
      let c = groups.get(g);
      if (!c) groups.set(g, (c = { entityId: x.entityId, agency: x.agency, dataset: x.dataset, handling: x.handling, count: 0, props: [] }));
      c.count++;
      if (!c.props.includes(x.prop)) c.props.push(x.prop);
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const c of groups.values()) c.props.sort(cmp);
    return [...groups.values()].sort((a, b) => cmp(a.entityId, b.entityId) || cmp(a.agency, b.agency) || cmp(a.dataset, b.dataset) || cmp(a.handling, b.handling));
  }

  async stats(): Promise<StoreStats> {
    return storeStats(this.pool);
  }

  async references(scope: AccessScope, targets: readonly string[], limit: number): Promise<{ references: Reference[]; withheld: number }> {
    if (targets.length === 0) return { references: [], withheld: 0 };
    return references(this.pool, scope, targets, limit);
  }

  async retentionDue(until: string): Promise<RetentionDue[]> {
    return retentionDue(this.pool, until);
  }

  async purgeExpired(before: string, audit: (r: RetentionPurge) => AuditAppend): Promise<RetentionPurge> {
    return purgeExpired(this.pool, before, audit);
  }

  async appendAudit(entries: readonly AuditEntry[], link: (prevHash: string, seq: number, e: AuditEntry) => string): Promise<AuditRecord[]> {
    if (entries.length === 0) return [];
    const client = await this.connect("appending to the audit log");
    try {
      await client.query("BEGIN");
      const records = await appendAuditTx(client, entries, link);
      await client.query("COMMIT");
      client.release();
      return records;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      client.release(e instanceof Error ? e : new Error(String(e)));
      throw storeError(e, "appending to the audit log");
    }
  }

  async *scanAudit(batchSize: number): AsyncIterable<AuditRecord[]> {
    let after = 0;
    for (;;) {
      const rows = await this.query<AuditDbRow>("reading the audit log", "SELECT * FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2", [after, batchSize]);
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows.map(toAudit);
      if (rows.length < batchSize) return;
    }
  }

  private async connect(what: string): Promise<pg.PoolClient> {
    return guarded(what, () => this.pool.connect());
  }

  private async query<R extends object>(what: string, sql: string, params: unknown[] = []): Promise<R[]> {
    return guarded(what, async () => (await this.pool.query<R>(sql, params)).rows);
  }
}
