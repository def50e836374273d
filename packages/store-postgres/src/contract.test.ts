import { afterAll, beforeAll } from "vitest";
import { runStoreContract } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// The shared StorePort contract (same suite as SQLite). One database for this file, a fresh
// schema per test, so tests start empty without paying for CREATE DATABASE each time.
const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;
let n = 0;

beforeAll(async () => {
  if (server.url) db = await createTestDatabase(server.url, "vz_contract");
});
afterAll(async () => { await db?.drop(); });

runStoreContract("postgres", async () => {
  if (!db) throw new Error("no test database");
  const opts = { url: db.url, schema: `t${++n}`, maxConnections: 4 };
  const store = new PostgresStore(opts);
  await store.init();
  return {
    store,
    reopen: async () => {
      const other = new PostgresStore(opts);
      await other.init();
      return other;
    },
  };
}, server.url ? {} : { skip: server.reason });
