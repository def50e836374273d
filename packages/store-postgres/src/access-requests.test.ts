import { afterAll, beforeAll } from "vitest";
import { runAccessRequestContract } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// The shared access-request contract (same suite as SQLite); a fresh schema per test.
const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;
let n = 0;

beforeAll(async () => {
  if (server.url) db = await createTestDatabase(server.url, "vz_access");
});
afterAll(async () => { await db?.drop(); });

runAccessRequestContract("postgres", async () => {
  if (!db) throw new Error("no test database");
  const opts = { url: db.url, schema: `a${++n}`, maxConnections: 4 };
  const store = new PostgresStore(opts);
  await store.init();
  return {
    store, access: store.accessRequests,
    reopen: async () => {
      const other = new PostgresStore(opts);
      await other.init();
      return { store: other, access: other.accessRequests };
    },
  };
}, server.url ? {} : { skip: server.reason });
