/**
 * The jobs port: a durable table of long-running jobs (ingest today; resolution and analytics
 * later), so a job survives a server restart and its outcome can be looked up afterwards.
 * Adapters implement it in their own tables and pass core/testing/jobs-contract.ts. Plain
 * storage: running, cancelling and restart recovery live in the server's job runner.
 */

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Who submitted a job: enough to rebuild the actor when a queued job resumes after a restart. */
export interface JobActor {
  id: string;
  kind: "user" | "system";
  agency: string;
  roles: string[];
  cases: string[];
}

export interface JobRecord {
  id: string;
  /** What runs (e.g. `ingest`). */
  kind: string;
  status: JobStatus;
  actor: JobActor;
  purpose: string;
  /** Job parameters as the runner needs them (JSON-serialisable). */
  params: Record<string, unknown>;
  /** Last persisted progress (JSON-serialisable); live progress may be newer in the runner. */
  progress: Record<string, unknown>;
  /** The outcome of a succeeded job (e.g. the ingest report). */
  result?: Record<string, unknown>;
  /** Why a job failed or was cancelled: an error code from model/errors.ts and a message. */
  error?: { code: string; message: string };
  cancelRequested: boolean;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

/** Fields that may change; absent fields stay as they are. */
export interface JobPatch {
  status?: JobStatus;
  progress?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: string; message: string };
  cancelRequested?: boolean;
  startedAt?: string;
  finishedAt?: string;
}

export interface JobQuery {
  /** Only jobs submitted by this actor id. */
  actor?: string;
  status?: JobStatus;
  limit: number;
  offset?: number;
}

export interface JobsPort {
  /** Creates the tables when missing; idempotent. */
  ensure(): Promise<void>;
  /** Inserts a job; ALREADY_EXISTS when the id is taken. */
  createJob(job: JobRecord): Promise<void>;
  getJob(id: string): Promise<JobRecord | undefined>;
  /** Newest first (createdAt descending, then id). */
  listJobs(q: JobQuery): Promise<JobRecord[]>;
  /** Queued jobs, oldest first (the order a runner takes them). */
  queuedJobs(limit: number): Promise<JobRecord[]>;
  /** Updates a job; NOT_FOUND when it does not exist. Returns the updated record. */
  updateJob(id: string, patch: JobPatch): Promise<JobRecord>;
  /** Moves a queued job to running atomically; false when it was not queued (taken or cancelled). */
  claimJob(id: string, at: string): Promise<boolean>;
  /**
   * Marks every job still `running` as failed with the given error (restart recovery: the process
   * that ran it is gone). Returns the ids it changed.
   */
  failRunning(at: string, error: { code: string; message: string }): Promise<string[]>;
  /** Releases connections the adapter opened for itself. */
  close(): Promise<void>;
}
