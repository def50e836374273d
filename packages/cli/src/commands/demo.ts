import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Dataset } from "@vizier/model";
import { accounts as acc, createDataset, type Role } from "@vizier/core";
import { ingestFile } from "@vizier/core/ingest";
import { ingestSource, MANIFEST_FILE, readManifest, SOURCES, type Manifest } from "@vizier/scenario";
import { emit, table } from "../output";
import { fmt, Progress } from "../progress";
import { accountsOf, withRuntime, type Env, type GlobalOptions, type Runtime } from "../runtime";
import { generateWithProgress, scenarioFlags, type ScenarioFlags } from "./generate";
import { ensureInitialised } from "./init";
import { runServer, uiDir } from "./serve";

interface DemoOptions extends ScenarioFlags { dataDir: string; scenario?: string; port: string; host: string; open: boolean; serve: boolean; resolve: boolean }

/** [dataset, agency, rows, quarantined, statements] per ingested file (the `--json` shape scripts read). */
type Ingested = [string, string, number, number, number];

/**
 * Where the scenario comes from: `--scenario <dir>` as it is; otherwise `<data-dir>/scenario`,
 * reused when it was generated with the same seed and scale, else generated now.
 */
function scenarioFor(o: DemoOptions, quiet: boolean): { dir: string; manifest: Manifest; generated: boolean } {
  if (o.scenario !== undefined) return { dir: o.scenario, manifest: readManifest(o.scenario), generated: false };
  const { seed, scale } = scenarioFlags(o);
  const dir = join(o.dataDir, "scenario");
  if (existsSync(join(dir, MANIFEST_FILE))) {
    const m = readManifest(dir);
    // A folder made by an older generator lacks datasets added since (e.g. FIOD's notes): made again then.
    const missing = SOURCES.flatMap((s) => s.datasets.map((d) => d.name)).filter((n) => !m.datasets.some((d) => d.name === n));
    if (m.scenario.seed === seed && m.scenario.scale === scale && missing.length === 0) {
      if (!quiet) process.stderr.write(`demo: reusing the scenario in ${dir} (seed ${seed}, scale ${scale})\n`);
      return { dir, manifest: m, generated: false };
    }
    if (!quiet && missing.length > 0) process.stderr.write(`demo: the scenario in ${dir} lacks ${missing.join(", ")} (older generator); generating it again\n`);
  }
  return { dir, manifest: generateWithProgress(seed, scale, dir, quiet).manifest, generated: true };
}

/** Registers the manifest's datasets and ingests every file not already ingested into this store. */
async function ingestAll(rt: Runtime, dir: string, m: Manifest, quiet: boolean): Promise<Ingested[]> {
  const ctx = rt.adminCtx("demo");
  const agency = new Map(m.datasets.map((d) => [d.name, d.agency]));
  for (const d of m.datasets) {
    if (!(await rt.svc.store.getDataset(d.name))) await createDataset(ctx, rt.svc, { ...d, createdAt: new Date().toISOString() } satisfies Dataset);
  }
  const results: Ingested[] = [];
  for (const f of m.files) {
    const source = ingestSource(dir, f);
    const label = `ingest ${f.file}`;
    const done = (await rt.svc.store.listRuns(f.dataset)).find((r) => r.file === source.file && r.status === "committed");
    if (done) {
      if (!quiet) process.stderr.write(`${label}: already ingested (run ${done.id}), skipped\n`);
      results.push([f.dataset, agency.get(f.dataset) ?? "", done.rowsRead ?? 0, done.rowsQuarantined ?? 0, done.statements ?? 0]);
      continue;
    }
    const progress = new Progress(label, "rows", quiet);
    const r = await ingestFile(ctx, rt.svc, {
      ...source,
      onProgress: (p) => progress.update(p.rows, p.bytesTotal ? p.bytesRead / p.bytesTotal : undefined),
    });
    progress.done(`${fmt(r.rowsRead)} rows, ${fmt(r.rowsQuarantined)} quarantined`);
    results.push([f.dataset, agency.get(f.dataset) ?? "", r.rowsRead, r.rowsQuarantined, r.statements]);
  }
  return results;
}

/**
 * Demo users of several agencies and roles, so the safeguards can be seen at work: the police
 * analyst is a member of the case, the others are not; the FIOD privacy officer decides access
 * requests to FIOD data and queries the audit log.
 */
