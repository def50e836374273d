import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../core/build";
import { parseEdgeList } from "../io/parse-edges";
import { oracleAvailable, PYTHON } from "../testing/oracle";
import { randomEdgeLines } from "../testing/random-graphs";
import { allShortestPaths, kShortestPaths } from "./shortest";
import { egoNetwork } from "./ego";

const lines = randomEdgeLines({ n: 40, p: 0.08, seed: 21, directed: false, connected: true });
const g = buildGraph(parseEdgeList(lines.join("\n")));

describe("shortest paths", () => {
  it("lists all shortest paths of a diamond", () => {
    const d = buildGraph(parseEdgeList("s a\ns b\na t\nb t\n"));
    const paths = allShortestPaths(d, 0, 3).map((p) => p.nodes.map((v) => d.ids[v]).join(""));
    expect(paths.sort()).toEqual(["sat", "sbt"]);
  });

  it("Yen's paths are loopless, distinct and non-decreasing in length", () => {
    const ps = kShortestPaths(g, 0, 5, 12, { weights: "distance" });
    expect(ps.length).toBe(12);
    const keys = new Set(ps.map((p) => p.nodes.join()));
    expect(keys.size).toBe(12);
    for (const p of ps) expect(new Set(p.nodes).size).toBe(p.nodes.length);
    for (let i = 1; i < ps.length; i++) expect(ps[i]!.length).toBeGreaterThanOrEqual(ps[i - 1]!.length);
  });

  it("ego network holds exactly the nodes within the radius", () => {
    const line = buildGraph(parseEdgeList("a b\nb c\nc d\nd e\n"));
    expect(egoNetwork(line, 2, 1).graph.ids).toEqual(["b", "c", "d"]);
    expect(egoNetwork(line, 0, 2).graph.ids).toEqual(["a", "b", "c"]);
  });
});

describe.skipIf(!oracleAvailable())("shortest paths agree with networkx", () => {
  it("all shortest paths and k shortest path lengths (weighted)", () => {
    const s = g.ids[0] as string, t = g.ids[5] as string;
    const script = `
import json, sys, itertools, networkx as nx
G = nx.Graph()
for line in sys.stdin:
    a, b, w = line.split(); G.add_edge(a, b, weight=float(w))
allp = sorted(",".join(p) for p in nx.all_shortest_paths(G, ${JSON.stringify(s)}, ${JSON.stringify(t)}))
ks = [nx.path_weight(G, p, "weight") for p in itertools.islice(nx.shortest_simple_paths(G, ${JSON.stringify(s)}, ${JSON.stringify(t)}, weight="weight"), 12)]
print(json.dumps({"all": allp, "k": ks}))`;
    const r = spawnSync(PYTHON, ["-c", script], { input: lines.join("\n"), encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const nx = JSON.parse(r.stdout) as { all: string[]; k: number[] };
    const ours = allShortestPaths(g, 0, 5).map((p) => p.nodes.map((v) => g.ids[v]).join(",")).sort();
    expect(ours).toEqual(nx.all);
    expect(kShortestPaths(g, 0, 5, 12, { weights: "distance" }).map((p) => p.length)).toEqual(nx.k);
  });
});
