import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runJobsContract } from "@vizier/core/testing";
import { jobsLocation, SqliteJobs } from "./jobs";

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

runJobsContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vizier-jobs-"));
  dirs.push(dir);
  const at = join(dir, "vizier.db");
  const open = async () => { const j = new SqliteJobs(at); await j.ensure(); return j; };
  return { jobs: await open(), reopen: open };
});

it("keeps the job file beside the store file", () => {
  expect(jobsLocation("/data/vizier.db")).toBe("/data/jobs.db");
  expect(jobsLocation("/data/cases.db")).toBe("/data/cases.jobs.db");
  expect(jobsLocation("/data/x.sqlite3")).toBe("/data/x.jobs.sqlite3");
});