const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; agency: string; roles: Role[]; cases: string[] }> = [
  { username: "analist.politie", displayName: "Analist, Politie (case member)", agency: "POLITIE", roles: ["analyst"], cases: ["case:NL-2026-0042"] },
  { username: "analist.douane", displayName: "Analist, Douane", agency: "DOUANE", roles: ["analyst"], cases: [] },
  { username: "analist.fiu", displayName: "Analist, FIU-Nederland", agency: "FIU", roles: ["analyst"], cases: [] },
  { username: "privacy.fiod", displayName: "Privacy officer, FIOD", agency: "FIOD", roles: ["privacy_officer"], cases: [] },
  { username: "liaison.kmar", displayName: "Liaison officer, KMar", agency: "KMAR", roles: ["liaison"], cases: [] },
];

/** Creates the demo users that do not exist yet; returns [user, agency, roles, one-time password] of the new ones. */
async function demoUsers(rt: Runtime): Promise<Array<[string, string, string, string]>> {
  const deps = { accounts: accountsOf(rt.svc.store), audit: rt.svc.store };
  const ctx = rt.adminCtx("demo");
  const agencies = new Set(rt.config.sharing.agencies.map((a) => a.code));
  const made: Array<[string, string, string, string]> = [];
  for (const u of DEMO_USERS) {
    if (!agencies.has(u.agency) || (await deps.accounts.getUser(u.username))) continue;
    const r = await acc.createUser(ctx, deps, u);
    made.push([u.username, u.agency, u.roles.join(",") + (u.cases.length ? ` + ${u.cases.join(",")}` : ""), r.oneTimePassword ?? ""]);
  }
  return made;
}

