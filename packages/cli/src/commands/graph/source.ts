/**
 * Where a `vizier graph` command gets its graph: an edge file, or with `--from-store` the
 * viewer's network from the store (@vizier/analytics: read through the policy decision point,
 * audited as `graph.load`; needs `--purpose`).
 */
import type { Command } from "commander";
import { z } from "zod";
import { VizierError } from "@vizier/model";
import type { Graph } from "@vizier/graph";
import { EDGE_TYPES, loadNetwork, networkGraph, type EdgeType, type Network, type NetworkNode, type NetworkOptions } from "@vizier/analytics";
import { withRuntime, type Env, type GlobalOptions } from "../../runtime";
import { loadGraph } from "./load";
import { intFlag, parseFlag } from "./options";

/** Flags of the store-backed network. */
export interface StoreFlags {
  fromStore?: boolean;
  edgeTypes?: string;
  since?: string;
  until?: string;
  period?: string;
  maxShared?: string;
  resolved?: boolean;
}

export interface GraphSource {
  graph: Graph;
  weighted: boolean;
  /** Store-backed only: node schema and label by id, and the typed edges. */
  network?: Network;
  nodes?: Map<string, NetworkNode>;
}

/** Adds the store flags to a `vizier graph` subcommand. */
export function storeOptions(c: Command): Command {
  return c
    .option("--from-store", "use the network of what you may read in the store instead of an edge file (needs --purpose)")
    .option("--edge-types <list>", `with --from-store: comma-separated edge types (default all): ${EDGE_TYPES.join(", ")}`)
    .option("--since <date>", "with --from-store: ISO date; events before it are dropped, relationships must still run then")
    .option("--until <date>", "with --from-store: ISO date (exclusive)")
    .option("--period <p>", "with --from-store: aggregation period of payments, communications, shipments: day, week, month, quarter, year, all", "month")
    .option("--max-shared <n>", "with --from-store: a value shared by more entities than this links none", "20")
    .option("--resolved", "with --from-store: merge records of one person or company as resolved for your view (`vizier resolve`)");
}

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected an ISO date YYYY[-MM[-DD]]");

/** Validated network options from the flags. */
export function networkOptions(o: StoreFlags): NetworkOptions {
  const types = o.edgeTypes?.split(",").map((s) => s.trim()).filter((s) => s !== "");
  return {
    ...(types ? { types: parseFlag(z.array(z.enum(EDGE_TYPES)).min(1), types, "--edge-types") as EdgeType[] } : {}),
    ...(o.since !== undefined ? { since: parseFlag(isoDate, o.since, "--since") } : {}),
    ...(o.until !== undefined ? { until: parseFlag(isoDate, o.until, "--until") } : {}),
    period: parseFlag(z.enum(["day", "week", "month", "quarter", "year", "all"]), o.period ?? "month", "--period"),
    maxShared: parseFlag(intFlag(2), o.maxShared ?? "20", "--max-shared"),
  };
}

/**
 * The root program's options (--db, --config, --purpose, --as …). Not `optsWithGlobals`: a
 * subcommand's own option of the same name (`flows patterns --config thresholds.json`) must not
 * stand in for the installation configuration.
 */
export function globalsOf(cmd: Command): GlobalOptions {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root.opts<GlobalOptions>();
}

/** The graph of an edge file, or with --from-store the viewer's network. */
export async function obtainGraph(file: string | undefined, o: StoreFlags, cmd: Command, env: Env, directed: boolean): Promise<GraphSource> {
  if (!o.fromStore) {
    for (const f of ["edgeTypes", "since", "until", "resolved"] as const) if (o[f] !== undefined) throw new VizierError("INVALID_ARGUMENT", `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --from-store`);
    if (file === undefined) throw new VizierError("INVALID_ARGUMENT", "give an edge file or --from-store");
    return loadGraph(file, directed);
  }
  if (file !== undefined) throw new VizierError("INVALID_ARGUMENT", "give either an edge file or --from-store, not both");
  const opts = networkOptions(o);
  const network = await withRuntime(globalsOf(cmd), env, (rt) => loadNetwork(rt.ctx(), rt.svc, { ...opts, resolved: o.resolved ?? false }));
  if (network.resolution) reportResolution(network.resolution);
  return { graph: networkGraph(network, { directed }), weighted: true, network, nodes: new Map(network.nodes.map((n) => [n.id, n])) };
}

/** Extra `label,schema` columns for store-backed node rows. */
export function nodeColumns(src: GraphSource, id: string): string[] {
  if (!src.nodes) return [];
  const n = src.nodes.get(id);
  return [n?.label ?? id, n?.schema ?? ""];
}

/**
 * A node named on the command line: its id, or on a store-backed graph a caption that names
 * exactly one node (analysts know names, not 40-digit ids).
 */
export function nodeId(src: GraphSource, name: string): string {
  if (!src.nodes || src.nodes.has(name)) return name;
  const want = name.trim().toLowerCase();
  const hits = [...src.nodes.values()].filter((n) => n.label.toLowerCase() === want);
  if (hits.length > 1) throw new VizierError("INVALID_ARGUMENT", `"${name}" names ${hits.length} nodes; give one of their ids: ${hits.map((n) => n.id).join(", ")}`);
  return hits[0]?.id ?? name;
}

/** Tells the analyst what `--resolved` did (standard error). */
export function reportResolution(r: { view: string; merged: number; resolvedOf: ReadonlyMap<string, string> }): void {
  if (r.resolvedOf.size === 0) console.error(`vizier: no resolution results for your view (${r.view}); run \`vizier resolve\` with the same purpose first — records are shown unmerged`);
  else console.error(`vizier: ${r.merged} records merged into resolved entities (view ${r.view})`);
}
