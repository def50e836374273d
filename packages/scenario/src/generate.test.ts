import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VizierError, cleanContainer, cleanIban } from "@vizier/model";
import { generateScenario } from "./generate";
import { readManifest } from "./manifest";
import { readRows } from "./test-read";

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
function gen(seed: number, scale: number) {
  const out = mkdtempSync(join(tmpdir(), "vizier-scenario-"));
  dirs.push(out);
  return { out, result: generateScenario({ seed, scale, out }) };
}

/** sha256 of every file under a folder, by relative path. */
function hashes(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else m.set(relative(dir, p), createHash("sha256").update(readFileSync(p)).digest("hex"));
    }
  };
  walk(dir);
  return m;
}

describe("generateScenario", () => {
  const a = gen(7, 0.2);
  const b = gen(7, 0.2);
  const c = gen(8, 0.2);

  it("writes byte-identical files for the same seed and scale", () => {
    const ha = hashes(a.out);
    expect(ha.size).toBeGreaterThan(20);
    expect([...hashes(b.out)]).toEqual([...ha]);
  });

  it("writes different data for another seed (every data file differs)", () => {
    const ha = hashes(a.out);
    const hc = hashes(c.out);
    expect([...hc.keys()].sort()).toEqual([...ha.keys()].sort());
    for (const f of a.result.manifest.files) expect(hc.get(f.file), f.file).not.toBe(ha.get(f.file));
  });

  it("lists every dataset and file in the manifest, with agencies from the sharing rules", () => {
    const m = readManifest(a.out);
    const rules = readFileSync(join(import.meta.dirname, "../../../config/sharing-rules.yml"), "utf8");
    const agencies = new Set([...rules.matchAll(/code: ([A-Z-]+), name:/g)].map((x) => x[1]));
    const handling = new Set([...rules.matchAll(/\{ code: ([A-Z0-9+]+), label:/g)].map((x) => x[1]));
    expect(new Set(m.datasets.map((d) => d.agency))).toEqual(new Set(["KVK", "POLITIE", "DOUANE", "FIOD", "FIU", "KMAR", "BE-FGP", "CO-DIJIN", "AE-REG"]));
    for (const d of m.datasets) {
      expect(agencies.has(d.agency), d.agency).toBe(true);
      expect(handling.has(d.handling), d.handling).toBe(true);
      expect(d.retention).toMatch(/^P\d+Y$/);
    }
    const names = new Set(m.datasets.map((d) => d.name));
    for (const f of m.files) {
      expect(names.has(f.dataset), f.file).toBe(true);
      expect(readRows(a.out, f)).toHaveLength(f.rows);
    }
    expect(new Set(m.files.map((f) => f.format))).toEqual(new Set(["csv", "tsv", "jsonl", "ftm"]));
    // Tabular files come with a mapping beside them; FtM entity files are ingested as they are.
    for (const f of m.files) expect(f.mapping !== undefined, f.file).toBe(f.format !== "ftm");
    expect(m.files.some((f) => f.encoding === "windows-1252")).toBe(true);
  });

  it("writes the Colombian file in Windows-1252 (é, ñ as single bytes)", () => {
    const f = a.result.manifest.files.find((x) => x.encoding === "windows-1252")!;
    const bytes = readFileSync(join(a.out, f.file));
    expect(bytes.includes(0xd1) || bytes.includes(0xc1) || bytes.includes(0xc9)).toBe(true); // Ñ, Á or É
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
  });

  it("grows linearly with the scale", () => {
    const small = gen(3, 0.5).result;
    const large = gen(3, 1).result;
    // The planted case is a fixed few hundred rows; the background doubles.
    const ratio = large.rows / small.rows;
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.05);
    expect(large.rows).toBeGreaterThan(20_000);
    expect(large.seconds).toBeLessThan(10);
  });

  it("writes identifiers with valid check digits (IBAN, ISO 6346 containers)", () => {
    const m = a.result.manifest;
    const fiu = readRows(a.out, m.files.find((f) => f.dataset === "fiu")!);
    for (const r of fiu.slice(0, 2000)) for (const k of ["betaler.iban", "begunstigde.iban"]) if (r[k]) expect(cleanIban(r[k]).ok, r[k]).toBe(true);
    const decl = readRows(a.out, m.files.find((f) => f.file === "douane/aangiften.csv")!);
    for (const r of decl) expect(cleanContainer(r["container_no"] ?? "").ok, r["container_no"]).toBe(true);
  });

  it("refuses a bad seed or scale with INVALID_ARGUMENT", () => {
    for (const o of [{ seed: -1, scale: 1 }, { seed: 1.5, scale: 1 }, { seed: 1, scale: 0 }, { seed: 1, scale: Number.NaN }]) {
      let err: unknown;
      try { generateScenario({ ...o, out: join(tmpdir(), "never-written") }); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(VizierError);
      expect((err as VizierError).code).toBe("INVALID_ARGUMENT");
    }
  });
});
