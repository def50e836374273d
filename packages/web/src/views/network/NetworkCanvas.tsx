/**
 * The WebGL renderer (sigma.js v3) of a laid-out graph. The graphology graph is rebuilt only
 * when the drawn data changes; selection and path highlighting go through sigma's reducers and
 * a refresh, so they stay cheap at 5,000+ nodes.
 */
import { useEffect, useRef } from "react";
import Graph from "graphology";
import Sigma from "sigma";

/** Above this many nodes, edges and labels are hidden while the camera moves. */
const LARGE_GRAPH = 1000;

export interface DrawNode { id: string; label: string; x: number; y: number; size: number; color: string }
export interface DrawEdge { key: string; source: string; target: string; color: string; size: number; label: string; directed: boolean }

export interface Highlight {
  selected: string | null;
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface CanvasHandle {
  sigma: Sigma | null;
}

/** Moves the camera onto a node (when it is chosen outside the drawing, e.g. in the table). */
export function focusNode(s: Sigma, id: string): void {
  const d = s.getNodeDisplayData(id);
  if (!d) return;
  void s.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(s.getCamera().ratio, 0.6) }, { duration: 250 });
}

const DIM_NODE = "#d5d9de";
const DIM_EDGE = "#e8ebee";
const PATH = "#e6007e";

export function NetworkCanvas({ nodes, edges, highlight, onSelect, onExpand, handle, label }: {
  nodes: readonly DrawNode[];
  edges: readonly DrawEdge[];
  highlight: Highlight;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
  handle: { current: CanvasHandle };
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const graph = useRef(new Graph({ type: "mixed", multi: true, allowSelfLoops: true }));
  const hl = useRef(highlight);
  const cb = useRef({ onSelect, onExpand });
  cb.current = { onSelect, onExpand };

  useEffect(() => {
    if (!box.current) return;
    const s = new Sigma(graph.current, box.current, {
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.6,
      defaultEdgeType: "line",
      zIndex: true,
      nodeReducer: (node, data) => {
        const h = hl.current;
        const active = h.nodes.size > 0 || h.selected !== null;
        if (!active) return data;
        if (node === h.selected) return { ...data, highlighted: true, zIndex: 2, forceLabel: true };
        if (h.nodes.has(node)) return { ...data, color: h.edges.size > 0 ? PATH : data.color, zIndex: 1, forceLabel: true };
        return h.nodes.size > 0 ? { ...data, color: DIM_NODE, label: null, zIndex: 0 } : data;
      },
      edgeReducer: (edge, data) => {
        const h = hl.current;
        if (h.edges.size === 0) return data;
        return h.edges.has(edge) ? { ...data, color: PATH, size: Math.max(3, data.size), zIndex: 1 } : { ...data, color: DIM_EDGE, zIndex: 0 };
      },
    });
    s.on("clickNode", ({ node }) => cb.current.onSelect(node));
    s.on("doubleClickNode", (e) => { e.preventSigmaDefault(); cb.current.onExpand(e.node); });
    s.on("clickStage", () => cb.current.onSelect(null));
    sigma.current = s;
    handle.current.sigma = s;
    return () => { s.kill(); sigma.current = null; handle.current.sigma = null; };
  }, [handle]);

  useEffect(() => {
    const g = graph.current;
    g.clear();
    for (const n of nodes) g.addNode(n.id, { x: n.x, y: n.y, size: n.size, color: n.color, label: n.label });
    for (const e of edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
      g.addEdgeWithKey(e.key, e.source, e.target, { color: e.color, size: e.size, label: e.label, type: e.directed ? "arrow" : "line" });
    }
    // Large drawings pan and zoom with nodes only (edges and labels come back when the camera
    // stops), the usual way to keep sigma fluid where WebGL is slow; small ones keep everything.
    const large = g.order > LARGE_GRAPH;
    sigma.current?.setSetting("hideEdgesOnMove", large);
    sigma.current?.setSetting("hideLabelsOnMove", large);
    sigma.current?.refresh();
  }, [nodes, edges]);

  useEffect(() => {
    hl.current = highlight;
    sigma.current?.refresh({ skipIndexation: true });
  }, [highlight]);

  return <div ref={box} className="network-canvas" role="img" aria-label={label} data-testid="network-canvas" style={{ width: "100%", height: "100%", minHeight: 480 }} />;
}

/** A PNG of what is drawn: sigma's layers (edges, nodes, labels) composited on white. */
export function canvasPng(s: Sigma): string {
  s.refresh();
  const layers = s.getCanvases();
  const first = Object.values(layers)[0];
  const out = document.createElement("canvas");
  out.width = first?.width ?? 1;
  out.height = first?.height ?? 1;
  const ctx = out.getContext("2d");
  if (!ctx) return "";
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  for (const name of ["edges", "edgeLabels", "nodes", "labels", "hovers", "hoverNodes"]) {
    const c = layers[name];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  return out.toDataURL("image/png");
}
