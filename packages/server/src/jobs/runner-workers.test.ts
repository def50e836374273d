import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCtx, userActor } from "@vizier/core";
import { makeFixture, MAPPING, type Fixture } from "../test/fixture";
import { JobRunner } from "./runner";

// With `vizier serve --workers`, the process that answers a poll or a cancel is often not the one
// running the job. Two runners over one job table stand in for two worker processes: only the
// table connects them.
let f: Fixture;
beforeEach(async () => { f = await makeFixture(); });
afterEach(async () => { await f.close(); });
const ctx = makeCtx(userActor("ann", "A", ["analyst"]), "case:TEST-1");

describe("job runner across worker processes", () => {
  it("shows the running job's progress to another process and lets it cancel the job", async () => {
    const uploadDir = join(f.dir, "uploads");
    const running = new JobRunner(f.svc, f.jobs, { uploadDir, heartbeatMs: 20 });
    const other = new JobRunner(f.svc, f.jobs, { uploadDir });
    const before = (await f.svc.store.stats()).statements;
    const rows = Array.from({ length: 300_000 }, (_, i) => `${i},Person Number ${i}`).join("\n");
    const job = await running.submitIngest(ctx, { dataset: "police", fileName: "big.csv", bytes: Buffer.from(`id,name\n${rows}\n`), mapping: MAPPING });
    let seen = 0;
    for (let i = 0; i < 3000 && seen === 0; i++) {
      const j = await other.get(job.id);
      if (j?.status === "running") seen = Number(j.progress["rows"] ?? 0);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen).toBeGreaterThan(0);
    expect((await other.cancel(job.id)).cancelRequested).toBe(true);
    await running.idle();
    const done = await other.get(job.id);
    expect(done).toMatchObject({ status: "cancelled", error: { code: "CANCELLED" } });
    expect((await f.svc.store.stats()).statements).toBe(before);
    await running.stop();
  }, 60_000);
});
