import type { Dataset, EntityParts, Statement } from "@vizier/model";
import type { AccessScope } from "../policy/scope";
import type { AuditEntry, AuditRecord } from "../audit/types";

/** Audit entries with the function that chains them (see audit/chain.ts). */
export interface AuditAppend {
  entries: readonly AuditEntry[];
  link: (prevHash: string, seq: number, e: AuditEntry) => string;
}

/** A row that could not be ingested, kept with where and why. */
export interface QuarantineRow {
  /** rejected: the row was not ingested; conflict: values were kept but disagree and need review. */
  kind: "rejected" | "conflict";
  runId: string;
  dataset: string;
  file: string;
  row: number;
  column: string;
  reason: string;
  /** The raw row as JSON, so nothing is lost. */
  raw: string;
}

/** One ingest run, recorded at commit. */
export interface IngestRun {
  id: string;
  dataset: string;
  file: string;
  mapping: string;
  actor: string;
  startedAt: string;
  finishedAt?: string;
  rowsRead?: number;
  rowsOk?: number;
  rowsQuarantined?: number;
  rowsFiltered?: number;
  statements?: number;
  entities?: number;
  conflicts?: number;
  status?: "committed" | "failed";
}

/** Values one entity got from different rows of the same run (kept, flagged for review). */
export interface Conflict {
  entityId: string;
  prop: string;
  values: string[];
}

export interface StoreStats {
  datasets: number;
  entities: number;
  statements: number;
  quarantined: number;
  runs: number;
  auditRecords: number;
  bySchema: Record<string, number>;
  byDataset: Record<string, { entities: number; statements: number }>;
}

export interface SearchHit {
  entityId: string;
  score: number;
}

export interface StatementQuery {
  entityIds?: readonly string[];
  dataset?: string;
  /**
   * scanStatements only, a hint: entities with no block of these schemata may be skipped. A store
   * may ignore it and return more (callers still filter the assembled entities); it never returns
   * fewer statements of an entity it returns.
   */
  schemas?: readonly string[];
}

/** A readable statement of one entity whose value points at another entity (a reverse reference). */
export interface Reference {
  /** The entity pointed at. */
  target: string;
  /** The entity holding the reference (an Ownership, a Payment, a Directorship…). */
  entityId: string;
  schema: string;
  prop: string;
  dataset: string;
}

/** Counts of statements a scope withholds for given entities, per owning agency and handling code. */
export interface WithheldCount {
  entityId: string;
  agency: string;
  dataset: string;
  handling: string;
  count: number;
  props: string[];
}

/** Statements up for review: their retention ends on or before the date asked about. */
export interface RetentionDue {
  dataset: string;
  /** ISO date after which the statements must be removed or reviewed. */
  retentionUntil: string;
  statements: number;
  entities: number;
}

/** What a retention run removed. */
export interface RetentionPurge {
  /** Cut-off date: statements whose retention ended before it were removed. */
  before: string;
  statements: number;
  /** Entities that lost statements. */
  entities: number;
  /** Entities with no statement left anywhere: derived data about them (resolution, grants) goes too. */
  removedEntityIds: string[];
}

/** The provenance all statements of a run's rows share (first seen = last seen). */
export type RowProvenance = Pick<Statement, "dataset" | "agency" | "legalBasis" | "purpose" | "handling" | "reliability" | "lastSeen" | "retentionUntil" | "runId">;

/** What one source row gave a run: its origin (`file:row`) and its entities with their values. */
export interface SourceRowEntities {
  origin: string;
  entities: ReadonlyArray<{ id: string; schema: string; values: ReadonlyArray<{ prop: string; propType: string; value: string; original: string }> }>;
}

/**
 * Everything written by one ingest run becomes visible at `commit` or not at all: a run that
 * fails or is killed leaves the store exactly as it was.
 */
