import { dirname } from "node:path";
import { mkdirSync } from "node:fs";
import type Database from "better-sqlite3";
import { VizierError } from "@vizier/model";
import type { JobPatch, JobQuery, JobRecord, JobsPort, JobStatus } from "@vizier/core";
import { openConnection } from "./connection";
import { guard } from "./errors";
import { sideLocation } from "./side-file";

const DDL = `
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  params TEXT NOT NULL,
  progress TEXT NOT NULL,
  result TEXT,
  error TEXT,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status, created_at);
CREATE INDEX IF NOT EXISTS jobs_actor ON jobs (actor_id, created_at);
`;

interface JobRow {
  id: string; kind: string; status: string; actor: string; actor_id: string; purpose: string; params: string; progress: string;
  result: string | null; error: string | null; cancel_requested: number; created_at: string; started_at: string | null; finished_at: string | null;
}

function toJob(r: JobRow): JobRecord {
  const job: JobRecord = {
    id: r.id, kind: r.kind, status: r.status as JobStatus, actor: JSON.parse(r.actor) as JobRecord["actor"], purpose: r.purpose,
    params: JSON.parse(r.params) as Record<string, unknown>, progress: JSON.parse(r.progress) as Record<string, unknown>,
    cancelRequested: r.cancel_requested === 1, createdAt: r.created_at,
  };
  if (r.result !== null) job.result = JSON.parse(r.result) as Record<string, unknown>;
  if (r.error !== null) job.error = JSON.parse(r.error) as { code: string; message: string };
  if (r.started_at !== null) job.startedAt = r.started_at;
  if (r.finished_at !== null) job.finishedAt = r.finished_at;
  return job;
}

/** Where the jobs file of a store lives: `jobs.db` beside `vizier.db` (or `x.jobs.db` beside `x.db`). */
export function jobsLocation(storeLocation: string): string {
  return sideLocation(storeLocation, "jobs");
}

/**
 * The embedded store's job table. It lives in a file of its own beside the store (decision
 * 0004): an ingest run holds the store's write lock for its whole duration (decision 0002), and
 * job bookkeeping (submit, cancel, finish) must not wait for it.
 */
export class SqliteJobs implements JobsPort {
  readonly location: string;
  private db: Database.Database | undefined;

  /** `storeLocation` is the store's `vizier.db` path (SqliteStore#location). */
  constructor(storeLocation: string) {
    this.location = jobsLocation(storeLocation);
  }

  private get conn(): Database.Database {
    if (!this.db) throw new VizierError("STORE_UNAVAILABLE", "job table is not open (call ensure first)");
    return this.db;
  }

  async ensure(): Promise<void> {
    if (this.db) return;
    guard(this.location, () => {
      mkdirSync(dirname(this.location), { recursive: true });
      const db = openConnection(this.location, false);
      db.exec(DDL);
      this.db = db;
    });
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }

  async createJob(job: JobRecord): Promise<void> {
    try {
      this.conn.prepare("INSERT INTO jobs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)").run(
        job.id, job.kind, job.status, JSON.stringify(job.actor), job.actor.id, job.purpose, JSON.stringify(job.params), JSON.stringify(job.progress),
        job.result === undefined ? null : JSON.stringify(job.result), job.error === undefined ? null : JSON.stringify(job.error),
        job.cancelRequested ? 1 : 0, job.createdAt, job.startedAt ?? null, job.finishedAt ?? null,
      );
    } catch (e) {
      if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY") throw new VizierError("ALREADY_EXISTS", `job ${job.id} already exists`);
      throw guard(this.location, () => { throw e; });
    }
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    const r = guard(this.location, () => this.conn.prepare("SELECT * FROM jobs WHERE id = ?").get(id)) as JobRow | undefined;
    return r ? toJob(r) : undefined;
  }

  async listJobs(q: JobQuery): Promise<JobRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.actor !== undefined) { where.push("actor_id = ?"); params.push(q.actor); }
    if (q.status !== undefined) { where.push("status = ?"); params.push(q.status); }
    const sql = `SELECT * FROM jobs ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`;
    return (guard(this.location, () => this.conn.prepare(sql).all(...params, q.limit, q.offset ?? 0)) as JobRow[]).map(toJob);
  }

  async queuedJobs(limit: number): Promise<JobRecord[]> {
    return (guard(this.location, () => this.conn.prepare("SELECT * FROM jobs WHERE status = 'queued' ORDER BY created_at, id LIMIT ?").all(limit)) as JobRow[]).map(toJob);
  }

  async updateJob(id: string, patch: JobPatch): Promise<JobRecord> {
    const sets: string[] = [];
    const params: unknown[] = [];
    const set = (col: string, v: unknown) => { sets.push(`${col} = ?`); params.push(v); };
    if (patch.status !== undefined) set("status", patch.status);
    if (patch.progress !== undefined) set("progress", JSON.stringify(patch.progress));
    if (patch.result !== undefined) set("result", JSON.stringify(patch.result));
    if (patch.error !== undefined) set("error", JSON.stringify(patch.error));
    if (patch.cancelRequested !== undefined) set("cancel_requested", patch.cancelRequested ? 1 : 0);
    if (patch.startedAt !== undefined) set("started_at", patch.startedAt);
    if (patch.finishedAt !== undefined) set("finished_at", patch.finishedAt);
    const r = guard(this.location, () => sets.length === 0
      ? this.conn.prepare("SELECT * FROM jobs WHERE id = ?").get(id)
      : this.conn.prepare(`UPDATE jobs SET ${sets.join(", ")} WHERE id = ? RETURNING *`).get(...params, id)) as JobRow | undefined;
    if (!r) throw new VizierError("NOT_FOUND", `job ${id} does not exist`);
    return toJob(r);
  }

  async claimJob(id: string, at: string): Promise<boolean> {
    const r = guard(this.location, () => this.conn.prepare("UPDATE jobs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'").run(at, id));
    return r.changes === 1;
  }

  async failRunning(at: string, error: { code: string; message: string }): Promise<string[]> {
    const rows = guard(this.location, () => this.conn.prepare("UPDATE jobs SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running' RETURNING id")
      .all(at, JSON.stringify(error))) as Array<{ id: string }>;
    return rows.map((r) => r.id).sort();
  }
}
