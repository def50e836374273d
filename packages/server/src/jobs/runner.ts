import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeCtx, userActor, systemActor, type Ctx, type JobRecord, type JobsPort, type Services } from "@vizier/core";
import { ingestFile, readingOptions, type IngestOptions, type IngestProgress, type OpenOptions } from "@vizier/core/ingest";
import { isVizierError, VizierError } from "@vizier/model";
import type { FaultLogger } from "../errors";
import { DEFAULT_LIMITS } from "../limits";
import { runAnalytics, runResolve, type AnalyticsJobParams, type JobKind, type Progress, type ResolveJobParams } from "./kinds";

export const INGEST_FORMATS = ["csv", "xlsx", "jsonl", "ftm"] as const;

/** What an ingest job runs: the uploaded file and mapping as saved in the job's folder, and how to read the file. */
export interface IngestJobParams extends OpenOptions {
  dataset: string;
  fileName: string;
  file: string;
  mapping?: string;
}

export interface IngestUpload extends OpenOptions {
  dataset: string;
  fileName: string;
  bytes: Uint8Array;
  mapping?: string;
}

/** The message a job left running by a stopped server gets on the next start. */
export const INTERRUPTED = {
  code: "CANCELLED",
  message: "the server stopped while this job ran; nothing of it was stored (an ingest is all or nothing, a resolution run keeps the previous result) — submit it again",
};

/** Reduces an uploaded file name to a safe single path segment (keeps the extension the readers sniff). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "").slice(-120);
  return clean || "upload";
}

/**
 * Runs jobs from the durable job table, one at a time (a SQLite ingest holds the store's write
 * lock for its whole run, decision 0002). Live progress and cancellation of the running job are
 * held here; status and outcome are in the table, so they survive a restart. On start, jobs left
 * `running` by a stopped server are marked failed (nothing was stored: ingest is all or nothing),
 * and queued jobs are picked up again.
 */
export class JobRunner {
  private readonly live = new Map<string, { controller: AbortController; progress: Progress }>();
  private loop: Promise<void> | undefined;
  private wake = false;
  private stopped = false;
  private readonly now: () => Date;

