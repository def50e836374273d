/**
 * `vizier graph … --from-store` and `vizier flows … --from-store` through the real bundle: two
 * installations hold the same two datasets (police data of POLITIE, FIU-Nederland data under a
 * legal basis that the sharing rules do not let go to the police). Each sees only what it may.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "@vizier/store-sqlite";
import { ONLY_C, seed } from "../../../../analytics/src/testing/scenario";
import { bundleMissing, tempDir, vizier } from "../../test/harness";

const csv = (text: string): Record<string, string>[] => {
  const [head, ...rows] = text.trim().split("\n");
  const cols = (head ?? "").split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i] ?? String(i), v])));
};

describe.skipIf(Boolean(bundleMissing))(`vizier graph/flows --from-store${bundleMissing ? ` (skipped: ${bundleMissing})` : ""}`, () => {
  const root = tempDir("vizier-from-store-");
  const police = join(root, "police");
  const fiu = join(root, "fiu");
  const purpose = ["--purpose", "case:NL-2026-0042"];
  const config = join(root, "thresholds.json");

  beforeAll(async () => {
    for (const [dir, agency] of [[police, "POLITIE"], [fiu, "FIU"]] as const) {
      mkdirSync(dir, { recursive: true });
      const r = vizier(["init", "--db", dir, "--agency", agency]);
      expect(r.code, r.stderr).toBe(0);
      const store = new SqliteStore(dir);
      await store.init();
      await seed(store, { a: "POLITIE", c: "FIU", legalBasisC: "Wwft art. 12" });
      await store.close();
    }
    writeFileSync(config, JSON.stringify({ structuring: { minMedianRatio: 0 } }));
  });

  it("graph edges: the police viewer never sees FIU's edges or the person only FIU knows; FIU does", () => {
    const mine = vizier(["graph", "edges", "--from-store", "--db", police, ...purpose]);
    const theirs = vizier(["graph", "edges", "--from-store", "--db", fiu, ...purpose]);
    expect(mine.code, mine.stderr).toBe(0);
    expect(theirs.code, theirs.stderr).toBe(0);
    const m = csv(mine.stdout), t = csv(theirs.stdout);
    expect(t.some((e) => e["type"] === "Associate" && e["target"] === ONLY_C.person)).toBe(true);
    expect(m.some((e) => e["source"] === ONLY_C.person || e["target"] === ONLY_C.person)).toBe(false);
    expect(m.map((e) => e["type"])).not.toContain("Associate");
    expect(m.map((e) => e["type"])).not.toContain("Family");
    expect(m.find((e) => e["type"] === "Directorship")).toMatchObject({ source: "p1", target: "c1", source_label: "Anna Alfa" });
  });

  it("graph metrics on the store adds label and schema columns; the withheld node has no row", () => {
    const r = vizier(["graph", "metrics", "--from-store", "--metric", "degree", "--db", police, ...purpose]);
    expect(r.code, r.stderr).toBe(0);
    const rows = csv(r.stdout);
    expect(rows.find((x) => x["node"] === "p1")).toMatchObject({ label: "Anna Alfa", schema: "Person" });
    expect(rows.some((x) => x["node"] === ONLY_C.person)).toBe(false);
    const fiuRows = csv(vizier(["graph", "metrics", "--from-store", "--metric", "degree", "--db", fiu, ...purpose]).stdout);
    expect(fiuRows.some((x) => x["node"] === ONLY_C.person)).toBe(true);
  });

  it("graph paths and ego on the store accept a node's caption", () => {
    const r = vizier(["graph", "paths", "--from-store", "--from", "Anna Alfa", "--to", "Alpha Trading BV", "--db", police, ...purpose]);
    expect(r.code, r.stderr).toBe(0);
    expect(csv(r.stdout)).toEqual([{ rank: "1", length: "1", path: "p1>c1" }]);
    const ego = vizier(["graph", "ego", "--from-store", "--node", "Anna Alfa", "--db", police, ...purpose]);
    expect(csv(ego.stdout).map((e) => [e["source"], e["target"]])).toEqual([["p1", "c1"]]);
    expect(vizier(["graph", "ego", "--from-store", "--node", "Xavier Xray", "--db", police, ...purpose]).code).toBe(4);
  });

  it("refuses a store read without a purpose, and mixing a file with --from-store", () => {
    expect(vizier(["graph", "stats", "--from-store", "--db", police]).code).toBe(6);
    expect(vizier(["graph", "stats", "edges.csv", "--from-store", "--db", police, ...purpose]).code).toBe(2);
    expect(vizier(["graph", "stats", "--from-store", "--edge-types", "Nope", "--db", police, ...purpose]).code).toBe(2);
    expect(vizier(["flows", "aggregate", "--from-store", "--from", "a", "--db", police, ...purpose]).code).toBe(2);
    expect(vizier(["flows", "aggregate", "tx.csv", "--resolved", "--from", "a", "--to", "b", "--amount", "c", "--time", "d"]).code).toBe(2);
    // --resolved before any `vizier resolve` run for this view: says so and shows records unmerged
    const unresolved = vizier(["graph", "stats", "--from-store", "--resolved", "--db", police, ...purpose]);
    expect(unresolved.code, unresolved.stderr).toBe(0);
    expect(unresolved.stderr).toMatch(/no resolution results for your view/);
  });

  it("flows aggregate, trace and patterns: a withheld payment never appears", () => {
    const agg = vizier(["flows", "aggregate", "--from-store", "--period", "all", "--db", police, ...purpose]);
    expect(agg.code, agg.stderr).toBe(0);
    expect(csv(agg.stdout)).toEqual([{ source: "c1", target: "p2", period: "all", amount: "12000.00", count: "1", source_label: "Alpha Trading BV", target_label: "Bart Bravo" }]);
    const aggFiu = csv(vizier(["flows", "aggregate", "--from-store", "--period", "all", "--by", "account", "--db", fiu, ...purpose]).stdout);
    expect(aggFiu.some((l) => l["target"] === ONLY_C.person)).toBe(true);

    const tr = vizier(["flows", "trace", "--from-store", "--start", "Bart Bravo", "--direction", "backward", "--db", police, ...purpose]);
    expect(tr.code, tr.stderr).toBe(0);
    const paths = csv(tr.stdout);
    expect(paths.map((p) => p["transaction"])).toEqual(["pay-a1"]);
    const trFiu = csv(vizier(["flows", "trace", "--from-store", "--start", "acc1", "--db", fiu, ...purpose]).stdout);
    expect(trFiu.map((p) => p["transaction"])).toEqual(expect.arrayContaining(["pay-c1", "pay-c2", "pay-c3"]));

    const pat = vizier(["flows", "patterns", "--from-store", "--thresholds", config, "--db", police, ...purpose]);
    expect(pat.code, pat.stderr).toBe(0);
    for (const id of ONLY_C.payments) expect(pat.stdout).not.toContain(id);
    const patFiu = vizier(["flows", "patterns", "--from-store", "--thresholds", config, "--db", fiu, ...purpose]);
    expect(patFiu.stdout).toContain("structuring");
    expect(patFiu.stdout).toContain("pay-c1");
  });

  it("flows patterns on a file reads --config (or --thresholds) as the thresholds file", () => {
    const tx = join(root, "tx.csv");
    const bad = join(root, "bad.json");
    writeFileSync(tx, "from,to,amount,time\na,b,9500,2024-03-01\n");
    writeFileSync(bad, JSON.stringify({ noSuchSection: {} }));
    const cols = ["--from", "from", "--to", "to", "--amount", "amount", "--time", "time"];
    expect(vizier(["flows", "patterns", tx, ...cols, "--config", bad]).code).not.toBe(0);
    expect(vizier(["flows", "patterns", tx, ...cols, "--thresholds", bad]).code).not.toBe(0);
    expect(vizier(["flows", "patterns", tx, ...cols, "--thresholds", config]).code).toBe(0);
  });

  it("every store load is in the audit log with what it returned, and the chain verifies", () => {
    const q = (action: string) => {
      const r = vizier(["audit", "query", "--action", action, "--format", "csv", "--db", police]);
      expect(r.code, r.stderr).toBe(0);
      return csv(r.stdout);
    };
    expect(vizier(["graph", "stats", "--from-store", "--db", police, ...purpose]).code).toBe(0);
    expect(vizier(["flows", "aggregate", "--from-store", "--db", police, ...purpose]).code).toBe(0);
    const graphLoads = q("graph.load");
    expect(graphLoads.length).toBeGreaterThan(0);
    expect(graphLoads.every((r) => r["purpose"] === "case:NL-2026-0042")).toBe(true);
    const results = graphLoads.map((r) => r["results"] ?? "").join(" ");
    expect(results).toContain("p1");
    expect(results).not.toContain(ONLY_C.person);
    expect(q("flows.load").length).toBeGreaterThan(0);
    expect(vizier(["audit", "verify", "--db", police]).code).toBe(0);
  });
});
