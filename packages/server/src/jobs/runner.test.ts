import { mkdirSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCtx, userActor } from "@vizier/core";
import { isVizierError } from "@vizier/model";
import { makeFixture, MAPPING, type Fixture } from "../test/fixture";
import { INTERRUPTED, JobRunner, safeFileName } from "./runner";


let f: Fixture;
beforeEach(async () => { f = await makeFixture(); });
afterEach(async () => { await f.close(); });
const ctx = makeCtx(userActor("ann", "A", ["analyst"]), "case:TEST-1");

describe("job runner", () => {
  it("runs an ingest job to success and removes the upload", async () => {
    const job = await f.runner.submitIngest(ctx, { dataset: "police", fileName: "people.csv", bytes: Buffer.from("id,name\n1,Piet Puk\n2,Kees Kaas\n"), mapping: MAPPING });
    await f.runner.idle();
    const done = await f.runner.get(job.id);
    expect(done).toMatchObject({ status: "succeeded", result: { rowsRead: 2, rowsOk: 2, file: "people.csv" } });
    expect(existsSync(join(f.dir, "uploads", job.id))).toBe(false);
  });

  it("marks a job failed with the pipeline's error code (bad mapping)", async () => {
    const job = await f.runner.submitIngest(ctx, { dataset: "police", fileName: "p.csv", bytes: Buffer.from("id,name\n1,x\n"), mapping: "query: [" });
    await f.runner.idle();
    const done = await f.runner.get(job.id);
    expect(done?.status).toBe("failed");
    expect(done?.error?.code).toBe("INVALID_MAPPING");
  });

  it("cancels a queued job; a finished job cannot be cancelled", async () => {
    await f.jobs.createJob({
      id: "queued-1", kind: "ingest", status: "queued", actor: { id: "ann", kind: "user", agency: "A", roles: ["analyst"], cases: [] }, purpose: "case:T",
      params: { dataset: "police", fileName: "x.csv", file: "/nonexistent/x.csv" }, progress: {}, cancelRequested: false, createdAt: "2026-01-01T00:00:00.000Z",
    });
    expect((await f.runner.cancel("queued-1")).status).toBe("cancelled");
    await expect(f.runner.cancel("queued-1")).rejects.toSatisfy((e: unknown) => isVizierError(e, "CONFLICT"));
    await expect(f.runner.cancel("nope")).rejects.toSatisfy((e: unknown) => isVizierError(e, "NOT_FOUND"));
  });

  it("cancels a running ingest; nothing is stored", async () => {
    const before = (await f.svc.store.stats()).statements;
    const rows = Array.from({ length: 300_000 }, (_, i) => `${i},Person Number ${i}`).join("\n");
    const job = await f.runner.submitIngest(ctx, { dataset: "police", fileName: "big.csv", bytes: Buffer.from(`id,name\n${rows}\n`), mapping: MAPPING });
    for (let i = 0; i < 2000; i++) {
      const j = await f.runner.get(job.id);
      if (j?.status === "running" && Number(j.progress["rows"] ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const c = await f.runner.cancel(job.id);
    expect(c.cancelRequested).toBe(true);
    await f.runner.idle();
    const done = await f.runner.get(job.id);
    expect(done?.status).toBe("cancelled");
    expect(done?.error?.code).toBe("CANCELLED");
    expect((await f.svc.store.stats()).statements).toBe(before);
  });

  it("on restart marks jobs left running as failed and resumes queued ones", async () => {
    const actor = { id: "ann", kind: "user" as const, agency: "A", roles: ["analyst"], cases: [] };
    await f.jobs.createJob({ id: "was-running", kind: "ingest", status: "running", actor, purpose: "case:T", params: { dataset: "police", fileName: "a.csv", file: "/gone/a.csv" }, progress: {}, cancelRequested: false, createdAt: "2026-01-01T00:00:00.000Z", startedAt: "2026-01-01T00:00:01.000Z" });
    const dir = join(f.dir, "uploads", "was-queued");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "q.csv"), "id,name\n9,Resumed Person\n");
    writeFileSync(join(dir, "mapping.yml"), MAPPING);
    await f.jobs.createJob({ id: "was-queued", kind: "ingest", status: "queued", actor, purpose: "case:T", params: { dataset: "police", fileName: "q.csv", file: join(dir, "q.csv"), mapping: join(dir, "mapping.yml") }, progress: {}, cancelRequested: false, createdAt: "2026-01-01T00:00:02.000Z" });
    const restarted = new JobRunner(f.svc, f.jobs, { uploadDir: join(f.dir, "uploads") });
    expect(await restarted.start()).toEqual(["was-running"]);
    await restarted.idle();
    expect(await f.jobs.getJob("was-running")).toMatchObject({ status: "failed", error: INTERRUPTED });
    expect(await f.jobs.getJob("was-queued")).toMatchObject({ status: "succeeded", result: { rowsOk: 1 } });
    await restarted.stop();
  });

  it("reduces uploaded names to one safe path segment", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("..\\..\\win.ini")).toBe("win.ini");
    expect(safeFileName("a b;rm -rf.csv")).toBe("a_b_rm_-rf.csv");
    expect(safeFileName("...")).toBe("upload");
    expect(safeFileName("")).toBe("upload");
  });
});
