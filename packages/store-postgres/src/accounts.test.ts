import { afterAll, beforeAll } from "vitest";
import { runAccountsContract } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// The shared accounts contract (same suite as SQLite): one database for this file, a fresh schema per test.
const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;
let n = 0;

beforeAll(async () => {
  if (server.url) db = await createTestDatabase(server.url, "vz_accounts");
});
afterAll(async () => { await db?.drop(); });

runAccountsContract("postgres", async () => {
  if (!db) throw new Error("no test database");
  const opts = { url: db.url, schema: `a${++n}`, maxConnections: 4 };
  const store = new PostgresStore(opts);
  await store.init();
  return { store, reopen: async () => { const other = new PostgresStore(opts); await other.init(); return other; } };
}, server.url ? {} : { skip: server.reason });
