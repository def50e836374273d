import { VizierError } from "@vizier/model";
import { sqlRows, type AuditAppend, type JudgementRecord, type Membership, type ResolutionCommit, type ResolutionPort, type ResolutionRun, type ReviewPair } from "@vizier/core";
import type pg from "pg";
import { appendAuditTx } from "./audit";
import { noNul } from "./copy-text";
import { inTransaction } from "./tx";
import { guarded, storeError } from "./errors";

/**
 * Entity-resolution tables of the PostgreSQL store (docs/resolution.md, "In the store"). They sit
 * beside the statements and never touch them. Memberships are keyed by (view, entity_id), so
 * under Citus they can be distributed like the statements.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS er_runs (
  id text PRIMARY KEY, view text NOT NULL, actor text NOT NULL, purpose text NOT NULL, started_at text NOT NULL,
  finished_at text, status text NOT NULL, params text NOT NULL, counts text NOT NULL, cursor text NOT NULL);
CREATE INDEX IF NOT EXISTS er_runs_view ON er_runs (view, started_at);
CREATE TABLE IF NOT EXISTS er_members (
  view text NOT NULL, entity_id text NOT NULL, resolved_id text NOT NULL, fingerprint text NOT NULL,
  PRIMARY KEY (view, entity_id));
CREATE INDEX IF NOT EXISTS er_members_resolved ON er_members (view, resolved_id);
CREATE TABLE IF NOT EXISTS er_judgements (
  seq bigserial PRIMARY KEY, id text NOT NULL UNIQUE, left_id text NOT NULL, right_id text NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('confirm', 'reject', 'unsure')), actor text NOT NULL, agency text NOT NULL,
  purpose text NOT NULL, at text NOT NULL, reason text NOT NULL, basis text NOT NULL, undone_at text, undone_by text);
CREATE INDEX IF NOT EXISTS er_judgements_left ON er_judgements (left_id);
CREATE INDEX IF NOT EXISTS er_judgements_right ON er_judgements (right_id);
CREATE TABLE IF NOT EXISTS er_review (
  view text NOT NULL, id text NOT NULL, left_id text NOT NULL, right_id text NOT NULL, probability double precision NOT NULL,
  match_weight double precision NOT NULL, explanation text NOT NULL, status text NOT NULL, PRIMARY KEY (view, id));
CREATE INDEX IF NOT EXISTS er_review_pair ON er_review (left_id, right_id);
`;

/** Creates the resolution tables if missing (called from the store's init; serialised by an advisory lock). */
export async function ensureResolution(client: pg.PoolClient): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(7305937152)");
    await client.query(DDL);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw storeError(e, "creating the resolution tables");
  }
}

const { toResolutionRun: toRun, toJudgement, toReview } = sqlRows;
type RunRow = sqlRows.ResolutionRunRow;
type JudgementRow = sqlRows.JudgementRow;
type ReviewRow = sqlRows.ReviewRow;

/** The resolution port over the store's pool. */
export class PgResolution implements ResolutionPort {
  constructor(private readonly pool: pg.Pool) {}

  private async query<R extends object>(what: string, sql: string, params: unknown[] = []): Promise<R[]> {
    return guarded(what, async () => (await this.pool.query<R>(sql, params)).rows);
  }

