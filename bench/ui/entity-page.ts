/**
 * Entity page latency in Chromium: time from an in-app navigation (`location.hash = #/entity/<id>`)
 * until the profile's title and properties are rendered, measured in the page with
 * performance.now(); cold (first visit: the entity chunk, the resolved entity, the entities) and
 * warm (another entity). Also the production bundle's size (packages/web/dist/assets).
 *   node scripts/run-ts.mjs bench/ui/entity-page.ts [scale=0.2] [runs=5]
 * Figures: docs/benchmarks/ui.md ("Entity page").
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch, loginAs, openSession, REPO, startDemo } from "../../packages/web/e2e/harness";

const scale = Number(process.argv[2] ?? 0.2);
const runs = Number(process.argv[3] ?? 5);
const NAMES = ["Verdi Fresh Import", "Mohammed El Amrani", "Frutas del Pacifico", "Dennis van Wijk", "Kade Vastgoed", "Yusuf Demir", "Sanne de Groot", "Rachid Al Mansouri"];

function bundleSizes() {
  const dir = join(REPO, "packages/web/dist/assets");
  const index = readFileSync(join(REPO, "packages/web/dist/index.html"), "utf8");
  const rows = readdirSync(dir).map((f) => {
    const buf = readFileSync(join(dir, f));
    return { file: f, bytes: statSync(join(dir, f)).size, gzip: gzipSync(buf).length, initial: index.includes(f) };
  }).sort((a, b) => b.bytes - a.bytes);
  const sum = (xs: typeof rows, k: "bytes" | "gzip") => xs.reduce((s, r) => s + r[k], 0);
  const initial = rows.filter((r) => r.initial);
  return { rows, total: { bytes: sum(rows, "bytes"), gzip: sum(rows, "gzip") }, initial: { bytes: sum(initial, "bytes"), gzip: sum(initial, "gzip") } };
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };

const t0 = Date.now();
const demo = await startDemo({ scale });
process.stderr.write(`demo at scale ${scale} ready in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
const browser = await launch();
try {
  const s = await openSession(browser, demo);
  await loginAs(s, demo, "analist.politie", "case:NL-2026-0042");
  // The entities: the first search hit of each planted name, found through the API as this user.
  const ids = await s.page.evaluate(async (names) => {
    const out: string[] = [];
    for (const q of names) {
      const r = await fetch(`/api/search?q=${encodeURIComponent(q)}&limit=5`, { credentials: "same-origin" });
      const j = await r.json() as { items: Array<{ entity: { id: string } }> };
      if (j.items[0]) out.push(j.items[0].entity.id);
    }
    return out;
  }, NAMES);
  const measure = (id: string) => s.page.evaluate(async (hash) => {
    location.hash = "#/search";
    await new Promise<void>((res) => { const c = () => (document.querySelector("[data-testid=entity]") ? requestAnimationFrame(c) : res()); c(); });
    const start = performance.now();
    location.hash = hash;
    await new Promise<void>((res) => { const c = () => (document.querySelector("[data-testid=entity] h1") && document.querySelector("#props-title") ? res() : requestAnimationFrame(c)); c(); });
    return performance.now() - start;
  }, `#/entity/${encodeURIComponent(id)}`);
  const cold = await measure(ids[0]!);
  const warm: number[] = [];
  for (let r = 0; r < runs; r++) for (const id of ids) warm.push(await measure(id));
  const b = bundleSizes();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(JSON.stringify({ scale, entities: ids.length, runs, coldMs: Math.round(cold), warm: { n: warm.length, p50: Math.round(pct(warm, 0.5)), p95: Math.round(pct(warm, 0.95)), max: Math.round(Math.max(...warm)) } }));
  console.log(`bundle: total ${kb(b.total.bytes)} (gzip ${kb(b.total.gzip)}); initial load ${kb(b.initial.bytes)} (gzip ${kb(b.initial.gzip)})`);
  for (const r of b.rows.slice(0, 12)) console.log(`  ${r.file.padEnd(40)} ${kb(r.bytes).padStart(11)}  gzip ${kb(r.gzip).padStart(10)}${r.initial ? "  (initial)" : ""}`);
  if (s.errors.length) console.log("errors:", s.errors);
} finally {
  await browser.close();
  await demo.stop();
}
