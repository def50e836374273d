/**
 * Node positions for the explorer: nodes already placed keep their place, new ones start on a
 * small circle around the node they were expanded from (or on a golden-angle spiral), then
 * ForceAtlas2 (Jacomy et al. 2014, PLoS ONE 9(6)) runs a fixed number of iterations and the
 * drawing stays static — pan and zoom then cost the GPU nothing but a redraw.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";

export type Positions = ReadonlyMap<string, { x: number; y: number }>;

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/** Start positions: known ones kept, new neighbours of a placed node around it, the rest on a spiral. */
export function seedPositions(nodeIds: readonly string[], links: readonly { source: string; target: string }[], known: Positions): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const id of nodeIds) {
    const p = known.get(id);
    if (p) out.set(id, p);
  }
  const anchorOf = new Map<string, string>();
  for (const l of links) {
    if (out.has(l.source) && !out.has(l.target) && !anchorOf.has(l.target)) anchorOf.set(l.target, l.source);
    if (out.has(l.target) && !out.has(l.source) && !anchorOf.has(l.source)) anchorOf.set(l.source, l.target);
  }
  let spiral = out.size;
  const around = new Map<string, number>();
  for (const id of nodeIds) {
    if (out.has(id)) continue;
    const anchor = anchorOf.get(id);
    const a = anchor ? out.get(anchor) : undefined;
    if (anchor && a) {
      const k = around.get(anchor) ?? 0;
      around.set(anchor, k + 1);
      const r = 1 + 0.15 * Math.sqrt(k);
      out.set(id, { x: a.x + r * Math.cos(k * GOLDEN), y: a.y + r * Math.sin(k * GOLDEN) });
    } else {
      const r = Math.sqrt(spiral + 1);
      out.set(id, { x: r * Math.cos(spiral * GOLDEN), y: r * Math.sin(spiral * GOLDEN) });
      spiral++;
    }
  }
  return out;
}

/** Iterations that keep the synchronous layout well under a second on a laptop. */
export function iterationsFor(order: number): number {
  if (order <= 200) return 300;
  if (order <= 1000) return 120;
  if (order <= 5000) return 40;
  return 15;
}

/** Above this many nodes the layout runs in a web worker for a time budget instead of on the page. */
export const WORKER_THRESHOLD = 1500;

function toGraph(nodeIds: readonly string[], links: readonly { source: string; target: string }[], start: ReadonlyMap<string, { x: number; y: number }>): Graph {
  const g = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const id of nodeIds) g.addNode(id, { ...(start.get(id) ?? { x: 0, y: 0 }) });
  for (const l of links) {
    if (l.source === l.target || !g.hasNode(l.source) || !g.hasNode(l.target)) continue;
    if (g.hasEdge(l.source, l.target)) g.updateEdgeAttribute(l.source, l.target, "weight", (w: unknown) => (typeof w === "number" ? w : 1) + 1);
    else g.addEdge(l.source, l.target, { weight: 1 });
  }
  return g;
}

function positionsOf(g: Graph): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  g.forEachNode((id, a) => out.set(id, { x: Number(a.x), y: Number(a.y) }));
  return out;
}

/** Runs ForceAtlas2 from the seeded positions; returns the new positions (the input is not changed). */
export function layout(nodeIds: readonly string[], links: readonly { source: string; target: string; weight?: number }[], known: Positions, iterations = iterationsFor(nodeIds.length)): Map<string, { x: number; y: number }> {
  const g = toGraph(nodeIds, links, seedPositions(nodeIds, links, known));
  if (g.order > 1 && iterations > 0) {
    const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 300 };
    forceAtlas2.assign(g, { iterations, settings, getEdgeWeight: null });
  }
  return positionsOf(g);
}

/**
 * ForceAtlas2 in a web worker (graphology's supervisor) for `budgetMs`, for graphs too large to
 * lay out on the page without freezing it; `done` gets the positions. Returns a cancel function.
 * The page shows the seeded positions meanwhile.
 */
export function layoutInWorker(nodeIds: readonly string[], links: readonly { source: string; target: string }[], start: ReadonlyMap<string, { x: number; y: number }>, budgetMs: number, done: (p: Map<string, { x: number; y: number }>) => void): () => void {
  const g = toGraph(nodeIds, links, start);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelWorker: () => void = () => undefined;
  void import("graphology-layout-forceatlas2/worker").then(({ default: FA2Layout }) => {
    if (stopped) return;
    const fa2 = new FA2Layout(g, { settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: true }, getEdgeWeight: null });
    fa2.start();
    timer = setTimeout(() => {
      fa2.stop();
      const p = positionsOf(g);
      fa2.kill();
      if (!stopped) done(p);
    }, budgetMs);
    cancelWorker = () => { fa2.kill(); };
  });
  return () => { stopped = true; if (timer) clearTimeout(timer); cancelWorker(); };
}
