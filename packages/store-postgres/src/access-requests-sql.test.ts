import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decide, scopeAllows, type Grant } from "@vizier/core";
import { ctxFor, systemCtx, TEST_SHARING, testDataset } from "@vizier/core/testing";
import { grantScopeCondition } from "./access-requests-sql";
import { createTestDatabase, pgServer } from "./test-db";

const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;
beforeAll(async () => { if (server.url) db = await createTestDatabase(server.url, "vz_grantsql"); });
afterAll(async () => { await db?.drop(); });

describe.skipIf(!server.url)("PostgreSQL grant-aware scope condition", () => {
  const datasets = [testDataset("a-data", "A"), testDataset("c-data", "C")];
  const grant: Grant = { requestId: "ar-1", requester: "user-B", dataset: "c-data", entityIds: ["e1"], purpose: "case:TEST-1" };
  const rows = ["a-data", "c-data"].flatMap((dataset) => ["GREEN", "RED"].flatMap((handling) => ["e1", "e2"].map((entity_id) => ({ dataset, handling, entity_id }))));
  const key = (r: { dataset: string; handling: string; entity_id: string }) => `${r.dataset}|${r.handling}|${r.entity_id}`;

  it("selects exactly the rows scopeAllows allows", async () => {
    const c = new pg.Client({ connectionString: db!.url });
    await c.connect();
    try {
      await c.query("CREATE TABLE t (dataset text, handling text, entity_id text)");
      for (const r of rows) await c.query("INSERT INTO t VALUES ($1, $2, $3)", [r.dataset, r.handling, r.entity_id]);
      const scopes = [decide(ctxFor("B"), TEST_SHARING, datasets, [grant]), decide(ctxFor("B"), TEST_SHARING, datasets), decide(ctxFor("C"), TEST_SHARING, datasets), decide(systemCtx(), TEST_SHARING, datasets)];
      for (const scope of scopes) {
        const cond = grantScopeCondition(scope, "t", 1);
        const got = (await c.query<{ dataset: string; handling: string; entity_id: string }>(`SELECT * FROM t WHERE ${cond.sql}`, cond.params)).rows.map(key).sort();
        expect(got).toEqual(rows.filter((r) => scopeAllows(scope, r.dataset, r.handling, r.entity_id)).map(key).sort());
      }
    } finally {
      await c.end();
    }
  });
});
