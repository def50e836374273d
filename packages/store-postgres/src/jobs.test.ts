import { afterAll, beforeAll } from "vitest";
import { runJobsContract } from "@vizier/core/testing";
import { PgJobs } from "./jobs";
import { createTestDatabase, pgServer } from "./test-db";

// The shared JobsPort contract (same suite as SQLite); a fresh schema per test.
const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;
let n = 0;

beforeAll(async () => {
  if (server.url) db = await createTestDatabase(server.url, "vz_jobs");
});
afterAll(async () => { await db?.drop(); });

runJobsContract("postgres", async () => {
  if (!db) throw new Error("no test database");
  const opts = { url: db.url, schema: `j${++n}` };
  const open = async () => { const j = new PgJobs(opts); await j.ensure(); return j; };
  return { jobs: await open(), reopen: open };
}, server.url ? {} : { skip: server.reason });
