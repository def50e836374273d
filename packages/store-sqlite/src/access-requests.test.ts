import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { runAccessRequestContract } from "@vizier/core/testing";
import { SqliteStore } from "./store";

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

runAccessRequestContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vizier-access-"));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  await store.init();
  return {
    store, access: store.accessRequests,
    reopen: async () => {
      const other = new SqliteStore(dir);
      await other.init();
      return { store: other, access: other.accessRequests };
    },
  };
});
