import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import type { JobRecord, JobsPort } from "../ports/jobs";

const actor = (id: string): JobRecord["actor"] => ({ id, kind: "user", agency: "A", roles: ["analyst"], cases: ["case:T-1"] });

function job(id: string, createdAt: string, extra: Partial<JobRecord> = {}): JobRecord {
  return {
    id, kind: "ingest", status: "queued", actor: actor("ann"), purpose: "case:T-1", params: { dataset: "police", file: "a.csv" },
    progress: {}, cancelRequested: false, createdAt, ...extra,
  };
}

/**
 * The contract every JobsPort adapter passes (SQLite and PostgreSQL run the same suite).
 * `make` returns a fresh, empty, ensured job table; `reopen` a second handle on the same table.
 */
export function runJobsContract(label: string, make: () => Promise<{ jobs: JobsPort; reopen: () => Promise<JobsPort> }>, opts: { skip?: string } = {}): void {
  describe.skipIf(Boolean(opts.skip))(`jobs contract: ${label}${opts.skip ? ` (skipped: ${opts.skip})` : ""}`, () => {
    let jobs: JobsPort;
    let reopen: () => Promise<JobsPort>;
    beforeEach(async () => { ({ jobs, reopen } = await make()); });
    afterEach(async () => { await jobs.close(); });

    it("stores a job and reads it back unchanged, from another handle too", async () => {
      const j = job("j1", "2026-01-01T00:00:00.000Z", { params: { dataset: "police", nested: { n: 1, s: "ü\"'" } } });
      await jobs.ensure();
      await jobs.createJob(j);
      expect(await jobs.getJob("j1")).toEqual(j);
      const other = await reopen();
      expect(await other.getJob("j1")).toEqual(j);
      expect(await other.getJob("nope")).toBeUndefined();
      await other.close();
      await expect(jobs.createJob(j)).rejects.toSatisfy((e: unknown) => isVizierError(e, "ALREADY_EXISTS"));
    });

    it("lists newest first, filters by actor and status, pages", async () => {
      await jobs.createJob(job("a", "2026-01-01T00:00:01.000Z"));
      await jobs.createJob(job("b", "2026-01-01T00:00:02.000Z", { actor: actor("bob") }));
      await jobs.createJob(job("c", "2026-01-01T00:00:03.000Z", { status: "failed" }));
      expect((await jobs.listJobs({ limit: 10 })).map((j) => j.id)).toEqual(["c", "b", "a"]);
      expect((await jobs.listJobs({ limit: 10, actor: "ann" })).map((j) => j.id)).toEqual(["c", "a"]);
      expect((await jobs.listJobs({ limit: 10, status: "queued" })).map((j) => j.id)).toEqual(["b", "a"]);
      expect((await jobs.listJobs({ limit: 1, offset: 1 })).map((j) => j.id)).toEqual(["b"]);
      expect((await jobs.queuedJobs(10)).map((j) => j.id)).toEqual(["a", "b"]);
    });

    it("claims a queued job once", async () => {
      await jobs.createJob(job("a", "2026-01-01T00:00:01.000Z"));
      const other = await reopen();
      const [x, y] = await Promise.all([jobs.claimJob("a", "2026-01-01T00:01:00.000Z"), other.claimJob("a", "2026-01-01T00:01:00.000Z")]);
      await other.close();
      expect([x, y].filter(Boolean)).toHaveLength(1);
      const a = await jobs.getJob("a");
      expect(a?.status).toBe("running");
      expect(a?.startedAt).toBe("2026-01-01T00:01:00.000Z");
      expect(await jobs.claimJob("a", "2026-01-01T00:02:00.000Z")).toBe(false);
      expect(await jobs.claimJob("missing", "2026-01-01T00:02:00.000Z")).toBe(false);
    });

    it("updates only the fields given", async () => {
      await jobs.createJob(job("a", "2026-01-01T00:00:01.000Z"));
      const u = await jobs.updateJob("a", { progress: { rows: 5 }, cancelRequested: true });
      expect(u.progress).toEqual({ rows: 5 });
      expect(u.cancelRequested).toBe(true);
      expect(u.status).toBe("queued");
      const done = await jobs.updateJob("a", { status: "succeeded", result: { rows: 10 }, finishedAt: "2026-01-01T00:05:00.000Z" });
      expect(done).toEqual({ ...job("a", "2026-01-01T00:00:01.000Z"), progress: { rows: 5 }, cancelRequested: true, status: "succeeded", result: { rows: 10 }, finishedAt: "2026-01-01T00:05:00.000Z" });
      expect(await jobs.updateJob("a", {})).toEqual(done);
      await expect(jobs.updateJob("nope", { status: "failed" })).rejects.toSatisfy((e: unknown) => isVizierError(e, "NOT_FOUND"));
    });

    it("fails jobs left running (restart recovery) and leaves the others", async () => {
      await jobs.createJob(job("q", "2026-01-01T00:00:01.000Z"));
      await jobs.createJob(job("r1", "2026-01-01T00:00:02.000Z", { status: "running", startedAt: "2026-01-01T00:00:03.000Z" }));
      await jobs.createJob(job("r2", "2026-01-01T00:00:04.000Z", { status: "running" }));
      await jobs.createJob(job("s", "2026-01-01T00:00:05.000Z", { status: "succeeded" }));
      const err = { code: "CANCELLED", message: "server stopped" };
      expect(await jobs.failRunning("2026-01-01T01:00:00.000Z", err)).toEqual(["r1", "r2"]);
      const r1 = await jobs.getJob("r1");
      expect(r1).toMatchObject({ status: "failed", error: err, finishedAt: "2026-01-01T01:00:00.000Z", startedAt: "2026-01-01T00:00:03.000Z" });
      expect((await jobs.getJob("q"))?.status).toBe("queued");
      expect((await jobs.getJob("s"))?.status).toBe("succeeded");
      expect(await jobs.failRunning("2026-01-01T02:00:00.000Z", err)).toEqual([]);
    });

    it("ensure is idempotent and keeps jobs", async () => {
      await jobs.createJob(job("a", "2026-01-01T00:00:01.000Z"));
      await jobs.ensure();
      const other = await reopen();
      await other.ensure();
      expect((await other.listJobs({ limit: 5 })).map((j) => j.id)).toEqual(["a"]);
      await other.close();
    });
  });
}
