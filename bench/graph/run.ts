/**
 * Graph benchmark: Vizier's CLI against igraph (C core, via python-igraph) and networkx on the
 * same synthetic scale-free edge lists, each timed as a whole process (load + compute), with peak
 * memory. Writes bench/out/graph/results.json and prints a Markdown table.
 *   node scripts/build.mjs && node scripts/run-ts.mjs bench/graph/run.ts [--quick] [--timeout 900]
 *     [--only ba-n10k-m50k,ba-n1m-m10m] [--results results-b.json]
 * --quick runs only the 10k and 100k sizes. networkx is not run on 10M-edge graphs (its graph
 * objects need ~10 GB there); runs beyond the timeout are reported as such.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateBA } from "./generate";

const root = join(import.meta.dirname, "../..");
const out = join(root, "bench/out/graph");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const ti = args.indexOf("--timeout");
const timeout = ti >= 0 ? Number(args[ti + 1]) : 900;
const oi = args.indexOf("--only");
/** Restrict to these datasets (comma-separated names), e.g. to split a run across processes. */
const only = oi >= 0 ? new Set((args[oi + 1] ?? "").split(",")) : undefined;
const ri = args.indexOf("--results");
const resultsFile = join(out, ri >= 0 ? (args[ri + 1] as string) : "results.json");
const samples = 100;

interface Dataset { name: string; nodes: number; k: number }
const SIZES: Dataset[] = [
  { name: "ba-10k", nodes: 2_000, k: 5 },
  { name: "ba-100k", nodes: 20_000, k: 5 },
  { name: "ba-1m", nodes: 200_000, k: 5 },
  { name: "ba-10m", nodes: 2_000_000, k: 5 },
];
const BETW: Dataset = { name: "ba-n10k-m50k", nodes: 10_000, k: 5 };
const SAMPLED: Dataset = { name: "ba-n1m-m10m", nodes: 1_000_000, k: 10 };

type Tool = "vizier" | "igraph" | "networkx";
interface Result { task: string; dataset: string; edges: number; tool: Tool; wall?: number; cpu?: number; rssMB?: number; status: string }

function ours(task: string, file: string): string[] {
  const cli = [join(root, "dist/vizier.mjs"), "graph"];
  switch (task) {
    case "pagerank": return [...cli, "metrics", file, "--metric", "pagerank", "--out", "/dev/null"];
    case "components": return [...cli, "metrics", file, "--metric", "components", "--out", "/dev/null"];
    case "louvain": return [...cli, "communities", file, "--method", "louvain", "--out", "/dev/null"];
    case "leiden": return [...cli, "communities", file, "--method", "leiden", "--out", "/dev/null"];
    case "betweenness": return [...cli, "metrics", file, "--metric", "betweenness", "--out", "/dev/null"];
    case "betweenness-sampled": return [...cli, "metrics", file, "--metric", "betweenness", "--samples", String(samples), "--out", "/dev/null"];
    default: throw new Error(task);
  }
}

