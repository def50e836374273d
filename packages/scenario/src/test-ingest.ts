/** Test support: ingests a generated scenario into a real SQLite store through the normal pipeline. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDataset, makeCtx, parseSharingConfig, systemActor, type Services } from "@vizier/core";
import { ingestFile, type IngestReport } from "@vizier/core/ingest";
import { defaultModel } from "@vizier/model";
import { SqliteStore } from "@vizier/store-sqlite";
import { ingestSource, readManifest } from "./manifest";

const RULES = join(import.meta.dirname, "../../../config/sharing-rules.yml");

export interface Ingested {
  reports: { file: string; report: IngestReport }[];
  store: SqliteStore;
  svc: Services;
  cleanup(): Promise<void>;
}

export async function ingestScenario(dir: string, rules = RULES): Promise<Ingested> {
  const m = readManifest(dir);
  const storeDir = mkdtempSync(join(tmpdir(), "vizier-scenario-store-"));
  const store = new SqliteStore(storeDir);
  await store.init();
  const svc: Services = { store, model: defaultModel(), sharing: parseSharingConfig(readFileSync(rules, "utf8"), rules) };
  const ctx = makeCtx(systemActor("scenario-test", "POLITIE"), "purpose:test");
  for (const ds of m.datasets) await createDataset(ctx, svc, { ...ds, createdAt: "2026-11-01T00:00:00.000Z" });
  const reports: Ingested["reports"] = [];
  for (const f of m.files) {
    reports.push({ file: f.file, report: await ingestFile(ctx, svc, ingestSource(dir, f)) });
  }
  return { reports, store, svc, cleanup: async () => { await store.close(); rmSync(storeDir, { recursive: true, force: true }); } };
}
