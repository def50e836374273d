import pg from "pg";
import { VizierError } from "@vizier/model";
import type { JobPatch, JobQuery, JobRecord, JobsPort, JobStatus } from "@vizier/core";
import { guarded, storeError } from "./errors";

interface JobRow {
  id: string; kind: string; status: string; actor: JobRecord["actor"]; purpose: string; params: Record<string, unknown>; progress: Record<string, unknown>;
  result: Record<string, unknown> | null; error: { code: string; message: string } | null; cancel_requested: boolean;
  created_at: string; started_at: string | null; finished_at: string | null;
}

function toJob(r: JobRow): JobRecord {
  const job: JobRecord = {
    id: r.id, kind: r.kind, status: r.status as JobStatus, actor: r.actor, purpose: r.purpose, params: r.params, progress: r.progress,
    cancelRequested: r.cancel_requested, createdAt: r.created_at,
  };
  if (r.result !== null) job.result = r.result;
  if (r.error !== null) job.error = r.error;
  if (r.started_at !== null) job.startedAt = r.started_at;
  if (r.finished_at !== null) job.finishedAt = r.finished_at;
  return job;
}

/** JSON for a jsonb parameter: PostgreSQL text cannot hold NUL, so it is escaped away by JSON itself. */
const json = (v: unknown) => JSON.stringify(v);

/**
 * The PostgreSQL store's job table (`<schema>.jobs`), on a small pool of its own so job
 * bookkeeping never waits behind an ingest that holds the store's connections.
 */
export class PgJobs implements JobsPort {
  private readonly pool: pg.Pool;
  private readonly table: string;

  constructor(opts: { url: string; schema?: string }) {
    const schema = opts.schema ?? "vizier";
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new VizierError("INVALID_ARGUMENT", `invalid PostgreSQL schema name "${schema}"`);
    this.table = `"${schema}".jobs`;
    this.pool = new pg.Pool({ connectionString: opts.url, max: 2, connectionTimeoutMillis: 10_000, application_name: "vizier-jobs" });
    this.pool.on("error", () => undefined);
  }

  private async q<R extends pg.QueryResultRow>(what: string, sql: string, params: unknown[] = []): Promise<R[]> {
    return guarded(what, async () => (await this.pool.query<R>(sql, params)).rows);
  }

  async ensure(): Promise<void> {
    const schema = this.table.slice(0, this.table.lastIndexOf("."));
    await guarded("creating the job table", async () => {
      const client = await this.pool.connect();
      try {
        await client.query("BEGIN");
        // Serialises concurrent ensure() calls (IF NOT EXISTS alone races on the catalog).
        await client.query("SELECT pg_advisory_xact_lock(7305937152)");
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
          id text PRIMARY KEY, kind text NOT NULL, status text NOT NULL, actor jsonb NOT NULL, actor_id text NOT NULL,
          purpose text NOT NULL, params jsonb NOT NULL, progress jsonb NOT NULL, result jsonb, error jsonb,
          cancel_requested boolean NOT NULL DEFAULT false, created_at text NOT NULL, started_at text, finished_at text)`);
        await client.query(`CREATE INDEX IF NOT EXISTS jobs_status ON ${this.table} (status, created_at)`);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  async createJob(job: JobRecord): Promise<void> {
    try {
      await this.pool.query(`INSERT INTO ${this.table} VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`, [
        job.id, job.kind, job.status, json(job.actor), job.actor.id, job.purpose, json(job.params), json(job.progress),
        job.result === undefined ? null : json(job.result), job.error === undefined ? null : json(job.error),
        job.cancelRequested, job.createdAt, job.startedAt ?? null, job.finishedAt ?? null,
      ]);
    } catch (e) {
      if ((e as { code?: string }).code === "23505") throw new VizierError("ALREADY_EXISTS", `job ${job.id} already exists`);
      throw storeError(e, "creating a job");
    }
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    const rows = await this.q<JobRow>("reading a job", `SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0] ? toJob(rows[0]) : undefined;
  }

  async listJobs(q: JobQuery): Promise<JobRecord[]> {
    const rows = await this.q<JobRow>("listing jobs",
      `SELECT * FROM ${this.table} WHERE ($1::text IS NULL OR actor_id = $1) AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`, [q.actor ?? null, q.status ?? null, q.limit, q.offset ?? 0]);
    return rows.map(toJob);
  }

  async queuedJobs(limit: number): Promise<JobRecord[]> {
    return (await this.q<JobRow>("listing queued jobs", `SELECT * FROM ${this.table} WHERE status = 'queued' ORDER BY created_at, id LIMIT $1`, [limit])).map(toJob);
  }

  async updateJob(id: string, patch: JobPatch): Promise<JobRecord> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (col: string, v: unknown) => { params.push(v); sets.push(`${col} = $${params.length}`); };
    if (patch.status !== undefined) set("status", patch.status);
    if (patch.progress !== undefined) set("progress", json(patch.progress));
    if (patch.result !== undefined) set("result", json(patch.result));
    if (patch.error !== undefined) set("error", json(patch.error));
    if (patch.cancelRequested !== undefined) set("cancel_requested", patch.cancelRequested);
    if (patch.startedAt !== undefined) set("started_at", patch.startedAt);
    if (patch.finishedAt !== undefined) set("finished_at", patch.finishedAt);
    const rows = sets.length === 0
      ? await this.q<JobRow>("reading a job", `SELECT * FROM ${this.table} WHERE id = $1`, params)
      : await this.q<JobRow>("updating a job", `UPDATE ${this.table} SET ${sets.join(", ")} WHERE id = $1 RETURNING *`, params);
    if (!rows[0]) throw new VizierError("NOT_FOUND", `job ${id} does not exist`);
    return toJob(rows[0]);
  }

  async claimJob(id: string, at: string): Promise<boolean> {
    const rows = await this.q<{ id: string }>("claiming a job",
      `UPDATE ${this.table} SET status = 'running', started_at = $2 WHERE id = $1 AND status = 'queued' RETURNING id`, [id, at]);
    return rows.length === 1;
  }

  async failRunning(at: string, error: { code: string; message: string }): Promise<string[]> {
    const rows = await this.q<{ id: string }>("recovering jobs",
      `UPDATE ${this.table} SET status = 'failed', finished_at = $1, error = $2 WHERE status = 'running' RETURNING id`, [at, json(error)]);
    return rows.map((r) => r.id).sort();
  }
}
