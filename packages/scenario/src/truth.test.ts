import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateScenario } from "./generate";
import { readRows, readTruth, recordId } from "./test-read";

const out = mkdtempSync(join(tmpdir(), "vizier-scenario-truth-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const { manifest } = generateScenario({ seed: 42, scale: 0.3, out });
const ids = readTruth(out, "identities.csv");
const laundering = readTruth(out, "laundering.csv");
const players = readTruth(out, "key-players.csv");

/** Real entities that share a record are linked; the planted network is this graph. */
function recordGraph(): Map<string, Set<string>> {
  const byRecord = new Map<string, Set<string>>();
  for (const r of ids) {
    const k = `${r["file"]}\u0000${r["record"]}`;
    (byRecord.get(k) ?? byRecord.set(k, new Set()).get(k)!).add(r["entity"] ?? "");
  }
  const g = new Map<string, Set<string>>();
  for (const members of byRecord.values()) for (const a of members) for (const b of members) if (a !== b) (g.get(a) ?? g.set(a, new Set()).get(a)!).add(b);
  return g;
}

function path(g: Map<string, Set<string>>, from: string, to: string, avoid: ReadonlySet<string>): string[] | undefined {
  const prev = new Map<string, string>([[from, ""]]);
  const queue = [from];
  while (queue.length) {
    const x = queue.shift()!;
    if (x === to) {
      const p = [x];
      for (let y = prev.get(x)!; y; y = prev.get(y)!) p.unshift(y);
      return p;
    }
    for (const y of g.get(x) ?? []) if (!prev.has(y) && !avoid.has(y)) { prev.set(y, x); queue.push(y); }
  }
  return undefined;
}

describe("ground truth", () => {
  it("refers only to records that exist in the generated files", () => {
    const files = new Map(manifest.files.map((f) => [f.file, new Set(readRows(out, f).map((r) => recordId(f, r)))]));
    expect(ids.length).toBeGreaterThan(1000);
    const missing = ids.filter((r) => !files.get(r["file"] ?? "")?.has(r["record"] ?? ""));
    expect(missing.slice(0, 5)).toEqual([]);
    const fiu = manifest.files.find((f) => f.dataset === "fiu")!;
    const txs = files.get(fiu.file)!;
    expect(laundering.length).toBeGreaterThan(20);
    expect(laundering.filter((r) => !txs.has(r["transaction"] ?? ""))).toEqual([]);
  });

  it("has one row per record and role, and record ids unique within each file", () => {
    const keys = ids.map((r) => `${r["file"]}|${r["record"]}|${r["role"]}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of manifest.files) {
      const rows = readRows(out, f).map((r) => recordId(f, r));
      expect(new Set(rows).size, f.file).toBe(rows.length);
    }
  });

  it("names key players that appear in the files, the organiser first", () => {
    const seen = new Set(ids.map((r) => r["entity"]));
    expect(players[0]?.["entity"]).toBe("X-BOSS");
    for (const p of players) expect(seen.has(p["entity"]), p["entity"]).toBe(true);
  });

  it("plants every laundering typology the issue names, several transactions each", () => {
    const byPattern = new Map<string, number>();
    for (const r of laundering) byPattern.set(r["pattern"] ?? "", (byPattern.get(r["pattern"] ?? "") ?? 0) + 1);
    for (const p of ["structuring", "scatter_gather", "layering", "focus_country", "cycle"]) expect(byPattern.get(p) ?? 0, p).toBeGreaterThanOrEqual(3);
  });

  it("links the importer's nominee director to the Colombian supplier without going through the organiser", () => {
    const g = recordGraph();
    const p = path(g, "X-NOMINEE", "X-SUPPLIER", new Set(["X-BOSS"]));
    expect(p).toBeDefined();
    // nominee → importer (KvK) → exporter (customs) → … → supplier
    expect(p).toContain("X-IMPORTER");
    expect(p).toContain("X-EXPORTER");
  });

  it("connects every key player to the organiser within three records", () => {
    const g = recordGraph();
    for (const k of players) {
      const p = path(g, "X-BOSS", k["entity"] ?? "", new Set());
      expect(p, k["entity"]).toBeDefined();
      expect(p!.length - 1, k["entity"]).toBeLessThanOrEqual(3);
    }
  });

  it("spells the organiser in several ways across agencies (transliteration noise)", () => {
    const names = new Set<string>();
    for (const f of manifest.files) {
      const rows = new Map(readRows(out, f).map((r) => [recordId(f, r), r]));
      for (const t of ids.filter((r) => r["file"] === f.file && r["entity"] === "X-BOSS")) {
        const r = rows.get(t["record"] ?? "")!;
        const name = Object.entries(r).filter(([k]) => /naam|name|voornamen|achternaam|nombres|apellidos/.test(k)).map(([, v]) => v).join(" ");
        if (/amran/i.test(name)) names.add(name.replace(/\s+/g, " ").trim());
      }
    }
    expect(names.size).toBeGreaterThanOrEqual(4);
  });
});
