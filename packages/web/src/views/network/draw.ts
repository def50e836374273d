/** Graph model + positions + styling choices → what the canvas draws (pure). */
import type { GraphEdge, GraphState } from "./graph-model";
import type { DrawEdge, DrawNode } from "./NetworkCanvas";
import { communityColour, PALETTE, schemaStyle, sizeScale } from "./style";

export type ColourBy = "schema" | "community";

export interface DrawOptions {
  positions: ReadonlyMap<string, { x: number; y: number }>;
  /** Score per node for sizing (degree, or a metric from the API). */
  scores: ReadonlyMap<string, number>;
  colourBy: ColourBy;
  communities: ReadonlyMap<string, number> | null;
}

/** Colour of an edge type: a stable pick from the palette. */
export function edgeTypeColour(type: string): string {
  let h = 0;
  for (let i = 0; i < type.length; i++) h = (h * 31 + type.charCodeAt(i)) >>> 0;
  // Lighter edges than nodes: the palette colour with 60% opacity.
  return `${PALETTE[h % PALETTE.length] ?? "#999999"}99`;
}

export function edgeLabel(e: GraphEdge): string {
  const parts = [e.type];
  if (e.count > 1) parts.push(`×${e.count}`);
  if (e.amount !== undefined) parts.push(`€${Math.round(e.amount).toLocaleString("nl-NL")}`);
  if (e.period && e.period !== "all") parts.push(e.period);
  return parts.join(" ");
}

export function drawModel(state: GraphState, edges: readonly GraphEdge[], o: DrawOptions): { nodes: DrawNode[]; edges: DrawEdge[] } {
  const sizes = sizeScale(o.scores);
  const nodes: DrawNode[] = [];
  for (const n of state.nodes.values()) {
    const p = o.positions.get(n.id);
    if (!p) continue;
    const community = o.communities?.get(n.id);
    const color = o.colourBy === "community" && community !== undefined ? communityColour(community) : schemaStyle(n.schema).colour;
    nodes.push({ id: n.id, label: n.label, x: p.x, y: p.y, size: sizes.get(n.id) ?? 3, color });
  }
  const drawn = new Set(nodes.map((n) => n.id));
  const out: DrawEdge[] = edges.filter((e) => drawn.has(e.source) && drawn.has(e.target)).map((e) => ({
    key: e.key, source: e.source, target: e.target, directed: e.directed,
    color: edgeTypeColour(e.type), size: 1 + Math.min(4, Math.log2(Math.max(1, e.weight))), label: edgeLabel(e),
  }));
  return { nodes, edges: out };
}
