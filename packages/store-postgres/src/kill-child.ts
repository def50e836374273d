/**
 * Test helper run as a separate process by failure.test.ts: starts an ingest run and keeps
 * writing until it is killed (SIGKILL), to show a killed process leaves the store unchanged.
 *   node scripts/run-ts.mjs packages/store-postgres/src/kill-child.ts <url> <schema>
 */
import { makeStatementId, type Statement } from "@vizier/model";
import { PostgresStore } from "./store";

const [url, schema] = process.argv.slice(2);
const store = new PostgresStore({ url: url ?? "", schema: schema ?? "vizier", maxConnections: 1 });
const w = await store.beginWrite({ id: "r-killed", dataset: "police", file: "f.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" });
for (let b = 0; ; b++) {
  const batch: Statement[] = [];
  for (let i = 0; i < 1000; i++) {
    const entityId = `k${b}-${i}`;
    batch.push({
      id: makeStatementId(entityId, "id", entityId, "police"), entityId, schema: "Person", prop: "id", propType: "id", value: entityId, original: entityId,
      dataset: "police", agency: "A", legalBasis: "test", purpose: "test", handling: "GREEN", reliability: "B2", firstSeen: "2026-01-01T00:00:00.000Z",
      lastSeen: "2026-01-01T00:00:00.000Z", retentionUntil: "", runId: "r-killed", origin: `f.csv:${i}`,
    });
  }
  await w.writeStatements(batch);
  if (b === 2) await w.runEntities(); // flush the COPY once so rows are really in the stage
  if (b === 3) console.log("writing");
}
