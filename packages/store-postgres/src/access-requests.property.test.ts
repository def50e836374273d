import { afterAll, beforeAll } from "vitest";
import { runPolicyStoreProperty } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// The policy property on PostgreSQL: a fresh schema per generated world.
const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;
let n = 0;
beforeAll(async () => { if (server.url) db = await createTestDatabase(server.url, "vz_policy"); });
afterAll(async () => { await db?.drop(); });

runPolicyStoreProperty("postgres", async () => {
  if (!db) throw new Error("no test database");
  const store = new PostgresStore({ url: db.url, schema: `p${++n}`, maxConnections: 2 });
  await store.init();
  return { store, access: store.accessRequests };
}, { runs: 25, ...(server.url ? {} : { skip: server.reason }) });
