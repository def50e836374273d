import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { runPolicyStoreProperty } from "@vizier/core/testing";
import { SqliteStore } from "./store";

// The policy property on the embedded store: a fresh SQLite file per generated world.
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

runPolicyStoreProperty("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vizier-policy-"));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  await store.init();
  return { store, access: store.accessRequests };
}, { runs: 60 });
