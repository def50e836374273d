/**
 * Test support: the same scenario on both real stores — SQLite in a temporary folder and the
 * PostgreSQL server the vitest global setup starts (a fresh schema per store). Not for production code.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Services, StorePort } from "@vizier/core";
import { TEST_SHARING } from "@vizier/core/testing";
import { defaultModel } from "@vizier/model";
import { seed } from "./scenario";
import { PostgresStore } from "@vizier/store-postgres";
import { SqliteStore } from "@vizier/store-sqlite";
import { createTestDatabase, pgServer } from "../../../store-postgres/src/test-db";

export interface StoreCase {
  label: string;
  skip: string | undefined;
  make(): Promise<StorePort>;
}

/** Registers setup/teardown and returns one case per store kind. Call at the top of a test file. */
export function storeCases(prefix: string): StoreCase[] {
  const dirs: string[] = [];
  const server = pgServer();
  let db: { url: string; drop: () => Promise<void> } | undefined;
  let n = 0;
  beforeAll(async () => {
    if (server.url) db = await createTestDatabase(server.url, prefix);
  });
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await db?.drop();
  });
  return [
    {
      label: "sqlite",
      skip: undefined,
      make: async () => {
        const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
        dirs.push(dir);
        const s = new SqliteStore(dir);
        await s.init();
        return s;
      },
    },
    {
      label: "postgres",
      skip: server.url ? undefined : server.reason,
      make: async () => {
        if (!db) throw new Error("no test database");
        const s = new PostgresStore({ url: db.url, schema: `a${++n}`, maxConnections: 2 });
        await s.init();
        return s;
      },
    },
  ];
}

/** Runs `fn` on a fresh store of this kind seeded with the two-agency scenario, then closes it. */
export async function withSeededStore(c: StoreCase, fn: (svc: Services) => Promise<void>): Promise<void> {
  const store = await c.make();
  try {
    await seed(store);
    await fn({ store, model: defaultModel(), sharing: TEST_SHARING });
  } finally {
    await store.close();
  }
}
