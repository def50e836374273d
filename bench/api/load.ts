/**
 * API load benchmark (issue #6, performance): `vizier serve` (the real CLI bundle, with its worker
 * processes) over an embedded store of generated persons, driven by autocannon.
 *   node scripts/run-ts.mjs bench/api/load.ts [--rows 1000000] [--dir bench/out/api-<rows>]
 *     [--clients 1,50] [--seconds 15] [--workers auto|N] [--soak 600] [--no-build] [--bundle other/vizier.mjs]
 *     [--scenarios search,entity] [--scenario <scale>] [--warmup 5]
 * `--scenario S` serves the demo scenario at scale S instead (scenario.ts: `vizier demo --scale S`,
 * a police analyst of the demo's case, terms picked from the data; scale 16 ≈ 1M entities).
 * Builds the store once (prepare.ts; reused while `--dir` holds it), builds the CLI bundle, starts the
 * server on a free port, and for every client count runs search, then entity view, for `seconds`
 * each. `--soak S` then runs a mix (one search to four entity views) at the largest client count
 * for S seconds and samples the server's resident memory (all its processes) every 30 s.
 * `--bundle` serves with another build (an older checkout, for before/after on the same machine).
 * `--warmup S` (default 5; 0 to skip) first drives searches and views at the largest client count
 * for S seconds, not measured: every worker process compiles its hot code and looks up the terms'
 * vocabulary once (a server that has run a while has done both), so the runs measure steady state.
 * Prints a JSON summary on stdout; progress on stderr.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { TERMS as PERSON_TERMS } from "./load-terms";
import { prepareStore, type BenchStore } from "./prepare";
import { prepareScenario } from "./scenario";

const ROOT = resolve(import.meta.dirname, "../..");
const log = (m: string) => process.stderr.write(`[bench/api ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

interface Run { name: string; clients: number; seconds: number; requests: number; errors: number; rps: number; p50: number; p95: number; p99: number; max: number; serverCpuMsPerRequest?: number }

function pct(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One autocannon run; latencies are collected per response for exact percentiles (autocannon reports no p95). */
function drive(name: string, base: string, headers: Record<string, string>, clients: number, seconds: number, path: (i: number) => string, onTick?: () => void): Promise<Run> {
  return new Promise((done, fail) => {
    const lat: number[] = [];
    let n = 0;
    const inst = autocannon({
      url: base, connections: clients, duration: seconds, headers, timeout: 30,
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: path(n++) }) }],
    }, (err: unknown, res: { errors: number; timeouts: number; non2xx: number }) => {
      if (err) return fail(err instanceof Error ? err : new Error(String(err)));
      lat.sort((a, b) => a - b);
      const r1 = (x: number) => Math.round(x * 10) / 10;
      done({
        name, clients, seconds, requests: lat.length, errors: res.errors + res.timeouts + res.non2xx, rps: Math.round(lat.length / seconds),
        p50: r1(pct(lat, 50)), p95: r1(pct(lat, 95)), p99: r1(pct(lat, 99)), max: r1(lat[lat.length - 1] ?? NaN),
      });
    });
    inst.on("response", (_c: unknown, _status: number, _b: unknown, ms: number) => { lat.push(ms); });
    if (onTick) inst.on("tick", onTick);
  });
}

/** A process and all its descendants (Linux `ps`): pid, resident KiB, CPU seconds used. */
function processTree(pid: number): Array<{ pid: number; rssKiB: number; cpuS: number }> {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" }).trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const inTree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of rows) if (inTree.has(pp) && !inTree.has(p)) { inTree.add(p); grew = true; }
  }
  return rows.filter(([p]) => inTree.has(p)).map(([p, , rss]) => ({ pid: p, rssKiB: rss, cpuS: cpuSeconds(p) }));
}

/** utime + stime of a process from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

const treeRssMiB = (pid: number) => Math.round(processTree(pid).reduce((s, p) => s + p.rssKiB, 0) / 1024);
/** CPU milliseconds the server's processes have used so far. */
const treeCpuMs = (pid: number) => processTree(pid).reduce((s, p) => s + p.cpuS, 0) * 1000;

