import type Database from "better-sqlite3";
import { VizierError } from "@vizier/model";
import { sqlRows, type AuditAppend, type JudgementRecord, type Membership, type ResolutionCommit, type ResolutionPort, type ResolutionRun, type ReviewPair } from "@vizier/core";
import { stageAudit } from "./audit-log";
import { guard } from "./errors";

/**
 * Entity-resolution tables of the embedded store (docs/resolution.md, "In the store"). They sit
 * beside the statement tables and never touch them: merges live beside the source statements.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS er_runs (
  id TEXT PRIMARY KEY, view TEXT NOT NULL, actor TEXT NOT NULL, purpose TEXT NOT NULL, started_at TEXT NOT NULL,
  finished_at TEXT, status TEXT NOT NULL, params TEXT NOT NULL, counts TEXT NOT NULL, cursor TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS er_runs_view ON er_runs (view, started_at);
CREATE TABLE IF NOT EXISTS er_members (
  view TEXT NOT NULL, entity_id TEXT NOT NULL, resolved_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
  PRIMARY KEY (view, entity_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS er_members_resolved ON er_members (view, resolved_id);
CREATE TABLE IF NOT EXISTS er_judgements (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, left_id TEXT NOT NULL, right_id TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('confirm', 'reject', 'unsure')), actor TEXT NOT NULL, agency TEXT NOT NULL,
  purpose TEXT NOT NULL, at TEXT NOT NULL, reason TEXT NOT NULL, basis TEXT NOT NULL, undone_at TEXT, undone_by TEXT);
CREATE INDEX IF NOT EXISTS er_judgements_left ON er_judgements (left_id);
CREATE INDEX IF NOT EXISTS er_judgements_right ON er_judgements (right_id);
CREATE TABLE IF NOT EXISTS er_review (
  view TEXT NOT NULL, id TEXT NOT NULL, left_id TEXT NOT NULL, right_id TEXT NOT NULL, probability REAL NOT NULL,
  match_weight REAL NOT NULL, explanation TEXT NOT NULL, status TEXT NOT NULL, PRIMARY KEY (view, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS er_review_pair ON er_review (left_id, right_id);
`;

/** Creates the resolution tables if missing (called from the store's init). */
export function ensureResolution(db: Database.Database): void {
  db.exec(DDL);
}

const { toResolutionRun: toRun, toJudgement, toReview } = sqlRows;
type RunRow = sqlRows.ResolutionRunRow;
type JudgementRow = sqlRows.JudgementRow;
type ReviewRow = sqlRows.ReviewRow;

/** The resolution port over the store's connection. */
export class SqliteResolution implements ResolutionPort {
  /** `settle` moves audit entries staged by a write into the audit chain (audit-log.ts). */
  constructor(private readonly open: () => { db: Database.Database; location: string }, private readonly settle: () => Promise<void>) {}

  private run<T>(f: (db: Database.Database) => T): T {
    const { db, location } = this.open();
    return guard(location, () => f(db));
  }

  private tx<T>(f: (db: Database.Database) => T): T {
    return this.run((db) => db.transaction(() => f(db)).immediate());
  }

  /** A transaction that stages audit entries, settled once it has committed. */
  private async auditedTx<T>(f: (db: Database.Database) => T): Promise<T> {
    const out = this.tx(f);
    await this.settle();
    return out;
  }

  /** Retention: memberships and queued pairs of entities that have no statement left (judgements stay as history). */
  async forgetEntities(ids: readonly string[]): Promise<number> {
    return this.tx((db) => {
      const json = JSON.stringify(ids);
      const members = db.prepare("DELETE FROM er_members WHERE entity_id IN (SELECT value FROM json_each(?))").run(json).changes;
      const pairs = db.prepare("DELETE FROM er_review WHERE left_id IN (SELECT value FROM json_each(@ids)) OR right_id IN (SELECT value FROM json_each(@ids))").run({ ids: json }).changes;
      return members + pairs;
    });
  }

  async startRun(r: ResolutionRun): Promise<void> {
    this.run((db) => db.prepare(`INSERT INTO er_runs (id, view, actor, purpose, started_at, finished_at, status, params, counts, cursor)
      VALUES (?,?,?,?,?,?,?,?,?,?)`).run(r.id, r.view, r.actor, r.purpose, r.startedAt, r.finishedAt ?? null, r.status, r.params, r.counts, r.cursor));
  }

  async updateRun(id: string, patch: { cursor?: string; params?: string; status?: ResolutionRun["status"] }): Promise<void> {
    this.run((db) => db.prepare(`UPDATE er_runs SET cursor = coalesce(@cursor, cursor), params = coalesce(@params, params),
      status = coalesce(@status, status) WHERE id = @id`).run({ id, cursor: patch.cursor ?? null, params: patch.params ?? null, status: patch.status ?? null }));
  }

  async listRuns(view: string): Promise<ResolutionRun[]> {
    return (this.run((db) => db.prepare("SELECT * FROM er_runs WHERE view = ? ORDER BY started_at, id").all(view)) as RunRow[]).map(toRun);
  }

