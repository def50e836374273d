/**
 * The benchmark page: the network view's own model, layout, draw model and WebGL canvas on a
 * generated graph, plus `window.__bench.run(ms)`, which pans and zooms the camera every animation
 * frame (as sigma's mouse handlers do) and reports frame times measured with
 * requestAnimationFrame and performance.now().
 */
import { createRoot } from "react-dom/client";
import { useRef } from "react";
import { EMPTY_GRAPH, mergeNeighbourhood, visibleEdges } from "../../src/views/network/graph-model";
import { layout, layoutInWorker, seedPositions } from "../../src/views/network/layout";
import { drawModel } from "../../src/views/network/draw";
import { degrees } from "../../src/views/network/graph-model";
import { NetworkCanvas, type CanvasHandle } from "../../src/views/network/NetworkCanvas";
import { syntheticGraph } from "./graph";

const params = new URLSearchParams(location.search);
const n = Number(params.get("nodes") ?? 5000);
const t0 = performance.now();
const g = mergeNeighbourhood(EMPTY_GRAPH, ["n0"], syntheticGraph(n));
const edges = visibleEdges(g, { types: null });
const positions = layout([...g.nodes.keys()], [...g.edges.values()], new Map());
const layoutMs = performance.now() - t0;
const drawn = drawModel(g, edges, { positions, scores: degrees(g.nodes.keys(), edges), colourBy: "schema", communities: null });
const highlight = { selected: null, nodes: new Set<string>(), edges: new Set<string>() };

interface Result { frames: number; seconds: number; fps: number; p50: number; p95: number; p99: number; max: number; over33: number }

function Bench() {
  const handle = useRef<CanvasHandle>({ sigma: null });
  (window as unknown as { __bench: unknown }).__bench = {
    nodes: drawn.nodes.length, edges: drawn.edges.length, layoutMs,
    /** The view's worker layout for large graphs: resolves with the ms it took and how far nodes moved. */
    workerLayout: (budgetMs: number) => new Promise<{ ms: number; moved: number }>((resolve) => {
      const ids = [...g.nodes.keys()];
      const links = [...g.edges.values()];
      const start = seedPositions(ids, links, new Map());
      const a = performance.now();
      layoutInWorker(ids, links, start, budgetMs, (p) => {
        let moved = 0;
        for (const [id, q] of p) { const s0 = start.get(id); if (s0 && (s0.x !== q.x || s0.y !== q.y)) moved++; }
        resolve({ ms: performance.now() - a, moved });
      });
    }),
    /** Changes sigma settings before a run (e.g. hideEdgesOnMove) to see what a frame costs. */
    set: (settings: Record<string, unknown>) => { handle.current.sigma?.setSettings(settings); },
    /**
     * Main-thread milliseconds of one frame (sigma's render after a camera move: WebGL calls and
     * labels), averaged over `k`; the rest of a frame's time is the GPU process rasterising.
     */
    renderMs: (k: number) => {
      const s = handle.current.sigma as unknown as { render: () => void; getCamera: () => { setState: (x: object) => void } } | null;
      if (!s) return 0;
      const a = performance.now();
      for (let i = 0; i < k; i++) { s.getCamera().setState({ x: 0.5 + i / (10 * k), ratio: 0.8 }); s.render(); }
      return (performance.now() - a) / k;
    },
    run: (ms: number) => new Promise<Result>((resolve) => {
      const s = handle.current.sigma;
      if (!s) throw new Error("no sigma");
      const camera = s.getCamera();
      const times: number[] = [];
      const start = performance.now();
      let last = start;
      const frame = (now: number) => {
        times.push(now - last);
        last = now;
        const t = (now - start) / 1000;
        // pan in a circle while zooming in and out (ratio 0.25 … 1.25)
        camera.setState({ x: 0.5 + 0.3 * Math.cos(t), y: 0.5 + 0.3 * Math.sin(t), ratio: 0.75 + 0.5 * Math.sin(t * 1.7), angle: 0 });
        if (now - start < ms) requestAnimationFrame(frame);
        else {
          const ft = times.slice(1).sort((a, b) => a - b);
          const q = (p: number) => ft[Math.min(ft.length - 1, Math.floor(p * ft.length))] ?? 0;
          const seconds = (now - start) / 1000;
          resolve({ frames: ft.length, seconds, fps: ft.length / seconds, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: ft[ft.length - 1] ?? 0, over33: ft.filter((x) => x > 33.4).length });
        }
      };
      requestAnimationFrame((now) => { last = now; requestAnimationFrame(frame); });
    }),
  };
  return <NetworkCanvas nodes={drawn.nodes} edges={drawn.edges} highlight={highlight} onSelect={() => undefined} onExpand={() => undefined} handle={handle} label="benchmark" />;
}

const root = document.getElementById("root");
if (root) {
  // The stage of the network view at a 1280×800 window, unless the URL says otherwise.
  document.body.style.margin = "0";
  root.style.position = "relative";
  root.style.width = `${Number(params.get("w") ?? 680)}px`;
  root.style.height = `${Number(params.get("h") ?? 560)}px`;
  createRoot(root).render(<Bench />);
}