function measure(tool: Tool, task: string, d: Dataset, edges: number): Result {
  const file = join(out, `${d.name}.txt`);
  const cmd = tool === "vizier" ? ["node", ...ours(task, file)] : ["/usr/bin/python3", join(root, "bench/graph/peer.py"), tool, task, file, String(samples)];
  const r = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", "timeout", String(timeout), ...cmd], { encoding: "utf8", maxBuffer: 1 << 26 });
  const line = (r.stderr ?? "").split("\n").find((l) => l.startsWith("TIME "));
  const base = { task, dataset: d.name, edges, tool };
  if (!line) return { ...base, status: `failed: ${(r.stderr ?? "").slice(-200)}` };
  const [wall, user, sys, rss] = line.slice(5).split(" ").map(Number) as [number, number, number, number];
  if (r.status === 124) return { ...base, status: `timeout > ${timeout}s` };
  if (r.status !== 0) return { ...base, wall, status: `exit ${r.status}: ${(r.stderr ?? "").split("\n").filter((l) => !l.startsWith("TIME")).slice(-3).join(" ").slice(0, 200)}` };
  return { ...base, wall, cpu: user + sys, rssMB: Math.round(rss / 1024), status: "ok" };
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const results: Result[] = [];
  const sizes = quick ? SIZES.slice(0, 2) : SIZES;
  const jobs: { d: Dataset; task: string; tools: Tool[] }[] = [];
  for (const d of sizes) {
    for (const task of ["pagerank", "components", "louvain"]) {
      jobs.push({ d, task, tools: d.name === "ba-10m" ? ["vizier", "igraph"] : ["vizier", "igraph", "networkx"] });
    }
    jobs.push({ d, task: "leiden", tools: ["vizier"] });
  }
  jobs.push({ d: BETW, task: "betweenness", tools: ["vizier", "igraph", "networkx"] });
  if (!quick) jobs.push({ d: SAMPLED, task: "betweenness-sampled", tools: ["vizier", "networkx"] });
  const edgeCount = new Map<string, number>();
  for (const j of jobs.filter((x) => !only || only.has(x.d.name))) {
    const file = join(out, `${j.d.name}.txt`);
    if (!edgeCount.has(j.d.name)) {
      if (!existsSync(file)) await generateBA(j.d.nodes, j.d.k, file);
      const k = j.d.k;
      edgeCount.set(j.d.name, (k * (k + 1)) / 2 + (j.d.nodes - k - 1) * k);
    }
    for (const tool of j.tools) {
      if (tool === "networkx" && j.task === "betweenness-sampled") {
        results.push({ task: j.task, dataset: j.d.name, edges: edgeCount.get(j.d.name) as number, tool, status: "not run: networkx needs ~10 GB for 10M edges" });
        continue;
      }
      const r = measure(tool, j.task, j.d, edgeCount.get(j.d.name) as number);
      results.push(r);
      console.error(JSON.stringify(r));
      writeFileSync(resultsFile, JSON.stringify(results, null, 2));
    }
  }
  console.log(table(results));
}

function fmt(x: number | undefined): string {
  return x === undefined ? "–" : x < 10 ? x.toFixed(2) : x.toFixed(1);
}

/** One row per task and dataset: wall and CPU seconds per tool, ratios, peak memory. */
export function table(results: Result[]): string {
  const keys = [...new Set(results.map((r) => `${r.task}|${r.dataset}`))];
  const lines = [
    "| task | graph (edges) | Vizier wall / CPU s | igraph wall / CPU s | networkx wall / CPU s | networkx ÷ Vizier (CPU) | Vizier ÷ igraph (CPU) | peak RSS MB (V / ig / nx) |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const k of keys) {
    const [task, dataset] = k.split("|") as [string, string];
    const get = (t: Tool): Result | undefined => results.find((r) => r.task === task && r.dataset === dataset && r.tool === t);
    const v = get("vizier"), i = get("igraph"), x = get("networkx");
    const cell = (r: Result | undefined): string => (!r ? "–" : r.status === "ok" ? `${fmt(r.wall)} / ${fmt(r.cpu)}` : r.status);
    const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? "–" : `${(a / b).toFixed(1)}×`);
    lines.push(`| ${task} | ${dataset} (${(v ?? i ?? x)?.edges.toLocaleString("en")}) | ${cell(v)} | ${cell(i)} | ${cell(x)} | ${ratio(x?.cpu, v?.cpu)} | ${ratio(v?.cpu, i?.cpu)} | ${v?.rssMB ?? "–"} / ${i?.rssMB ?? "–"} / ${x?.rssMB ?? "–"} |`);
  }
  return lines.join("\n");
}

/** Prints the table for one or more saved result files (after a split run). */
function tableFromFiles(files: string[]): void {
  const all = files.flatMap((f) => JSON.parse(readFileSync(join(out, f), "utf8")) as Result[]);
  console.log(table(all));
}

if (process.argv[1]?.endsWith("run.mjs")) {
  const ti2 = args.indexOf("--table");
  if (ti2 >= 0) tableFromFiles(args.slice(ti2 + 1)); else await main();
}
