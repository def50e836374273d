import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScenario } from "./generate";
import { ingestScenario, type Ingested } from "./test-ingest";

// Every generated file through the real pipeline (readers, mappings, model normalisation) into a
// real SQLite store. The generator makes no deliberately bad rows, so nothing may be quarantined.
const out = mkdtempSync(join(tmpdir(), "vizier-scenario-ingest-"));
const { manifest } = generateScenario({ seed: 11, scale: 0.25, out });
let ing: Ingested;
beforeAll(async () => { ing = await ingestScenario(out); }, 120_000);
afterAll(async () => { await ing?.cleanup(); rmSync(out, { recursive: true, force: true }); });

describe("ingesting a generated scenario", () => {
  it("reads every row of every file, quarantines none and finds no conflicting values", () => {
    expect(ing.reports.map((r) => r.file)).toEqual(manifest.files.map((f) => f.file));
    for (const { file, report } of ing.reports) {
      const f = manifest.files.find((x) => x.file === file)!;
      expect(report.rowsRead, file).toBe(f.rows);
      expect(report.rowsQuarantined, file).toBe(0);
      expect(report.rowsFiltered, file).toBe(0);
      expect(report.conflicts, file).toBe(0);
      expect(report.statements, file).toBeGreaterThan(f.rows);
    }
  });

  it("detects each file's own format and encoding (the Colombian file is Windows-1252)", () => {
    for (const { file, report } of ing.reports) {
      const f = manifest.files.find((x) => x.file === file)!;
      expect(report.format, file).toBe(f.format === "tsv" ? "csv" : f.format);
      expect(report.encoding.toLowerCase().replace(/^cp/, "windows-"), file).toBe(f.encoding);
    }
  });

  it("stores every dataset of every agency", async () => {
    const stats = await ing.store.stats();
    expect(stats.datasets).toBe(manifest.datasets.length);
    expect(stats.entities).toBeGreaterThan(5000);
    expect(await ing.store.listQuarantine({ limit: 10 })).toEqual([]);
  });
});