  /** Runs `f` in one transaction on one connection. */
  private async tx<T>(what: string, f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, what, f);
  }

  async startRun(r: ResolutionRun): Promise<void> {
    await this.query("starting a resolution run",
      "INSERT INTO er_runs (id, view, actor, purpose, started_at, finished_at, status, params, counts, cursor) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
      [r.id, r.view, noNul(r.actor), noNul(r.purpose), r.startedAt, r.finishedAt ?? null, r.status, noNul(r.params), noNul(r.counts), noNul(r.cursor)]);
  }

  async updateRun(id: string, patch: { cursor?: string; params?: string; status?: ResolutionRun["status"] }): Promise<void> {
    await this.query("saving resolution progress",
      "UPDATE er_runs SET cursor = coalesce($2, cursor), params = coalesce($3, params), status = coalesce($4, status) WHERE id = $1",
      [id, patch.cursor === undefined ? null : noNul(patch.cursor), patch.params === undefined ? null : noNul(patch.params), patch.status ?? null]);
  }

  async listRuns(view: string): Promise<ResolutionRun[]> {
    return (await this.query<RunRow>("listing resolution runs", "SELECT * FROM er_runs WHERE view = $1 ORDER BY started_at, id", [view])).map(toRun);
  }

  async commitRun(c: ResolutionCommit): Promise<void> {
    const r = c.run;
    await this.tx("committing a resolution run", async (client) => {
      const updated = await client.query(
        "UPDATE er_runs SET finished_at = $1, status = 'finished', params = $2, counts = $3, cursor = $4 WHERE id = $5 AND status = 'running'",
        [r.finishedAt ?? null, noNul(r.params), noNul(r.counts), noNul(r.cursor), r.id]);
      if (updated.rowCount !== 1) throw new VizierError("CONFLICT", `resolution run ${r.id} is not running`);
      await client.query("DELETE FROM er_members WHERE view = $1", [r.view]);
      for (let i = 0; i < c.memberships.length; i += 10_000) {
        const part = c.memberships.slice(i, i + 10_000);
        await client.query(`INSERT INTO er_members (view, entity_id, resolved_id, fingerprint)
          SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])`,
        [r.view, part.map((m) => m.entityId), part.map((m) => m.resolvedId), part.map((m) => m.fingerprint)]);
      }
      await client.query("DELETE FROM er_review WHERE view = $1", [r.view]);
      for (let i = 0; i < c.review.length; i += 5_000) {
        const part = c.review.slice(i, i + 5_000);
        await client.query(`INSERT INTO er_review (view, id, left_id, right_id, probability, match_weight, explanation, status)
          SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::text[])`,
        [r.view, part.map((p) => p.id), part.map((p) => p.left), part.map((p) => p.right), part.map((p) => p.probability),
          part.map((p) => p.matchWeight), part.map((p) => noNul(p.explanation)), part.map((p) => p.status)]);
      }
      await appendAuditTx(client, c.audit.entries, c.audit.link);
    });
  }

  /** Retention: memberships and queued pairs of entities that have no statement left (judgements stay as history). */
  async forgetEntities(ids: readonly string[]): Promise<number> {
    return this.tx("forgetting removed entities", async (client) => {
      const members = await client.query("DELETE FROM er_members WHERE entity_id = ANY($1::text[])", [[...ids]]);
      const pairs = await client.query("DELETE FROM er_review WHERE left_id = ANY($1::text[]) OR right_id = ANY($1::text[])", [[...ids]]);
      return (members.rowCount ?? 0) + (pairs.rowCount ?? 0);
    });
  }

  async memberships(view: string, q: { entityIds?: readonly string[]; resolvedIds?: readonly string[] }): Promise<Membership[]> {
    const rows = await this.query<{ entity_id: string; resolved_id: string; fingerprint: string }>("reading resolved memberships",
      `SELECT entity_id, resolved_id, fingerprint FROM er_members WHERE view = $1
         AND ($2::text[] IS NULL OR entity_id = ANY($2)) AND ($3::text[] IS NULL OR resolved_id = ANY($3))
       ORDER BY resolved_id, entity_id`,
      [view, q.entityIds ? [...q.entityIds] : null, q.resolvedIds ? [...q.resolvedIds] : null]);
    return rows.map((r) => ({ entityId: r.entity_id, resolvedId: r.resolved_id, fingerprint: r.fingerprint }));
  }

  async addJudgement(j: JudgementRecord, audit: AuditAppend): Promise<void> {
    await this.tx("storing a judgement", async (client) => {
      await client.query("INSERT INTO er_judgements (id, left_id, right_id, verdict, actor, agency, purpose, at, reason, basis) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
        [j.id, j.left, j.right, j.verdict, noNul(j.actor), noNul(j.agency), noNul(j.purpose), j.at, noNul(j.reason), noNul(j.basis)]);
      await client.query("UPDATE er_review SET status = 'judged' WHERE left_id = $1 AND right_id = $2", [j.left, j.right]);
      await appendAuditTx(client, audit.entries, audit.link);
    });
  }

  async undoJudgement(id: string, by: string, at: string, audit: AuditAppend): Promise<JudgementRecord> {
    return this.tx("undoing a judgement", async (client) => {
      const row = (await client.query<JudgementRow>("SELECT * FROM er_judgements WHERE id = $1 FOR UPDATE", [id])).rows[0];
      if (!row) throw new VizierError("NOT_FOUND", `no judgement "${id}"`);
      if (row.undone_at !== null) throw new VizierError("CONFLICT", `judgement "${id}" was already undone at ${row.undone_at}`);
      await client.query("UPDATE er_judgements SET undone_at = $2, undone_by = $3 WHERE id = $1", [id, at, noNul(by)]);
      await appendAuditTx(client, audit.entries, audit.link);
      return toJudgement({ ...row, undone_at: at, undone_by: noNul(by) });
    });
  }

  async getJudgement(id: string): Promise<JudgementRecord | undefined> {
    const rows = await this.query<JudgementRow>("reading a judgement", "SELECT * FROM er_judgements WHERE id = $1", [id]);
    return rows[0] ? toJudgement(rows[0]) : undefined;
  }

  async listJudgements(q: { entityIds?: readonly string[] }): Promise<JudgementRecord[]> {
    const rows = await this.query<JudgementRow>("listing judgements",
      "SELECT * FROM er_judgements WHERE $1::text[] IS NULL OR left_id = ANY($1) OR right_id = ANY($1) ORDER BY seq",
      [q.entityIds ? [...q.entityIds] : null]);
    return rows.map(toJudgement);
  }

  async reviewQueue(view: string, q: { limit: number; offset?: number; status?: ReviewPair["status"] }): Promise<ReviewPair[]> {
    const rows = await this.query<ReviewRow>("reading the review queue",
      `SELECT * FROM er_review WHERE view = $1 AND ($2::text IS NULL OR status = $2) ORDER BY abs(match_weight), id LIMIT $3 OFFSET $4`,
      [view, q.status ?? null, q.limit, q.offset ?? 0]);
    return rows.map(toReview);
  }

  async getReviewPair(view: string, id: string): Promise<ReviewPair | undefined> {
    const rows = await this.query<ReviewRow>("reading a review pair", "SELECT * FROM er_review WHERE view = $1 AND id = $2", [view, id]);
    return rows[0] ? toReview(rows[0]) : undefined;
  }
}
