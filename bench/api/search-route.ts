/**
 * In-process cost of GET /api/search through the app (auth, zod, policy, store, audit), per term of
 * the API load benchmark: CPU ms (process.cpuUsage) and wall ms per request, mean over `repeats`.
 *   node scripts/run-ts.mjs bench/api/search-route.ts <dir with bench.json and store, from prepare.ts> [plain|facets|filtered|filtered-page3|filtered-facets] [repeats=20]
 * plain: `q` only (what the load benchmark asks); facets: `&facets=true`; filtered: `&country=nl`;
 * filtered-page3: `&country=nl&offset=40`; filtered-facets: `&country=nl&facets=true` (the web UI after a click). Each search is audited, as served.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseSharingConfig, withAuditBatching, type Services } from "@vizier/core";
import { defaultModel } from "@vizier/model";
import { SqliteJobs, SqliteStore } from "@vizier/store-sqlite";
import { accountsAuthenticator, createApp, JobRunner } from "@vizier/server";
import { TERMS } from "./load-terms";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = resolve(process.argv[2]!);
const mode = process.argv[3] ?? "plain";
const repeats = Number(process.argv[4] ?? 20);
const bench = JSON.parse(readFileSync(join(dir, "bench.json"), "utf8")) as { token: string; purpose: string };
const store = new SqliteStore(join(dir, "store"));
await store.init();
const sharing = parseSharingConfig(readFileSync(join(ROOT, "config/sharing-rules.yml"), "utf8"), "config/sharing-rules.yml");
const svc: Services = { store: withAuditBatching(store), model: defaultModel(), sharing };
const jobs = new SqliteJobs(store.location);
const runner = new JobRunner(svc, jobs, { uploadDir: join(dir, "uploads") });
const app = createApp(svc, { auth: accountsAuthenticator({ accounts: store.accounts, audit: svc.store }), jobs: runner, secureCookies: false });
const headers = { authorization: `Bearer ${bench.token}`, "x-vizier-purpose": bench.purpose };
const extra = { plain: "", facets: "&facets=true", filtered: "&country=nl", "filtered-page3": "&country=nl&offset=40", "filtered-facets": "&country=nl&facets=true" }[mode];
if (extra === undefined) throw new Error(`unknown mode ${mode}`);

async function once(text: string): Promise<number> {
  const r = await app.request(`http://localhost/api/search?q=${encodeURIComponent(text)}&limit=20${extra}`, { headers });
  if (r.status !== 200) throw new Error(`${r.status} ${await r.text()}`);
  return ((await r.json()) as { items: unknown[] }).items.length;
}
const rows: Array<{ text: string; items: number; cpuMs: number; wallMs: number }> = [];
for (const text of TERMS) {
  const items = await once(text);
  const c = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < repeats; i++) await once(text);
  const d = process.cpuUsage(c);
  rows.push({ text, items, cpuMs: Math.round((d.user + d.system) / repeats / 10) / 100, wallMs: Math.round((performance.now() - t) / repeats * 100) / 100 });
}
const mean = (k: "cpuMs" | "wallMs") => Math.round(rows.reduce((s, r) => s + r[k], 0) / rows.length * 100) / 100;
console.log(JSON.stringify({ mode, rows: rows.map((r) => `${r.text}:${r.items}:${r.cpuMs}`).join(" "), meanCpuMs: mean("cpuMs"), meanWallMs: mean("wallMs") }));
await jobs.close();
await store.close();
