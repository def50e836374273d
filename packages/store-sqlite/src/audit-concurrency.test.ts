import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { linkAudit, verifyAudit, type AuditEntry, type AuditRecord } from "@vizier/core";
import { AuditQueue } from "./audit";
import { SqliteStore } from "./store";

// `vizier serve --workers N` runs N processes over one store, each appending audit records through
// its own connection. The chain must stay one unbroken sequence: every append reads the head inside
// its IMMEDIATE transaction, so SQLite's write lock serialises the appenders.
const ROOT = resolve(import.meta.dirname, "../../..");
const APPENDER = join(ROOT, "dist/test/audit-appender.mjs");

/** Starts an appender; resolves with a `go` function once it is ready, which resolves with its exit code. */
function startAppender(location: string, actor: string, records: number): Promise<() => Promise<number>> {
  return new Promise((ready, rej) => {
    const child = spawn(process.execPath, [APPENDER, location, actor, String(records)], { stdio: ["pipe", "pipe", "inherit"] });
    const exit = new Promise<number>((res) => child.once("exit", (code) => res(code ?? -1)));
    child.once("error", rej);
    void exit.then((code) => rej(new Error(`appender exited ${code} before it was ready`)));
    child.stdout.once("data", () => ready(() => { child.stdin.end("go\n"); return exit; }));
  });
}

describe("audit chain with two appending processes", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "vizier-audit-conc-"));
    mkdirSync(join(ROOT, "dist/test"), { recursive: true });
    // Node cannot run the TypeScript sources directly; bundle the appender like scripts/run-ts.mjs does.
    buildSync({
      entryPoints: [join(import.meta.dirname, "test/audit-appender.ts")], outfile: APPENDER, bundle: true, platform: "node", format: "esm",
      target: "node20", external: ["better-sqlite3"], logLevel: "warning",
      banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stays one verifiable chain holding every record of both, interleaved", async () => {
    const store = new SqliteStore(dir);
    await store.init();
    await store.close();
    const n = 300;
    const go = await Promise.all([startAppender(store.location, "one", n), startAppender(store.location, "two", n)]);
    const codes = await Promise.all(go.map((g) => g()));
    expect(codes).toEqual([0, 0]);
    await store.init();
    try {
      const records: AuditRecord[] = [];
      for await (const batch of store.scanAudit(1000)) records.push(...batch);
      const check = await verifyAudit((async function* () { yield records; })());
      expect(check).toEqual({ ok: true, records: 2 * n });
      for (const actor of ["one", "two"]) {
        // Each process's records in its own order, none lost or doubled.
        expect(records.filter((r) => r.actor === actor).map((r) => r.query)).toEqual(Array.from({ length: n }, (_, i) => `${actor} ${i}`));
      }
      // The processes really ran at the same time (otherwise this test would prove nothing); the
      // appenders wait for each other halfway, so each side holds records before and after the other.
      const switches = records.filter((r, i) => i > 0 && r.actor !== records[i - 1]!.actor).length;
      expect(switches).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
  }, 120_000);

  it("waits for another writer without blocking the event loop, then appends; gives up after its limit", async () => {
    const store = new SqliteStore(join(dir, "wait"));
    await store.init();
    const other = new Database(store.audit.location);
    try {
      const entry = (q: string): AuditEntry => ({ at: new Date().toISOString(), actor: "u", agency: "A", purpose: "purpose:test", action: "search", query: q, resultIds: [], recipients: [] });
      await store.appendAudit([entry("before")], linkAudit);
      other.exec("BEGIN IMMEDIATE");
      let settled = false;
      const pending = store.appendAudit([entry("while locked")], linkAudit).finally(() => { settled = true; });
      // The event loop runs while the append waits (SQLite's busy timeout would have slept in the call).
      const ticks = await new Promise<number>((res) => { let n = 0; const t = setInterval(() => { if (++n === 5) { clearInterval(t); res(n); } }, 10); });
      expect(ticks).toBe(5);
      expect(settled).toBe(false);
      const third = new Database(store.audit.location);
      third.pragma("busy_timeout = 1234");
      await expect(new AuditQueue(() => third, 50).append([entry("x")], linkAudit)).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
      // Each attempt lowers the connection's busy timeout to 0 and gives it back afterwards.
      expect(third.pragma("busy_timeout", { simple: true })).toBe(1234);
      third.close();
      other.exec("COMMIT");
      const [rec] = await pending;
      expect(rec).toMatchObject({ seq: 2, query: "while locked" });
      const records: AuditRecord[] = [];
      for await (const b of store.scanAudit(100)) records.push(...b);
      expect(await verifyAudit((async function* () { yield records; })())).toEqual({ ok: true, records: 2 });
    } finally {
      other.close();
      await store.close();
    }
  });
});
