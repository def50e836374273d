import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it, vi } from "vitest";
import { isVizierError } from "@vizier/model";
import { registerGraph } from "../graph";

const dir = mkdtempSync(join(tmpdir(), "vizier-graph-cli-"));
const edges = join(dir, "edges.csv");
writeFileSync(edges, "source,target,weight\na,b,1\nb,c,2\nc,a,1\nc,d,5\nd,e,1\n");

async function run(...args: string[]): Promise<void> {
  const program = new Command("vizier").exitOverride();
  registerGraph(program);
  await program.parseAsync(["graph", ...args], { from: "user" });
}

async function codeOf(...args: string[]): Promise<string | undefined> {
  try { await run(...args); } catch (e) { return isVizierError(e) ? e.code : String(e); }
  return undefined;
}

const readCsv = (p: string): string[][] => readFileSync(p, "utf8").trim().split("\n").map((l) => l.split(","));

describe("vizier graph", () => {
  it("metrics writes node,value for every node", async () => {
    const out = join(dir, "deg.csv");
    await run("metrics", edges, "--metric", "degree", "--out", out);
    expect(readCsv(out)).toEqual([["node", "value"], ["a", "2"], ["b", "2"], ["c", "3"], ["d", "2"], ["e", "1"]]);
  });

  it("weighted betweenness reads weights as distances or, with strength, as 1/weight", async () => {
    const dist = join(dir, "bd.csv"), str = join(dir, "bs.csv");
    await run("metrics", edges, "--metric", "betweenness", "--weighted", "--out", dist);
    await run("metrics", edges, "--metric", "betweenness", "--weighted", "--weights-as", "strength", "--out", str);
    const b = (p: string, node: string) => Number(readCsv(p).find((r) => r[0] === node)?.[1]);
    // As distances, b–c (2) ties with b–a–c (1 + 1), so a lies on half of b's paths onward.
    // As strengths, b–c has length 1/2 and b–a–c length 2: a lies on no shortest path.
    expect(b(dist, "a")).toBeGreaterThan(0);
    expect(b(str, "a")).toBe(0);
    expect(b(dist, "c")).toBeGreaterThan(b(dist, "a"));
  });

  it("communities writes node,community and reports modularity", async () => {
    const out = join(dir, "comm.csv");
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    await run("communities", edges, "--method", "louvain", "--seed", "3", "--out", out);
    expect(readCsv(out)[0]).toEqual(["node", "community"]);
    expect(readCsv(out)).toHaveLength(6);
    expect(spy.mock.calls.flat().join(" ")).toMatch(/modularity/);
    spy.mockRestore();
  });

  it("disrupt writes the documented curve", async () => {
    const out = join(dir, "curve.csv");
    await run("disrupt", edges, "--strategy", "betweenness", "--mode", "block", "--block-size", "2", "--out", out);
    const rows = readCsv(out);
    expect(rows[0]).toEqual(["removed", "node", "lcc_size", "lcc_fraction", "efficiency", "components"]);
    expect(rows[1]?.slice(0, 4)).toEqual(["0", "", "5", "1"]);
    expect(rows[2]?.[0]).toBe("2");
    expect(rows[2]?.[1]).toBe("c;d");
  });

  it("stats prints JSON with the documented fields", async () => {
    const spy = vi.spyOn(console, "log").mockImplementation(() => {});
    await run("stats", edges);
    const stats = JSON.parse(spy.mock.calls[0]?.[0] as string) as Record<string, number>;
    spy.mockRestore();
    expect(stats).toMatchObject({ nodes: 5, edges: 5, weak_components: 1, largest_weak_component: 5, max_in_degree: 3 });
    expect(stats.density).toBeCloseTo(0.5, 15);
  });

  it("rejects bad flags and inputs with typed errors", async () => {
    expect(await codeOf("metrics", edges, "--metric", "fame")).toBe("INVALID_ARGUMENT");
    expect(await codeOf("metrics", edges, "--metric", "degree", "--weights-as", "strength")).toBe("INVALID_ARGUMENT");
    expect(await codeOf("disrupt", edges, "--strategy", "betweenness", "--tie-break", "coin")).toBe("INVALID_ARGUMENT");
    expect(await codeOf("disrupt", edges, "--strategy", "list", "--nodes", "zz")).toBe("NOT_FOUND");
    expect(await codeOf("metrics", join(dir, "missing.csv"), "--metric", "degree")).toBe("INVALID_INPUT");
    const unweighted = join(dir, "plain.txt");
    writeFileSync(unweighted, "a b\nb c\n");
    expect(await codeOf("metrics", unweighted, "--metric", "strength", "--weighted")).toBe("INVALID_ARGUMENT");
    expect(existsSync(join(dir, "never.csv"))).toBe(false);
  });
});

describe("vizier graph paths and ego", () => {
  it("lists all shortest paths, and the k shortest with --k", async () => {
    const out = join(dir, "paths.csv");
    await run("paths", edges, "--from", "a", "--to", "e", "--out", out);
    expect(readCsv(out)).toEqual([["rank", "length", "path"], ["1", "3", "a>c>d>e"]]);
    await run("paths", edges, "--from", "b", "--to", "d", "--k", "2", "--weighted", "--out", out);
    expect(readCsv(out)).toEqual([["rank", "length", "path"], ["1", "7", "b>c>d"], ["2", "7", "b>a>c>d"]]);
  });
  it("writes the ego network's edges", async () => {
    const out = join(dir, "ego.csv");
    await run("ego", edges, "--node", "d", "--radius", "1", "--out", out);
    expect(readCsv(out)).toEqual([["source", "target", "weight"], ["c", "d", "5"], ["d", "e", "1"]]);
    expect(await codeOf("ego", edges, "--node", "nobody")).toBe("NOT_FOUND");
  });
});
