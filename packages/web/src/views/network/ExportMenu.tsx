/** Export the graph in view: PNG (sigma's canvas layers), GraphML, i2 ANX. Files are made in the browser. */
import { useT } from "../../app/context";
import type { GraphEdge, GraphState } from "./graph-model";
import { canvasPng, type CanvasHandle } from "./NetworkCanvas";
import { toAnx } from "./anx";
import { toGraphml } from "./graphml";
import type { ExportGraph } from "./xml";

function download(name: string, href: string) {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

function downloadText(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  download(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportGraph(graph: GraphState, edges: readonly GraphEdge[], positions: ReadonlyMap<string, { x: number; y: number }>): ExportGraph {
  return {
    nodes: [...graph.nodes.values()].map((n) => ({ id: n.id, label: n.label, schema: n.schema, x: positions.get(n.id)?.x, y: positions.get(n.id)?.y })),
    edges: edges.map((e) => ({ source: e.source, target: e.target, type: e.type, directed: e.directed, weight: e.weight, amount: e.amount, start: e.start, end: e.end })),
  };
}

export function ExportMenu({ graph, edges, positions, canvas, title }: {
  graph: GraphState;
  edges: readonly GraphEdge[];
  positions: ReadonlyMap<string, { x: number; y: number }>;
  canvas: { current: CanvasHandle };
  title: string;
}) {
  const t = useT();
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <fieldset>
      <legend>{t("network.export")}</legend>
      <div className="row">
        <button type="button" className="secondary" data-testid="export-png" onClick={() => { const s = canvas.current.sigma; if (s) download(`vizier-network-${stamp}.png`, canvasPng(s)); }}>{t("network.exportPng")}</button>
        <button type="button" className="secondary" data-testid="export-graphml" onClick={() => downloadText(`vizier-network-${stamp}.graphml`, "application/graphml+xml", toGraphml(exportGraph(graph, edges, positions)))}>{t("network.exportGraphml")}</button>
        <button type="button" className="secondary" data-testid="export-anx" onClick={() => downloadText(`vizier-network-${stamp}.anx`, "application/xml", toAnx(exportGraph(graph, edges, positions), { title: `Vizier ${title} ${stamp}` }))}>{t("network.exportAnx")}</button>
      </div>
    </fieldset>
  );
}