/** Opens the URL in the desktop's browser when there is one (best effort; never fails the demo). */
function openBrowser(url: string): void {
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : (process.env["DISPLAY"] || process.env["WAYLAND_DISPLAY"]) ? "xdg-open" : undefined;
  if (!cmd) return;
  try {
    const child = spawn(cmd, [url], { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  } catch { /* no browser: the URL is printed */ }
}

/** The case member whose view the demo resolves (the review queue and merged profiles of the tour). */
const RESOLVE_AS = { user: "analist.politie", purpose: "case:NL-2026-0042" };

/**
 * Resolves the case member's view in a child process (`vizier resolve --incremental`), so the
 * server answers meanwhile; a rerun only compares what changed. Best effort: a failure is reported,
 * the demo goes on.
 */
function resolveInBackground(g: GlobalOptions, log: NodeJS.WritableStream): void {
  const bundle = process.argv[1];
  if (!bundle) return;
  const args = [bundle, "resolve", "--incremental", "--quiet", "--as", RESOLVE_AS.user, "--purpose", RESOLVE_AS.purpose,
    ...(g.db ? ["--db", g.db] : []), ...(g.config ? ["--config", g.config] : [])];
  const t0 = Date.now();
  log.write(`demo: resolving entities in ${RESOLVE_AS.user}'s view (${RESOLVE_AS.purpose}) in the background…\n`);
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr?.on("data", (b: Buffer) => { err = (err + b.toString()).slice(-2000); });
  child.on("error", (e) => log.write(`demo: resolution did not start: ${e.message}\n`));
  // Stopping the demo stops the resolution too (a killed run leaves the previous result intact).
  process.once("exit", () => { if (child.exitCode === null) child.kill("SIGTERM"); });
  child.on("exit", (code, signal) => {
    if (signal) return;
    log.write(code === 0
      ? `demo: resolution done (${((Date.now() - t0) / 1000).toFixed(0)} s): merged profiles and the review queue are ready\n`
      : `demo: resolution failed (exit ${code}): ${err.trim().split("\n").pop() ?? ""}\n`);
  });
}

/**
 * `vizier demo` — generates (or reuses) the multi-agency scenario (issue #5, docs/demo.md) and
 * ingests every agency's files through the normal pipeline, creates demo users of several agencies
 * and roles (one-time passwords printed once), shows what the store holds, then serves the API
 * and the web UI (`--port`, default 8080) until Ctrl-C (`--no-serve`: set up only), resolving the
 * case member's view in the background meanwhile (`--no-resolve`: not).
 */
export function registerDemo(program: Command, env: Env): void {
  program.command("demo")
    .description("generate the multi-agency scenario and ingest it into a local store (docs/demo.md)")
    .option("--data-dir <dir>", "where the demo store and its generated scenario (<dir>/scenario) live", "vizier-data")
    .option("--scenario <dir>", "ingest this folder made by `vizier generate` instead of generating one")
    .option("--seed <n>", "scenario seed", "2026")
    .option("--scale <s>", "scenario size (1 = about 37,000 source rows)", "1")
    .option("--port <n>", "port of the API and UI (0: any free port)", "8080")
    .option("--host <addr>", "address to listen on", "127.0.0.1")
    .option("--no-open", "do not open a browser")
    .option("--no-serve", "set up the store and users, then exit (no server)")
    .option("--no-resolve", "do not resolve entities in the case member's view while serving")
    .addHelpText("after", [
      "\nExamples:",
      "  ./vizier demo",
      "  ./vizier demo --data-dir /tmp/vizier-demo",
      "  ./vizier demo --scenario /tmp/scenario --db /tmp/store",
      "  ./vizier demo --port 0 --no-open        # any free port; the URL is printed",
      "\nOn a fresh store demo first runs `vizier init` (the administrator's one-time password is printed once).",
      "Run again, it reuses the scenario and skips files already ingested.",
      "Then it serves the API and the web UI until Ctrl-C (GET /api/health answers when ready).",
    ].join("\n"))
    .action(async (o: DemoOptions, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>() };
      g.db ??= o.dataDir;
      const quiet = Boolean(g.quiet || g.json);
      const t0 = Date.now();
      const sc = scenarioFor(o, quiet);
      await ensureInitialised(g, env);
      await withRuntime(g, env, async (rt) => {
        const results = await ingestAll(rt, sc.dir, sc.manifest, quiet);
        const users = await demoUsers(rt);
        const s = await rt.svc.store.stats();
        const seconds = (Date.now() - t0) / 1000;
        const db = `--db ${g.db}`;
        const usersJson = users.map(([user, agency, roles, oneTimePassword]) => ({ user, agency, roles, oneTimePassword }));
        emit(g.json, { store: rt.svc.store.location, ingested: results, stats: s, scenario: { dir: sc.dir, ...sc.manifest.scenario, generated: sc.generated }, users: usersJson, seconds }, () => [
          "",
          table(["dataset", "agency", "rows", "quarantined", "statements"], results.map((r) => [r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4])])),
          "",
          `Store ${rt.svc.store.location}: ${fmt(s.entities)} entities, ${fmt(s.statements)} statements from ${s.datasets} datasets (${seconds.toFixed(1)}s).`,
          ...(users.length ? ["Demo users (one-time passwords, shown only now; act as one with --as <user>, or sign in to `vizier serve`):",
            table(["user", "agency", "roles", "one-time password"], users), ""] : []),
          `Scenario ${sc.dir} (seed ${sc.manifest.scenario.seed}, scale ${sc.manifest.scenario.scale}); its ground truth is in ${join(sc.dir, "truth")}. The case and the questions to ask: docs/demo.md`,
          "Try:",
          `  ./vizier search "Verdi Fresh" ${db} --purpose purpose:demo            # the importer: KvK register, customs declarations, FIU reports`,
          `  ./vizier search "El Amrani" ${db} --purpose case:NL-2026-0042          # a case purpose also opens FIOD and the foreign partners' data`,
          `  ./vizier search "Verdi Fresh" ${db} --as analist.fiu --purpose purpose:demo   # as the FIU analyst: what the sharing rules give FIU`,
          `  ./vizier stats ${db}`,
          `  ./vizier export --format ftm ${db} --purpose purpose:demo | head`,
          "In the UI, as analist.douane with purpose:demo, the KvK register's profile of the importer says what FIOD withholds, with Request access.",
        ].join("\n"));
      });
      if (!o.serve) return;
      await runServer(g, env, { port: o.port, host: o.host }, (url) => {
        const lines = [
          "",
          `Vizier is running: ${url}/${uiDir() ? "" : "  (the UI is not built: run \"node scripts/build.mjs\"; the API answers at /api)"}`,
          "Sign in with a demo user above (first run) and a purpose such as case:NL-2026-0042; the Tour tab walks through the case.",
          "Ctrl-C to stop.",
          "",
        ].join("\n");
        const log = g.json ? process.stderr : process.stdout;
        log.write(lines);
        if (o.resolve) resolveInBackground(g, log);
        if (o.open && !g.json && process.stdout.isTTY) openBrowser(`${url}/`);
      });
    });
}
