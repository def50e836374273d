import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleMissing, tempDir, vizier } from "../test/harness";

describe.skipIf(Boolean(bundleMissing))("vizier generate", () => {
  it("writes the scenario with a progress line per file and the same bytes for the same seed", () => {
    const dir = tempDir();
    const a = vizier(["generate", "--seed", "5", "--scale", "0.1", "--out", join(dir, "a")]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/generate: politie\/personen\.csv \(politie-bvh\): [\d,]+ rows/);
    expect(a.stdout).toContain("Ground truth:");
    const b = vizier(["generate", "--seed", "5", "--scale", "0.1", "--out", join(dir, "b"), "--json"]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toBe("");
    const out = JSON.parse(b.stdout) as { rows: number; files: { file: string; rows: number }[] };
    expect(out.files.length).toBeGreaterThanOrEqual(13);
    expect(out.rows).toBe(out.files.reduce((n, f) => n + f.rows, 0));
    for (const f of ["manifest.yml", "fiu/ongebruikelijke-transacties.jsonl", "truth/identities.csv"]) {
      expect(readFileSync(join(dir, "b", f)).equals(readFileSync(join(dir, "a", f))), f).toBe(true);
    }
  });

  it("refuses a bad seed or scale with exit code 2", () => {
    const dir = tempDir();
    for (const args of [["--scale", "0"], ["--scale", "many"], ["--seed", "-3"], ["--seed", "1.5"]]) {
      const r = vizier(["generate", ...args, "--out", dir]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/INVALID_ARGUMENT: --(seed|scale)/);
    }
  });

  it("explains itself with examples", () => {
    const r = vizier(["generate", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("--scale");
  });
});