export interface StoreWriter {
  writeStatements(batch: readonly Statement[]): Promise<void>;
  /**
   * Optional fast path for mapped sources: stores exactly the statements `writeStatements` would
   * get from `ingest/statements.ts#toStatements` for each row's entities (an `id` statement, then
   * the values, all with `prov` and the row's origin), without an object per statement.
   */
  writeRows?(prov: RowProvenance, rows: readonly SourceRowEntities[]): Promise<void>;
  writeQuarantine(rows: readonly QuarantineRow[]): Promise<void>;
  /** Conflicting values written in this run so far (before commit). */
  conflicts(limit: number): Promise<Conflict[]>;
  /** Distinct entities written by this run so far. */
  runEntities(): Promise<number>;
  /** Makes the run visible and appends its audit entries in the same transaction. */
  commit(run: IngestRun, audit: AuditAppend): Promise<void>;
  abort(): Promise<void>;
}

/**
 * The storage port. Reads take an AccessScope, which only the policy decision point can make:
 * a store cannot be asked for data without a policy decision (docs/safeguards.md).
 */
export interface StorePort {
  readonly kind: "sqlite" | "postgres";
  readonly location: string;
  init(): Promise<void>;
  close(): Promise<void>;

  /** Installation settings (e.g. the owning agency recorded by `vizier init`). */
  getSetting(key: string): Promise<string | undefined>;
  putSetting(key: string, value: string): Promise<void>;

  putDataset(ds: Dataset): Promise<void>;
  getDataset(name: string): Promise<Dataset | undefined>;
  listDatasets(): Promise<Dataset[]>;

  beginWrite(run: IngestRun): Promise<StoreWriter>;
  listRuns(dataset?: string): Promise<IngestRun[]>;
  listQuarantine(q: { dataset?: string; runId?: string; limit: number; offset?: number }): Promise<QuarantineRow[]>;

  readStatements(scope: AccessScope, q: StatementQuery): Promise<Statement[]>;
  /**
   * Optional: the parts of the given entities that the scope may read (model's EntityParts), keyed
   * by entity id in id order, without building statements: what `assembleEntities` makes of
   * `readStatements(scope, { entityIds })`, for reads that return entities only (search pages).
   * core/read/entities-of.ts falls back to the statements when a store lacks it.
   */
  readEntityParts?(scope: AccessScope, entityIds: readonly string[]): Promise<Map<string, EntityParts>>;
  /** Streams readable statements ordered by entity id, in batches (exports, analytics loads). */
  scanStatements(scope: AccessScope, q: StatementQuery, batchSize: number): AsyncIterable<Statement[]>;
  /**
   * Optional: the same scan as entity parts, each batch keyed by entity id in id order, an
   * entity's parts whole in one batch: what `assembleEntities` makes of scanStatements' batches,
   * without a statement per value (analytics loads, which need entities only). analytics/load.ts
   * falls back to the statements when a store lacks it.
   */
  scanEntityParts?(scope: AccessScope, q: StatementQuery, batchSize: number): AsyncIterable<Map<string, EntityParts>>;
  search(scope: AccessScope, q: { text: string; limit: number; offset: number }): Promise<SearchHit[]>;
  countWithheld(scope: AccessScope, entityIds: readonly string[]): Promise<WithheldCount[]>;
  /**
   * Reverse references: readable entity-typed statements pointing at any of `targets`, at most
   * `limit` (in target, entity order), and how many more the scope withholds (a count, no content).
   */
  references(scope: AccessScope, targets: readonly string[], limit: number): Promise<{ references: Reference[]; withheld: number }>;
  stats(): Promise<StoreStats>;

  /** Statements whose retention ends on or before `until` (ISO date), per dataset and date. */
  retentionDue(until: string): Promise<RetentionDue[]>;
  /**
   * Removes every statement whose retention ended before `before` (ISO date) together with its
   * search entries, and appends the audit entries made from the result in the same transaction.
   */
  purgeExpired(before: string, audit: (r: RetentionPurge) => AuditAppend): Promise<RetentionPurge>;

  /**
   * Appends audit entries atomically at the head of the hash chain; `link` computes each record's
   * hash from the previous one. Serialised across processes.
   */
  appendAudit(entries: readonly AuditEntry[], link: (prevHash: string, seq: number, e: AuditEntry) => string): Promise<AuditRecord[]>;
  scanAudit(batchSize: number): AsyncIterable<AuditRecord[]>;
}
