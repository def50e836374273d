import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { decide, scopeAllows, type Grant } from "@vizier/core";
import { ctxFor, systemCtx, TEST_SHARING, testDataset } from "@vizier/core/testing";
import { grantScopeFilter } from "./access-requests-sql";

describe("SQLite grant-aware scope filter", () => {
  const datasets = [testDataset("a-data", "A"), testDataset("c-data", "C")];
  const grant: Grant = { requestId: "ar-1", requester: "user-B", dataset: "c-data", entityIds: ["e1"], purpose: "case:TEST-1" };
  const rows = ["a-data", "c-data"].flatMap((dataset) => ["GREEN", "RED"].flatMap((handling) => ["e1", "e2"].map((entity_id) => ({ dataset, handling, entity_id }))));

  it("selects exactly the rows scopeAllows allows", () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (dataset TEXT, handling TEXT, entity_id TEXT)");
    const ins = db.prepare("INSERT INTO t VALUES (@dataset, @handling, @entity_id)");
    for (const r of rows) ins.run(r);
    for (const scope of [decide(ctxFor("B"), TEST_SHARING, datasets, [grant]), decide(ctxFor("B"), TEST_SHARING, datasets), decide(ctxFor("C"), TEST_SHARING, datasets), decide(systemCtx(), TEST_SHARING, datasets)]) {
      const f = grantScopeFilter(scope, "t");
      const got = db.prepare(`SELECT dataset, handling, entity_id FROM t WHERE ${f.sql} ORDER BY 1, 2, 3`).all(f.params);
      expect(got).toEqual(rows.filter((r) => scopeAllows(scope, r.dataset, r.handling, r.entity_id)).sort((a, b) =>
        `${a.dataset}${a.handling}${a.entity_id}`.localeCompare(`${b.dataset}${b.handling}${b.entity_id}`)));
    }
    db.close();
  });
});
