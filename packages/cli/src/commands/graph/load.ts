/** Reading an edge file into a graph for the `vizier graph` commands. */
import { readFileSync } from "node:fs";
import { VizierError } from "@vizier/model";
import { buildGraph, parseEdgeList } from "@vizier/graph";
import type { Graph } from "@vizier/graph";

/** Loads an edge list (CSV with header, or whitespace-separated lines) as a graph. */
export function loadGraph(path: string, directed: boolean): { graph: Graph; weighted: boolean } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new VizierError("INVALID_INPUT", `cannot read ${path}: ${(e as Error).message}`, { location: { file: path }, cause: e });
  }
  if (bytes.includes(0)) throw new VizierError("INVALID_INPUT", `${path} looks like a binary file, not an edge list`, { location: { file: path } });
  const edges = parseEdgeList(bytes, path);
  return { graph: buildGraph(edges, { directed }), weighted: edges.weighted };
}

/** Formats a score for CSV/JSON output: shortest round-trip decimal, NaN as "NaN". */
export function num(v: number): string {
  return Number.isNaN(v) ? "NaN" : String(v);
}
