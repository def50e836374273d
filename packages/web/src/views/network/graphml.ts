/** GraphML (graphml.graphdrawing.org) of the graph in view, readable by Gephi, yEd and Cytoscape. */
import { esc, type ExportGraph } from "./xml";

const KEYS = [
  ["label", "node", "string"], ["schema", "node", "string"], ["x", "node", "double"], ["y", "node", "double"],
  ["type", "edge", "string"], ["weight", "edge", "double"], ["amount", "edge", "double"], ["start", "edge", "string"], ["end", "edge", "string"],
] as const;

export function toGraphml(g: ExportGraph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, on, type] of KEYS) out.push(`  <key id="${on[0]}_${name}" for="${on}" attr.name="${name}" attr.type="${type}"/>`);
  out.push('  <graph id="vizier" edgedefault="undirected">');
  const data = (k: string, v: string | number | undefined) => (v === undefined ? "" : `<data key="${k}">${esc(String(v))}</data>`);
  const ids = new Set<string>();
  for (const n of g.nodes) {
    ids.add(n.id);
    out.push(`    <node id="${esc(n.id)}">${data("n_label", n.label)}${data("n_schema", n.schema)}${data("n_x", n.x)}${data("n_y", n.y)}</node>`);
  }
  g.edges.forEach((e, i) => {
    if (!ids.has(e.source) || !ids.has(e.target)) return;
    out.push(`    <edge id="e${i}" source="${esc(e.source)}" target="${esc(e.target)}" directed="${e.directed}">${data("e_type", e.type)}${data("e_weight", e.weight)}${data("e_amount", e.amount)}${data("e_start", e.start)}${data("e_end", e.end)}</edge>`);
  });
  out.push("  </graph>", "</graphml>");
  return out.join("\n") + "\n";
}
