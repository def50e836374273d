import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { get as httpGet } from "node:http";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyAudit, type AuditRecord } from "@vizier/core";
import { isVizierError } from "@vizier/model";
import { SqliteStore } from "@vizier/store-sqlite";
import { bundleMissing, files, tempDir, vizier, vizierAsync } from "../test/harness";
import { workerCount } from "./serve-workers";

describe("workerCount", () => {
  it("defaults to one per core on the embedded store and one on PostgreSQL; takes a count; refuses nonsense", () => {
    expect(workerCount(undefined, "sqlite", 6)).toBe(6);
    expect(workerCount("auto", "postgres", 6)).toBe(1);
    expect(workerCount("3", "postgres", 6)).toBe(3);
    for (const bad of ["0", "-1", "2.5", "many", "65"]) {
      expect(() => workerCount(bad, "sqlite", 2), bad).toThrow(expect.toSatisfy((e: unknown) => isVizierError(e, "INVALID_ARGUMENT")));
    }
  });
});

const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

// `vizier serve --workers 2`: two processes serve one port, every request is audited by whichever
// process served it, and the chain they write together verifies.
describe.skipIf(Boolean(bundleMissing))("vizier serve --workers (processes)", () => {
  const dir = tempDir("vizier-serve-workers-");
  const db = join(dir, "store");
  let child: ReturnType<typeof vizierAsync> | undefined;
  afterAll(() => { child?.kill("SIGKILL"); });

  it("serves and audits from every worker, replaces a killed worker, stops cleanly; the audit chain verifies", async () => {
    const pw = files(dir, { "pw.txt": "a long enough password 123\n" })["pw.txt"]!;
    expect(vizier(["init", "--db", db, "--admin-password-file", pw]).code).toBe(0);
    child = vizierAsync(["serve", "--db", db, "--port", "0", "--workers", "2", "--insecure-cookies"]);
    let out = "";
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 30_000);
      child!.stdout.on("data", (b: Buffer) => {
        out += b.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      });
      child!.once("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const primary = child.pid!;
    const workers = childrenOf(primary);
    expect(workers).toHaveLength(2);
    // Workers start with the larger young generation (server/src/cluster.ts#workerExecArgv).
    for (const w of workers) expect(execFileSync("cat", [`/proc/${w}/cmdline`], { encoding: "utf8" }).split("\0")).toContain("--max-semi-space-size=64");
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/session`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "admin", password: "a long enough password 123", purpose: "purpose:test" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith("vizier_session="))!.split(";")[0]!;
    const cpu = (pid: number) => { const f = execFileSync("cat", [`/proc/${pid}/stat`], { encoding: "utf8" }).split(") ")[1]!.split(" "); return Number(f[11]) + Number(f[12]); };
    const before = workers.map(cpu);
    const n = 120;
    // A fresh connection per request (no keep-alive pool), so the primary spreads them over the
    // workers and none is left on a worker killed below.
    const get = (path: string) => new Promise<number>((res, rej) => {
      const req = httpGet({ host: "127.0.0.1", port, path, headers: { cookie }, agent: false }, (r) => { r.resume(); r.on("end", () => res(r.statusCode ?? 0)); });
      req.on("error", rej);
    });
    const statuses = await Promise.all(Array.from({ length: n }, (_, i) => get(`/api/search?q=probe${i}`)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Both workers did work (round-robin hand-out of connections).
    workers.forEach((w, i) => expect(cpu(w), `worker ${w}`).toBeGreaterThan(before[i]!));

    process.kill(workers[0]!, "SIGKILL");
    for (let i = 0; i < 100 && !(childrenOf(primary).length === 2 && !childrenOf(primary).includes(workers[0]!)); i++) await new Promise((r) => setTimeout(r, 200));
    expect(childrenOf(primary)).toHaveLength(2);
    const again = await Promise.all(Array.from({ length: 10 }, () => get("/api/search?q=again")));
    expect(again.every((s) => s === 200)).toBe(true);

    const exit = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await exit as [number | null];
    expect(code).toBe(0);
    child = undefined;
    expect(childrenOf(primary)).toEqual([]);

    const store = new SqliteStore(db);
    await store.init();
    try {
      const records: AuditRecord[] = [];
      for await (const b of store.scanAudit(1000)) records.push(...b);
      expect(await verifyAudit((async function* () { yield records; })())).toMatchObject({ ok: true });
      const searched = records.filter((r) => r.action === "search").map((r) => r.query);
      expect(searched.filter((q) => q.startsWith("probe")).sort()).toEqual(Array.from({ length: n }, (_, i) => `probe${i}`).sort());
      expect(searched.filter((q) => q === "again")).toHaveLength(10);
    } finally {
      await store.close();
    }
  }, 120_000);
});