async function main(): Promise<void> {
  const { values: o } = parseArgs({
    options: {
      rows: { type: "string", default: "1000000" }, dir: { type: "string" }, clients: { type: "string", default: "1,50" },
      seconds: { type: "string", default: "15" }, workers: { type: "string", default: "auto" }, soak: { type: "string", default: "0" },
      "no-build": { type: "boolean", default: false }, bundle: { type: "string" }, scenarios: { type: "string", default: "search,entity" },
      scenario: { type: "string" }, warmup: { type: "string", default: "5" },
    },
  });
  const rows = Number(o.rows);
  const scale = o.scenario === undefined ? undefined : Number(o.scenario);
  const dir = resolve(o.dir ?? join(ROOT, scale === undefined ? `bench/out/api-${rows}` : `bench/out/api-scenario-${scale}`));
  const clientCounts = o.clients.split(",").map(Number);
  const seconds = Number(o.seconds);
  const soak = Number(o.soak);
  if (!o["no-build"] && !o.bundle) {
    const b = spawnSync(process.execPath, [join(ROOT, "scripts/build.mjs")], { stdio: "inherit", env: { ...process.env, VIZIER_SKIP_WEB: "1" } });
    if (b.status !== 0) throw new Error("building the bundle failed");
  }
  const bundle = resolve(o.bundle ?? join(ROOT, "dist/vizier.mjs"));
  let bench: BenchStore;
  let TERMS = PERSON_TERMS;
  let storePath = join(dir, "store");
  if (scale === undefined) bench = await prepareStore(dir, rows, log);
  else {
    const sc = await prepareScenario(dir, scale, bundle, log);
    bench = sc;
    TERMS = sc.terms;
    storePath = dir;
  }
  const args = [bundle, "serve", "--db", storePath, "--port", "0"];
  if (o.workers !== "auto") args.push("--workers", o.workers);
  const server = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<number>((res, rej) => {
      let out = "";
      server.stdout.on("data", (b: Buffer) => {
        out += b.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) res(Number(m[1]));
      });
      server.once("exit", (c) => rej(new Error(`vizier serve exited ${c}: ${out}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${bench.token}`, "x-vizier-purpose": bench.purpose };
    const ids: string[] = [];
    for (const t of TERMS) {
      const res = await fetch(`${base}/api/search?q=${encodeURIComponent(t)}&limit=50`, { headers });
      if (res.status !== 200) throw new Error(`search ${t}: ${res.status} ${await res.text()}`);
      ids.push(...((await res.json()) as { items: Array<{ entity: { id: string } }> }).items.map((i) => i.entity.id));
    }
    if (ids.length === 0) throw new Error("search found nothing to view");
    const searchPath = (i: number) => `/api/search?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}&limit=20`;
    const viewPath = (i: number) => `/api/entities/${ids[(i * 7919) % ids.length]}`;
    const rssBefore = treeRssMiB(server.pid!);
    log(`server on ${base} (${o.workers} workers), ${ids.length} ids to view, RSS ${rssBefore} MiB`);
    const warmup = Number(o.warmup);
    if (warmup > 0) {
      const clients = Math.max(...clientCounts);
      log(`warm-up: ${warmup} s at ${clients} clients, searches and views (not measured)`);
      await drive("warm-up", base, headers, clients, warmup, (i) => (i % 2 === 0 ? searchPath(i / 2) : viewPath(i)));
    }
    const results: Run[] = [];
    for (const c of clientCounts) {
      for (const [name, path] of ([["search", searchPath], ["entity", viewPath]] as const).filter(([n]) => o.scenarios.split(",").includes(n))) {
        const cpu0 = treeCpuMs(server.pid!);
        const r = await drive(name, base, headers, c, seconds, path);
        // Server CPU per request: what a loaded machine does not distort as much as latency.
        const withCpu = { ...r, serverCpuMsPerRequest: Math.round(((treeCpuMs(server.pid!) - cpu0) / Math.max(1, r.requests)) * 100) / 100 };
        log(JSON.stringify(withCpu));
        results.push(withCpu);
      }
    }
    const soakRss: Array<{ s: number; rssMiB: number }> = [];
    if (soak > 0) {
      const clients = Math.max(...clientCounts);
      const t0 = Date.now();
      let next = 30;
      soakRss.push({ s: 0, rssMiB: treeRssMiB(server.pid!) });
      const r = await drive("soak (1 search : 4 views)", base, headers, clients, soak, (i) => (i % 5 === 0 ? searchPath(i / 5) : viewPath(i)), () => {
        const s = (Date.now() - t0) / 1000;
        if (s < next) return;
        next += 30;
        const m = { s: Math.round(s), rssMiB: treeRssMiB(server.pid!) };
        soakRss.push(m);
        log(`soak ${m.s} s: RSS ${m.rssMiB} MiB`);
      });
      results.push(r);
    }
    const rssAfter = treeRssMiB(server.pid!);
    console.log(JSON.stringify({ ...(scale === undefined ? {} : { scenarioScale: scale, terms: TERMS }), rows: bench.rows, entities: bench.entities, statements: bench.statements, workers: o.workers, results, serverRssMiB: { before: rssBefore, after: rssAfter }, soakRss }, null, 2));
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
  }
}

await main();