  constructor(
    private readonly svc: Services,
    private readonly jobs: JobsPort,
    private readonly opts: { uploadDir: string; now?: () => Date; log?: FaultLogger; maxJobGraphEntities?: number; heartbeatMs?: number },
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  /**
   * Restart recovery, then work through the queue. Returns the ids of jobs marked failed. With
   * `recover: false` (a worker of `vizier serve --workers`, whose primary recovered before forking)
   * jobs other processes are running are left alone.
   */
  async start(opts: { recover?: boolean } = {}): Promise<string[]> {
    const failed = opts.recover === false ? [] : await this.recover();
    if (opts.recover === false) await this.jobs.ensure();
    this.kick();
    return failed;
  }

  /** Marks jobs left `running` by a stopped server failed and removes their uploads; returns their ids. */
  async recover(): Promise<string[]> {
    await this.jobs.ensure();
    const failed = await this.jobs.failRunning(this.now().toISOString(), INTERRUPTED);
    for (const id of failed) await this.removeUpload(id);
    return failed;
  }

  /** Stops taking jobs, cancels the running one and waits for it to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const l of this.live.values()) l.controller.abort();
    await this.loop;
  }

  /** Resolves when the queue is empty (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  /** Saves the upload in the job's folder and queues the job. */
  async submitIngest(ctx: Ctx, up: IngestUpload): Promise<JobRecord> {
    const id = randomUUID();
    const dir = join(this.opts.uploadDir, id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const params: IngestJobParams = { dataset: up.dataset, fileName: up.fileName, file: join(dir, safeFileName(up.fileName)), ...readingOptions(up) };
    await writeFile(params.file, up.bytes, { mode: 0o600 });
    if (up.mapping !== undefined) {
      params.mapping = join(dir, "mapping.yml");
      await writeFile(params.mapping, up.mapping, { mode: 0o600 });
    }
    const a = ctx.actor;
    const job: JobRecord = {
      id, kind: "ingest", status: "queued", purpose: ctx.purpose, params: { ...params }, progress: {}, cancelRequested: false,
      actor: { id: a.id, kind: a.kind, agency: a.agency, roles: [...a.roles], cases: [...a.cases] }, createdAt: this.now().toISOString(),
    };
    try {
      await this.jobs.createJob(job);
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    this.kick();
    return job;
  }

  /** Queues a resolution run of the submitter's view. */
  submitResolve(ctx: Ctx, params: ResolveJobParams): Promise<JobRecord> {
    return this.submit(ctx, "resolve", { ...params });
  }

  /** Queues a graph analytics job (metric ranking or communities) on the submitter's readable network. */
  submitAnalytics(ctx: Ctx, params: AnalyticsJobParams): Promise<JobRecord> {
    return this.submit(ctx, "analytics", { ...params });
  }

  private async submit(ctx: Ctx, kind: Exclude<JobKind, "ingest">, params: Record<string, unknown>): Promise<JobRecord> {
    const a = ctx.actor;
    const job: JobRecord = {
      id: randomUUID(), kind, status: "queued", purpose: ctx.purpose, params, progress: {}, cancelRequested: false,
      actor: { id: a.id, kind: a.kind, agency: a.agency, roles: [...a.roles], cases: [...a.cases] }, createdAt: this.now().toISOString(),
    };
    await this.jobs.createJob(job);
    this.kick();
    return job;
  }

  /** A job with the live progress of the running one. */
  async get(id: string): Promise<JobRecord | undefined> {
    const job = await this.jobs.getJob(id);
    const l = this.live.get(id);
    return job && l && job.status === "running" ? { ...job, progress: { ...l.progress } } : job;
  }

  list(q: Parameters<JobsPort["listJobs"]>[0]): Promise<JobRecord[]> {
    return this.jobs.listJobs(q);
  }

  /** Cancels a queued job at once, or asks the running one to stop; finished jobs stay as they are (CONFLICT). */
  async cancel(id: string): Promise<JobRecord> {
    const job = await this.jobs.getJob(id);
    if (!job) throw new VizierError("NOT_FOUND", `job ${id} does not exist`);
    if (job.status === "queued") {
      // Claim it first so the loop cannot start it between our read and write.
      if (await this.jobs.claimJob(id, this.now().toISOString())) {
        const done = await this.finish(id, "cancelled", { error: { code: "CANCELLED", message: "cancelled before it started" } });
        return done;
      }
      return this.cancel(id);
    }
    if (job.status === "running") {
      const l = this.live.get(id);
      // Running in another worker of `vizier serve --workers`: its heartbeat reads the flag (below).
      l?.controller.abort();
      return this.jobs.updateJob(id, { cancelRequested: true });
    }
    throw new VizierError("CONFLICT", `job ${id} has already ${job.status === "succeeded" ? "succeeded" : job.status === "failed" ? "failed" : "been cancelled"}`);
  }

  private kick(): void {
    this.wake = true;
    if (this.loop || this.stopped) return;
    this.loop = this.drain().finally(() => { this.loop = undefined; if (this.wake && !this.stopped) this.kick(); });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      this.wake = false;
      let next: JobRecord | undefined;
      try {
        next = (await this.jobs.queuedJobs(1))[0];
      } catch (e) {
        this.opts.log?.(randomUUID(), e);
        return;
      }
      if (!next) return;
      if (!(await this.jobs.claimJob(next.id, this.now().toISOString()).catch(() => false))) continue;
      await this.run(next);
    }
  }

  private async run(job: JobRecord): Promise<void> {
    const controller = new AbortController();
    const progress: Progress = job.kind === "ingest" ? { rows: 0, quarantined: 0, bytesRead: 0, bytesTotal: 0 } : {};
    this.live.set(job.id, { controller, progress });
    const beat = this.heartbeat(job.id, controller, progress);
    try {
      const ctx = makeCtx(jobActor(job), job.purpose, this.now);
      if (job.kind !== "ingest") {
        const result = job.kind === "resolve"
          ? await runResolve(ctx, this.svc, job.params as unknown as ResolveJobParams, controller.signal, progress)
          : job.kind === "analytics"
            ? await runAnalytics(ctx, this.svc, job.params as unknown as AnalyticsJobParams, this.opts.maxJobGraphEntities ?? DEFAULT_LIMITS.maxJobGraphEntities, controller.signal, progress)
            : undefined;
        if (!result) throw new VizierError("INVALID_ARGUMENT", `unknown job kind ${job.kind}`);
        await this.finish(job.id, "succeeded", { result, progress: { ...progress } });
        return;
      }
      const p = job.params as unknown as IngestJobParams;
      const opts: IngestOptions = {
        file: p.file, dataset: p.dataset, signal: controller.signal, ...readingOptions(p),
        onProgress: (x: IngestProgress) => Object.assign(progress, x),
      };
      if (p.mapping) opts.mapping = p.mapping;
      const report = await ingestFile(ctx, this.svc, opts);
      const { file: _path, ...rest } = report;
      await this.finish(job.id, "succeeded", { result: { ...rest, file: p.fileName }, progress: { ...progress } });
    } catch (e) {
      const cancelled = controller.signal.aborted || isVizierError(e, "CANCELLED");
      if (!isVizierError(e)) this.opts.log?.(job.id, e);
      const error = isVizierError(e) && e.code !== "INTERNAL"
        ? { code: e.code, message: e.message }
        : { code: "INTERNAL", message: "the job failed with an internal error; see the server log" };
      await this.finish(job.id, cancelled ? "cancelled" : "failed", { error, progress: { ...progress } }).catch((x: unknown) => this.opts.log?.(job.id, x));
    } finally {
      clearInterval(beat);
      this.live.delete(job.id);
    }
  }

  /**
   * While a job runs, its progress goes to the job table and a cancel request is read back from it
   * (`heartbeatMs`, default 1 s): with several server processes, a poll or a cancel may reach a
   * process other than the one running the job.
   */
  private heartbeat(id: string, controller: AbortController, progress: Progress): ReturnType<typeof setInterval> {
    let busy = false;
    const beat = setInterval(() => {
      if (busy) return;
      busy = true;
      this.jobs.updateJob(id, { progress: { ...progress } })
        .then((j) => { if (j.cancelRequested) controller.abort(); })
        // A missed beat (the store busy with a commit) is retried on the next one.
        .catch(() => undefined)
        .finally(() => { busy = false; });
    }, this.opts.heartbeatMs ?? 1000);
    beat.unref();
    return beat;
  }

  private async finish(id: string, status: "succeeded" | "failed" | "cancelled", patch: Partial<Pick<JobRecord, "result" | "error" | "progress">>): Promise<JobRecord> {
    const done = await this.jobs.updateJob(id, { ...patch, status, finishedAt: this.now().toISOString() });
    await this.removeUpload(id);
    return done;
  }

  /** Uploaded data is not kept once a job has ended (it is in the store, or it was refused). */
  private async removeUpload(id: string): Promise<void> {
    await rm(join(this.opts.uploadDir, id), { recursive: true, force: true });
  }
}

/** Rebuilds the submitter from the job record (a queued job may resume after a restart). */
function jobActor(job: JobRecord) {
  const a = job.actor;
  if (a.kind === "system") return systemActor(a.id.replace(/^system:/, ""), a.agency);
  return userActor(a.id, a.agency, a.roles as Parameters<typeof userActor>[2], a.cases);
}
