import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { accounts } from "@vizier/core";
import { SqliteStore } from "@vizier/store-sqlite";
import { BUNDLE, bundleMissing, files, tempDir, vizier } from "../test/harness";

const hasScript = spawnSync("script", ["--version"]).status === 0;

/** Runs `vizier init` on a pseudo-terminal (util-linux `script`), answering each password prompt. */
function initOnTerminal(db: string, answers: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn("script", ["-qec", `"${process.execPath}" "${BUNDLE}" init --db "${db}"`, "/dev/null"], {
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/tmp" }, stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let prompts = 0;
  const onData = (d: Buffer) => {
    out += d.toString();
    const seen = (out.match(/password[^\n]*: /gi) ?? []).length;
    while (prompts < seen && prompts < answers.length) child.stdin.write(`${answers[prompts++]}\r`);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return new Promise((resolve) => child.on("exit", (code) => { child.stdin.end(); resolve({ code, out }); }));
}

/** Every file of a store folder, concatenated (to look for secrets in clear). */
function storeBytes(db: string): string {
  return readdirSync(db).map((f) => readFileSync(join(db, f)).toString("latin1")).join("");
}

describe.skipIf(Boolean(bundleMissing))("vizier init: the first administrator", () => {
  it("without a terminal prints a one-time password once, stores only its hash, and never makes a second administrator", () => {
    const db = join(tempDir(), "store");
    const first = vizier(["init", "--db", db]);
    expect(first.code, first.stderr).toBe(0);
    const pw = /One-time password for admin[^\n]*\n {2}(\S+)/.exec(first.stdout)?.[1];
    expect(pw).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(first.stdout.split(pw!).length - 1).toBe(1);
    expect(first.stderr).not.toContain(pw);
    expect(storeBytes(db)).not.toContain(pw);

    const again = vizier(["init", "--db", db, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ admin: { user: "admin", created: false } });
    expect(again.stdout).not.toMatch(/oneTimePassword|password/i);

    const pwFile = files(tempDir(), { "pw.txt": "a-long-enough-password\n" })["pw.txt"]!;
    const second = vizier(["init", "--db", db, "--admin-user", "root", "--admin-password-file", pwFile]);
    expect(second.code).toBe(5);
    expect(second.stderr).toContain("CONFLICT");
    const users = JSON.parse(vizier(["user", "list", "--db", db, "--json"]).stdout) as Array<{ id: string; roles: string[] }>;
    expect(users.map((u) => [u.id, u.roles])).toEqual([["admin", ["admin", "analyst"]]]);
  });

  it("reads the password from a file, refuses a short one, and reports JSON without a password", () => {
    const dir = tempDir();
    const db = join(dir, "store");
    const f = files(dir, { "short.txt": "too-short\n", "good.txt": "correct horse battery staple\n" });
    const short = vizier(["init", "--db", db, "--admin-password-file", f["short.txt"]!]);
    expect(short.code).toBe(2);
    expect(vizier(["user", "list", "--db", db]).code).toBe(6); // still no administrator
    const ok = vizier(["init", "--db", db, "--agency", "DOUANE", "--admin-user", "Beheer", "--admin-password-file", f["good.txt"]!, "--json"]);
    expect(ok.code, ok.stderr).toBe(0);
    const out = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ agency: "DOUANE", admin: { user: "beheer", created: true } });
    expect(out["oneTimePassword"]).toBeUndefined();
    const me = JSON.parse(vizier(["user", "show", "beheer", "--db", db, "--json"]).stdout) as { agency: string; hasPassword: boolean };
    expect(me).toMatchObject({ agency: "DOUANE", hasPassword: true });
    expect(vizier(["init", "--db", db, "--agency", "POLITIE"]).code).toBe(5);
  });

  it("acts as the first administrator, or as the existing user named by --as; an unknown or disabled --as fails", () => {
    const db = join(tempDir(), "store");
    expect(vizier(["init", "--db", db]).code).toBe(0);
    expect(vizier(["user", "add", "bob", "--roles", "analyst", "--db", db]).code).toBe(0);
    const unknown = vizier(["stats", "--db", db, "--as", "mallory"]);
    expect(unknown.code).toBe(6);
    expect(unknown.stderr).toContain("UNAUTHENTICATED");
    // bob's roles apply: an analyst may look at himself but not list users.
    expect(vizier(["user", "show", "bob", "--db", db, "--as", "bob"]).code).toBe(0);
    const forbidden = vizier(["user", "list", "--db", db, "--as", "bob"]);
    expect([forbidden.code, forbidden.stderr.includes("FORBIDDEN")]).toEqual([6, true]);
    expect(vizier(["user", "disable", "bob", "--db", db]).code).toBe(0);
    expect(vizier(["user", "show", "bob", "--db", db, "--as", "bob"]).code).toBe(6);
    // The audit log names who acted: the system at init, the administrator, bob himself.
    const q = vizier(["audit", "query", "--db", db, "--json"]);
    expect(q.code, q.stderr).toBe(0);
    const records = (JSON.parse(q.stdout) as Array<{ action: string; actor: string }>).map((r) => `${r.action} ${r.actor}`);
    expect(records).toEqual(expect.arrayContaining(["account.create system:init", "account.create admin", "admin bob", "account.update admin"]));
    expect(vizier(["audit", "verify", "--db", db]).code).toBe(0);
  });

  it("refuses commands on a store that has no administrator yet", () => {
    const db = join(tempDir(), "store");
    const r = vizier(["dataset", "create", "police", "--db", db]);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain("vizier init");
  });

  it.skipIf(!hasScript)("on a terminal asks for the password twice without echoing it", async () => {
    const pw = "typed-on-a-terminal-1";
    const mismatch = await initOnTerminal(join(tempDir(), "store"), [pw, `${pw}x`]);
    expect(mismatch.code, mismatch.out).toBe(2);
    const db = join(tempDir(), "store");
    const ok = await initOnTerminal(db, [pw, pw]);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain("Repeat the password");
    expect(ok.out).not.toContain(pw);
    expect(ok.out).not.toMatch(/One-time password/);
    const store = new SqliteStore(db);
    await store.init();
    const admin = await store.accounts.getUser("admin");
    await store.close();
    expect(await accounts.verifyPassword(pw, admin!.passwordHash)).toBe(true);
  }, 60_000);
});