  async commitRun(c: ResolutionCommit): Promise<void> {
    await this.auditedTx((db) => {
      const r = c.run;
      const updated = db.prepare(`UPDATE er_runs SET finished_at = ?, status = 'finished', params = ?, counts = ?, cursor = ? WHERE id = ? AND status = 'running'`)
        .run(r.finishedAt ?? null, r.params, r.counts, r.cursor, r.id);
      if (updated.changes !== 1) throw new VizierError("CONFLICT", `resolution run ${r.id} is not running`);
      db.prepare("DELETE FROM er_members WHERE view = ?").run(r.view);
      const member = db.prepare("INSERT INTO er_members (view, entity_id, resolved_id, fingerprint) VALUES (?,?,?,?)");
      for (const m of c.memberships) member.run(r.view, m.entityId, m.resolvedId, m.fingerprint);
      db.prepare("DELETE FROM er_review WHERE view = ?").run(r.view);
      const review = db.prepare("INSERT INTO er_review (view, id, left_id, right_id, probability, match_weight, explanation, status) VALUES (?,?,?,?,?,?,?,?)");
      for (const p of c.review) review.run(r.view, p.id, p.left, p.right, p.probability, p.matchWeight, p.explanation, p.status);
      stageAudit(db, c.audit.entries);
    });
  }

  async memberships(view: string, q: { entityIds?: readonly string[]; resolvedIds?: readonly string[] }): Promise<Membership[]> {
    const rows = this.run((db) => db.prepare(`SELECT entity_id, resolved_id, fingerprint FROM er_members WHERE view = @view
      AND (@entities IS NULL OR entity_id IN (SELECT value FROM json_each(@entities)))
      AND (@resolved IS NULL OR resolved_id IN (SELECT value FROM json_each(@resolved))) ORDER BY resolved_id, entity_id`)
      .all({ view, entities: q.entityIds ? JSON.stringify(q.entityIds) : null, resolved: q.resolvedIds ? JSON.stringify(q.resolvedIds) : null })) as
      Array<{ entity_id: string; resolved_id: string; fingerprint: string }>;
    return rows.map((r) => ({ entityId: r.entity_id, resolvedId: r.resolved_id, fingerprint: r.fingerprint }));
  }

  async addJudgement(j: JudgementRecord, audit: AuditAppend): Promise<void> {
    await this.auditedTx((db) => {
      db.prepare(`INSERT INTO er_judgements (id, left_id, right_id, verdict, actor, agency, purpose, at, reason, basis) VALUES (?,?,?,?,?,?,?,?,?,?)`)
        .run(j.id, j.left, j.right, j.verdict, j.actor, j.agency, j.purpose, j.at, j.reason, j.basis);
      db.prepare("UPDATE er_review SET status = 'judged' WHERE left_id = ? AND right_id = ?").run(j.left, j.right);
      stageAudit(db, audit.entries);
    });
  }

  async undoJudgement(id: string, by: string, at: string, audit: AuditAppend): Promise<JudgementRecord> {
    return this.auditedTx((db) => {
      const row = db.prepare("SELECT * FROM er_judgements WHERE id = ?").get(id) as JudgementRow | undefined;
      if (!row) throw new VizierError("NOT_FOUND", `no judgement "${id}"`);
      if (row.undone_at !== null) throw new VizierError("CONFLICT", `judgement "${id}" was already undone at ${row.undone_at}`);
      db.prepare("UPDATE er_judgements SET undone_at = ?, undone_by = ? WHERE id = ?").run(at, by, id);
      stageAudit(db, audit.entries);
      return toJudgement({ ...row, undone_at: at, undone_by: by });
    });
  }

  async getJudgement(id: string): Promise<JudgementRecord | undefined> {
    const row = this.run((db) => db.prepare("SELECT * FROM er_judgements WHERE id = ?").get(id)) as JudgementRow | undefined;
    return row ? toJudgement(row) : undefined;
  }

  async listJudgements(q: { entityIds?: readonly string[] }): Promise<JudgementRecord[]> {
    const rows = this.run((db) => q.entityIds
      ? db.prepare(`SELECT * FROM er_judgements WHERE left_id IN (SELECT value FROM json_each(@ids)) OR right_id IN (SELECT value FROM json_each(@ids)) ORDER BY seq`)
        .all({ ids: JSON.stringify(q.entityIds) })
      : db.prepare("SELECT * FROM er_judgements ORDER BY seq").all()) as JudgementRow[];
    return rows.map(toJudgement);
  }

  async reviewQueue(view: string, q: { limit: number; offset?: number; status?: ReviewPair["status"] }): Promise<ReviewPair[]> {
    const rows = this.run((db) => db.prepare(`SELECT * FROM er_review WHERE view = @view AND (@status IS NULL OR status = @status)
      ORDER BY abs(match_weight), id LIMIT @limit OFFSET @offset`).all({ view, status: q.status ?? null, limit: q.limit, offset: q.offset ?? 0 })) as ReviewRow[];
    return rows.map(toReview);
  }

  async getReviewPair(view: string, id: string): Promise<ReviewPair | undefined> {
    const row = this.run((db) => db.prepare("SELECT * FROM er_review WHERE view = ? AND id = ?").get(view, id)) as ReviewRow | undefined;
    return row ? toReview(row) : undefined;
  }
}
