import type { Command } from "commander";
import { z } from "zod";
import { writeFileSync } from "node:fs";
import { VizierError } from "@vizier/model";
import { disrupt, leiden, louvain, STRATEGIES, TIE_BREAKS } from "@vizier/graph";
import type { CommunityResult } from "@vizier/graph";
import { writeCsv } from "../io/table";
import { num } from "./graph/load";
import { intFlag, numFlag, parseFlag, weightMode } from "./graph/options";
import { graphStats } from "./graph/stats";
import { computeMetric, METRICS } from "./graph/metrics";
import { egoRows, pathRows } from "./graph/paths";
import { edgeRows, EDGE_COLUMNS } from "./graph/edges";
import { nodeColumns, nodeId, obtainGraph, storeOptions, type StoreFlags } from "./graph/source";
import type { Env } from "../runtime";

interface WeightFlags { directed?: boolean; weighted?: boolean; weightsAs?: string }

/**
 * `vizier graph …` — network analytics on edge files, or with `--from-store` on the viewer's
 * access-filtered network from the store (issue P4; contract in docs/graph.md).
 */
export function registerGraph(program: Command, env: Env = {}): void {
  const graph = program.command("graph").description("Network analytics on edge lists or (--from-store) on the network of what you may read: stats, node metrics, communities, disruption");
  const edgesHelp = "edge list: CSV with header source,target[,weight], or whitespace-separated lines without header (omit with --from-store)";

  storeOptions(graph.command("stats"))
    .description("Whole-graph figures as JSON")
    .argument("[edges]", edgesHelp)
    .option("--directed", "read edges as directed")
    .option("--no-efficiency", "skip global efficiency (one BFS per node)")
    .action(async (file: string | undefined, o: StoreFlags & { directed?: boolean; efficiency: boolean }, cmd: Command) => {
      const { graph: g } = await obtainGraph(file, o, cmd, env, o.directed ?? false);
      console.log(JSON.stringify(graphStats(g, { efficiency: o.efficiency }), null, 2));
    });

  storeOptions(graph.command("metrics"))
    .description("One node metric as node,value")
    .argument("[edges]", edgesHelp)
    .requiredOption("--metric <name>", `one of: ${METRICS.join(", ")}`)
    .option("--directed", "read edges as directed")
    .option("--weighted", "use the weight column")
    .option("--weights-as <how>", "for path metrics: distance (weight = length, default) or strength (length = 1/weight)")
    .option("--samples <k>", "betweenness from k sampled sources (Brandes–Pich), scaled by n/k")
    .option("--seed <n>", "seed for sampling", "0")
    .option("--alpha <a>", "Katz attenuation (default 0.1) or PageRank damping (default 0.85)")
    .option("--radius <l>", "collective-influence ball radius (default 1)")
    .option("--out <file.csv>", "output file (default: standard output)")
    .action(async (file: string | undefined, o: StoreFlags & WeightFlags & { metric: string; samples?: string; seed: string; alpha?: string; radius?: string; out?: string }, cmd: Command) => {
      const metric = parseFlag(z.enum(METRICS), o.metric, "--metric");
      const weights = weightMode(o);
      const src = await obtainGraph(file, o, cmd, env, o.directed ?? false);
      const { graph: g, weighted } = src;
      if (weights !== "none" && !weighted) throw new VizierError("INVALID_ARGUMENT", `--weighted given but ${file} has no weight column`);
      const values = computeMetric(g, metric, {
        weights,
        seed: parseFlag(intFlag(0), o.seed, "--seed"),
        ...(o.samples === undefined ? {} : { samples: parseFlag(intFlag(1), o.samples, "--samples") }),
        ...(o.alpha === undefined ? {} : { alpha: parseFlag(numFlag, o.alpha, "--alpha") }),
        ...(o.radius === undefined ? {} : { radius: parseFlag(intFlag(1), o.radius, "--radius") }),
      });
      emit(o.out, ["node", "value", ...(src.nodes ? ["label", "schema"] : [])], g.ids.map((id, i) => [id, num(values[i] as number), ...nodeColumns(src, id)]));
    });

  storeOptions(graph.command("communities"))
    .description("Louvain or Leiden communities as node,community; modularity on standard error")
    .argument("[edges]", edgesHelp)
    .option("--method <m>", "louvain or leiden", "leiden")
    .option("--directed", "read edges as directed (communities use the undirected view)")
    .option("--weighted", "use the weight column")
    .option("--resolution <g>", "modularity resolution γ", "1")
    .option("--seed <n>", "seed for node order", "0")
    .option("--out <file.csv>", "output file (default: standard output)")
    .action(async (file: string | undefined, o: StoreFlags & { method: string; directed?: boolean; weighted?: boolean; resolution: string; seed: string; out?: string }, cmd: Command) => {
      const method = parseFlag(z.enum(["louvain", "leiden"]), o.method, "--method");
      const opts = { weighted: o.weighted ?? false, resolution: parseFlag(numFlag, o.resolution, "--resolution"), seed: parseFlag(intFlag(0), o.seed, "--seed") };
      const src = await obtainGraph(file, o, cmd, env, o.directed ?? false);
      const { graph: g, weighted } = src;
      if (opts.weighted && !weighted) throw new VizierError("INVALID_ARGUMENT", `--weighted given but ${file} has no weight column`);
      const res: CommunityResult = method === "louvain" ? louvain(g, opts) : leiden(g, opts);
      emit(o.out, ["node", "community", ...(src.nodes ? ["label", "schema"] : [])], g.ids.map((id, i) => [id, res.membership[i] as number, ...nodeColumns(src, id)]));
      console.error(`vizier graph communities: ${res.count} communities, modularity ${res.modularity}`);
    });

  storeOptions(graph.command("paths"))
    .description("Shortest paths between two nodes as rank,length,path (all shortest, or the k shortest with --k)")
    .argument("[edges]", edgesHelp)
    .requiredOption("--from <id>", "start node")
    .requiredOption("--to <id>", "end node")
    .option("--k <n>", "list the k shortest loopless paths (Yen) instead of all shortest ones")
    .option("--directed", "read edges as directed")
    .option("--weighted", "use the weight column")
    .option("--weights-as <how>", "distance (weight = length, default) or strength (length = 1/weight)")
    .option("--out <file.csv>", "output file (default: standard output)")
    .action(async (file: string | undefined, o: StoreFlags & WeightFlags & { from: string; to: string; k?: string; out?: string }, cmd: Command) => {
      const weights = weightMode(o);
      const k = o.k === undefined ? undefined : parseFlag(intFlag(1), o.k, "--k");
      const src = await obtainGraph(file, o, cmd, env, o.directed ?? false);
      const { graph: g, weighted } = src;
      if (weights !== "none" && !weighted) throw new VizierError("INVALID_ARGUMENT", `--weighted given but ${file} has no weight column`);
      emit(o.out, ["rank", "length", "path"], pathRows(g, nodeId(src, o.from), nodeId(src, o.to), weights, k));
    });

  storeOptions(graph.command("ego"))
    .description("The ego network of a node (nodes within --radius hops, direction ignored) as source,target,weight")
    .argument("[edges]", edgesHelp)
    .requiredOption("--node <id>", "centre node")
    .option("--radius <r>", "hops", "1")
    .option("--directed", "read edges as directed")
    .option("--out <file.csv>", "output file (default: standard output)")
    .action(async (file: string | undefined, o: StoreFlags & { node: string; radius: string; directed?: boolean; out?: string }, cmd: Command) => {
      const radius = parseFlag(intFlag(0), o.radius, "--radius");
      const src = await obtainGraph(file, o, cmd, env, o.directed ?? false);
      emit(o.out, ["source", "target", "weight"], egoRows(src.graph, nodeId(src, o.node), radius));
    });

  storeOptions(graph.command("disrupt"))
    .description("Remove nodes by a ranking and report the network's decay: removed,node,lcc_size,lcc_fraction,efficiency,components")
    .argument("[edges]", edgesHelp)
    .requiredOption("--strategy <s>", `one of: ${STRATEGIES.join(", ")}`)
    .option("--mode <m>", "sequential (recompute after each removal) or block (remove the top k, recompute)", "sequential")
    .option("--block-size <k>", "nodes removed per block", "5")
    .option("--directed", "read edges as directed")
    .option("--weighted", "use the weight column")
    .option("--weights-as <how>", "for betweenness: distance (default) or strength (length = 1/weight)")
    .option("--tie-break <rule>", `${TIE_BREAKS.join(", ")}`, "lowest")
    .option("--seed <n>", "seed for the random strategy", "0")
    .option("--nodes <ids>", "comma-separated node ids in removal order, for --strategy list")
    .option("--min-remaining <n>", "stop when this many nodes or fewer remain", "0")
    .option("--max-removed <n>", "stop after this many removals")
    .option("--no-efficiency", "skip global efficiency (one BFS per node per step)")
    .option("--out <file.csv>", "output file (default: standard output)")
    .action(async (file: string | undefined, o: StoreFlags & WeightFlags & { strategy: string; mode: string; blockSize: string; tieBreak: string; seed: string; nodes?: string; minRemaining: string; maxRemoved?: string; efficiency: boolean; out?: string }, cmd: Command) => {
      const strategy = parseFlag(z.enum(STRATEGIES), o.strategy, "--strategy");
      const mode = parseFlag(z.enum(["sequential", "block"]), o.mode, "--mode");
      const weights = weightMode(o);
      const opts = {
        strategy, mode, weights,
        blockSize: parseFlag(intFlag(1), o.blockSize, "--block-size"),
        tieBreak: parseFlag(z.enum(TIE_BREAKS), o.tieBreak, "--tie-break"),
        seed: parseFlag(intFlag(0), o.seed, "--seed"),
        minRemaining: parseFlag(intFlag(0), o.minRemaining, "--min-remaining"),
        efficiency: o.efficiency,
        ...(o.maxRemoved === undefined ? {} : { maxRemoved: parseFlag(intFlag(0), o.maxRemoved, "--max-removed") }),
        ...(o.nodes === undefined ? {} : { list: o.nodes.split(",").map((s) => s.trim()).filter((s) => s !== "") }),
      };
      const { graph: g, weighted } = await obtainGraph(file, o, cmd, env, o.directed ?? false);
      if (weights !== "none" && !weighted) throw new VizierError("INVALID_ARGUMENT", `--weighted given but ${file} has no weight column`);
      const steps = disrupt(g, opts);
      emit(o.out, ["removed", "node", "lcc_size", "lcc_fraction", "efficiency", "components"],
        steps.map((s) => [s.removed, s.nodes.join(";"), s.lccSize, num(s.lccFraction), num(s.efficiency), s.components]));
    });

  storeOptions(graph.command("edges"))
    .description(`The typed, weighted edges of the network you may read (--from-store) as ${EDGE_COLUMNS.join(",")}`)
    .option("--out <file.csv>", "output file (default: standard output)")
    .action(async (o: StoreFlags & { out?: string }, cmd: Command) => {
      if (!o.fromStore) throw new VizierError("INVALID_ARGUMENT", "graph edges reads the store: give --from-store");
      const src = await obtainGraph(undefined, o, cmd, env, false);
      emit(o.out, [...EDGE_COLUMNS], edgeRows(src.network!));
    });
}

function emit(out: string | undefined, header: string[], rows: (string | number)[][]): void {
  if (out !== undefined) { writeCsv(out, header, rows); return; }
  const lines = [header.join(","), ...rows.map((r) => r.map((x) => { const s = String(x); return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; }).join(","))];
  writeFileSync(1, lines.join("\n") + "\n");
}
