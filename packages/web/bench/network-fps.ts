/**
 * Network view frame rate while panning and zooming (issue #7: ≥ 30 fps at 5,000 nodes),
 * measured in Debian's Chromium on a page that renders the explorer's own canvas (sigma.js WebGL,
 * the view's draw model and layout) over a generated graph. Not a test: prints figures.
 *   node scripts/run-ts.mjs packages/web/bench/network-fps.ts [nodes=5000] [seconds=5] [runs=3]
 * Builds the page with Vite into a temp dir, serves it on 127.0.0.1, and calls
 * `window.__bench.run(ms)`, which moves the camera every animation frame and returns frame-time
 * statistics (requestAnimationFrame + performance.now()), and `renderMs`, the main thread's share
 * of a frame (sigma's render after a camera move). Figures: docs/benchmarks/ui.md.
 */
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, existsSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { launch, REPO } from "../e2e/harness";

const sizes = (process.argv[2] ?? "5000").split(",").map(Number);
const seconds = Number(process.argv[3] ?? 5);
const runs = Number(process.argv[4] ?? 3);

const out = mkdtempSync(join(tmpdir(), "vizier-fps-"));
const vite = join(REPO, "node_modules/vite/bin/vite.js");
const built = spawnSync(process.execPath, [vite, "build", "--config", join(REPO, "packages/web/bench/vite.bench.config.ts")], {
  cwd: join(REPO, "packages/web"), env: { ...process.env, VIZIER_BENCH_OUT: out }, encoding: "utf8",
});
if (built.status !== 0) throw new Error(`vite build failed:\n${built.stderr}`);

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
const server = createServer((req, res) => {
  const path = normalize(join(out, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)));
  const file = path.startsWith(out) && existsSync(path) && statSync(path).isFile() ? path : join(out, "index.html");
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

interface Result { frames: number; seconds: number; fps: number; p50: number; p95: number; p99: number; max: number; over33: number }
const browser = await launch();
const version = browser.version();
const rows: string[] = [];
let renderer = "";
const load = loadavg()[0] ?? 0;
try {
  for (const n of sizes) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    const t0 = Date.now();
    await page.goto(`${base}/index.html?nodes=${n}`);
    await page.waitForFunction(() => "__bench" in window, undefined, { timeout: 120_000 });
    const info = await page.evaluate(() => { const b = (window as unknown as { __bench: { nodes: number; edges: number; layoutMs: number } }).__bench; return { nodes: b.nodes, edges: b.edges, layoutMs: b.layoutMs }; });
    if (!renderer) {
      renderer = await page.evaluate(() => {
        const gl = document.createElement("canvas").getContext("webgl2");
        const ext = gl?.getExtension("WEBGL_debug_renderer_info");
        return gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : "no WebGL2";
      });
    }
    const ready = Date.now() - t0;
    await page.evaluate(() => (window as unknown as { __bench: { run: (ms: number) => Promise<unknown> } }).__bench.run(1000)); // warm-up
    const results: Result[] = [];
    for (let r = 0; r < runs; r++) {
      results.push(await page.evaluate((ms) => (window as unknown as { __bench: { run: (ms: number) => Promise<Result> } }).__bench.run(ms), seconds * 1000));
    }
    const mainMs = await page.evaluate(() => (window as unknown as { __bench: { renderMs: (k: number) => number } }).__bench.renderMs(50));
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    const fps = results.map((r) => r.fps);
    const med = [...fps].sort((a, b) => a - b)[Math.floor(fps.length / 2)] ?? 0;
    const worst = results.reduce((a, b) => (a.fps < b.fps ? a : b));
    console.log(JSON.stringify({ nodes: info.nodes, edges: info.edges, layoutMs: Math.round(info.layoutMs), readyMs: ready, mainThreadFrameMs: Math.round(mainMs * 100) / 100, runs: results.map((r) => ({ ...r, fps: Math.round(r.fps * 10) / 10 })) }));
    rows.push(`| ${info.nodes.toLocaleString("en")} | ${info.edges.toLocaleString("en")} | ${fps.map((f) => f.toFixed(1)).join(" / ")} | ${med.toFixed(1)} | ${worst.p50.toFixed(1)} / ${worst.p95.toFixed(1)} / ${worst.p99.toFixed(1)} | ${worst.over33} | ${mainMs.toFixed(1)} | ${Math.round(info.layoutMs)} |`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\nChromium ${version} (${renderer}), ${cpus().length} × ${cpus()[0]?.model ?? "?"}, load average ${load.toFixed(1)} at start, ${seconds} s × ${runs} runs per size, ${new Date().toISOString().slice(0, 10)}`);
console.log("| nodes | edges | fps per run | median fps | frame ms p50 / p95 / p99 (worst run) | frames > 33 ms (worst run) | main-thread ms per frame | layout ms |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) console.log(r);
