import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleMissing, tempDir, vizier } from "../test/harness";

type DemoJson = {
  store: string; ingested: [string, string, number, number, number][]; stats: { datasets: number; entities: number };
  scenario: { seed: number; scale: number; generated: boolean }; users: Array<{ user: string; agency: string; oneTimePassword: string }>;
};

describe.skipIf(Boolean(bundleMissing))("vizier demo", () => {
  it("initialises a fresh store, generates the scenario and ingests every agency's files without quarantine", () => {
    const dir = join(tempDir(), "demo");
    const r = vizier(["demo", "--data-dir", dir, "--scale", "0.1", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/One-time password for admin/);
    const out = JSON.parse(r.stdout) as DemoJson;
    expect(out.scenario).toMatchObject({ seed: 2026, scale: 0.1, generated: true });
    expect(new Set(out.ingested.map((x) => x[1]))).toEqual(new Set(["KVK", "POLITIE", "DOUANE", "FIOD", "FIU", "KMAR", "BE-FGP", "CO-DIJIN", "AE-REG"]));
    for (const [dataset, , rows, quarantined, statements] of out.ingested) {
      expect(rows, dataset).toBeGreaterThan(0);
      expect(quarantined, dataset).toBe(0);
      expect(statements, dataset).toBeGreaterThan(rows);
    }
    expect(out.stats.datasets).toBe(10);
    expect(existsSync(join(dir, "scenario", "truth", "key-players.csv"))).toBe(true);

    // Run again: the scenario is reused and nothing is ingested twice.
    const again = vizier(["demo", "--data-dir", dir, "--scale", "0.1", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    const out2 = JSON.parse(again.stdout) as DemoJson;
    expect(out2.scenario.generated).toBe(false);
    expect(out2.ingested).toEqual(out.ingested);
    expect(out2.stats.entities).toBe(out.stats.entities);

    // Demo users of several agencies, each with a one-time password shown once, created once.
    expect(out.users.map((u) => u.agency).sort()).toEqual(["DOUANE", "FIOD", "FIU", "KMAR", "POLITIE"]);
    expect(out.users.every((u) => u.oneTimePassword.length >= 12)).toBe(true);
    expect(out2.users).toEqual([]);
    const fiu = vizier(["search", "Verdi Fresh", "--db", dir, "--as", "analist.fiu", "--purpose", "purpose:demo", "--json"]);
    expect(fiu.code, fiu.stderr).toBe(0);

    // What the police administrator may see: the importer in the public register and in customs data.
    const s = vizier(["search", "Verdi Fresh", "--db", dir, "--purpose", "purpose:demo", "--json"]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain("kvk");
    expect(s.stdout).toContain("douane");
  });

  it("ingests a folder made by `vizier generate` (--scenario) and prints the table and next steps", () => {
    const dir = tempDir();
    const g = vizier(["generate", "--scale", "0.05", "--seed", "9", "--out", join(dir, "sc"), "--quiet"]);
    expect(g.code, g.stderr).toBe(0);
    const r = vizier(["demo", "--scenario", join(dir, "sc"), "--db", join(dir, "store")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dataset\s+agency\s+rows\s+quarantined\s+statements/);
    expect(r.stdout).toContain("Try:");
    expect(r.stderr).toMatch(/ingest fiu\/ongebruikelijke-transacties\.jsonl: [\d,]+ rows, 0 quarantined/);
  });

  it("says where a missing scenario folder should come from (exit 4)", () => {
    const dir = tempDir();
    const r = vizier(["demo", "--scenario", join(dir, "nope"), "--db", join(dir, "store")]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("vizier generate");
  });
});
