import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, pgServer } from "../../../store-postgres/src/test-db";
import { bundleMissing, tempDir, vizier } from "../test/harness";

interface UserJson { id: string; agency: string; roles: string[]; cases: string[]; disabled: boolean }
interface TokenJson { id: string; userId: string; name: string; expiresAt?: string; revokedAt?: string }

const json = <T>(r: { code: number; stdout: string; stderr: string }): T => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

describe.skipIf(Boolean(bundleMissing))("vizier user and token on the embedded store", () => {
  it("adds users and manages their roles, cases and status", () => {
    const db = join(tempDir(), "store");
    expect(vizier(["init", "--db", db]).code).toBe(0);
    const added = json<{ user: UserJson; oneTimePassword?: string }>(vizier(["user", "add", "JdeVries", "--agency", "FIOD", "--roles", "analyst,investigator", "--case", "case:NL-2026-0042", "--db", db, "--json"]));
    expect(added.user).toMatchObject({ id: "jdevries", agency: "FIOD", roles: ["analyst", "investigator"], cases: ["case:NL-2026-0042"], disabled: false });
    expect(added.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(vizier(["user", "add", "jdevries", "--db", db]).code).toBe(5);
    expect(vizier(["user", "add", "x", "--roles", "wizard", "--db", db]).code).toBe(2);
    expect(vizier(["user", "add", "eve", "--agency", "NOPE", "--db", db]).code).toBe(2);

    json(vizier(["user", "grant-case", "jdevries", "case:NL-2026-0043", "--db", db, "--json"]));
    json(vizier(["user", "revoke-case", "jdevries", "case:NL-2026-0042", "--db", db, "--json"]));
    const changed = json<UserJson>(vizier(["user", "set-roles", "jdevries", "liaison", "privacy_officer", "--db", db, "--json"]));
    expect([changed.roles, changed.cases]).toEqual([["liaison", "privacy_officer"], ["case:NL-2026-0043"]]);
    expect(vizier(["user", "revoke-case", "jdevries", "case:NL-9", "--db", db]).code).toBe(4);
    expect(vizier(["user", "show", "nobody", "--db", db]).code).toBe(4);
    expect(json<UserJson>(vizier(["user", "disable", "jdevries", "--db", db, "--json"])).disabled).toBe(true);
    expect(vizier(["user", "disable", "admin", "--db", db]).code).toBe(5); // the last enabled administrator
    const list = json<UserJson[]>(vizier(["user", "list", "--db", db, "--json"]));
    expect(list.map((u) => [u.id, u.disabled])).toEqual([["admin", false], ["jdevries", true]]);
    expect(JSON.stringify(list)).not.toMatch(/passwordHash|scrypt/);
  });

  it("creates tokens shown once, lets them act, and stops them when revoked or their user is disabled", () => {
    const db = join(tempDir(), "store");
    expect(vizier(["init", "--db", db]).code).toBe(0);
    expect(vizier(["user", "add", "bob", "--roles", "analyst", "--db", db]).code).toBe(0);
    const made = json<{ secret: string; token: TokenJson }>(vizier(["token", "create", "--name", "laptop", "--expires", "30d", "--as", "bob", "--db", db, "--json"]));
    expect(made.secret).toMatch(/^vz_[A-Za-z0-9_-]{43}$/);
    expect(made.token).toMatchObject({ userId: "bob", name: "laptop" });
    expect(Date.parse(made.token.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const listed = vizier(["token", "list", "--as", "bob", "--db", db, "--json"]);
    expect(json<TokenJson[]>(listed).map((t) => t.id)).toEqual([made.token.id]);
    expect(listed.stdout).not.toContain(made.secret.slice(3));
    // The token says who acts: bob (an analyst) may not list users.
    expect(json<UserJson>(vizier(["user", "show", "bob", "--db", db, "--json"], { env: { VIZIER_TOKEN: made.secret } })).id).toBe("bob");
    expect(vizier(["user", "list", "--db", db], { env: { VIZIER_TOKEN: made.secret } }).code).toBe(6);
    expect(vizier(["user", "show", "bob", "--db", db, "--token", made.secret, "--as", "admin"]).code).toBe(2);
    expect(vizier(["token", "list", "--all", "--as", "bob", "--db", db]).code).toBe(6);
    expect(vizier(["token", "create", "--expires", "1y", "--db", db]).code).toBe(2);

    expect(vizier(["user", "disable", "bob", "--db", db]).code).toBe(0);
    expect(vizier(["stats", "--db", db], { env: { VIZIER_TOKEN: made.secret } }).code).toBe(6);
    expect(vizier(["user", "enable", "bob", "--db", db]).code).toBe(0);
    expect(vizier(["stats", "--db", db], { env: { VIZIER_TOKEN: made.secret } }).code).toBe(0);
    expect(json<TokenJson>(vizier(["token", "revoke", made.token.id, "--db", db, "--json"])).revokedAt).toBeDefined();
    const refused = vizier(["stats", "--db", db], { env: { VIZIER_TOKEN: made.secret } });
    expect([refused.code, refused.stderr.includes("UNAUTHENTICATED")]).toEqual([6, true]);
    expect(vizier(["token", "revoke", "tok_000000000000", "--db", db]).code).toBe(4);
    expect(vizier(["audit", "verify", "--db", db]).code).toBe(0);
  });
});

const server = pgServer();
let pg: { url: string; drop: () => Promise<void> } | undefined;
beforeAll(async () => { if (server.url) pg = await createTestDatabase(server.url, "vz_cli_accounts"); });
afterAll(async () => { await pg?.drop(); });

describe.skipIf(Boolean(bundleMissing) || !server.url)("vizier on a shared PostgreSQL store needs a token", () => {
  it("init prints an administrator token once; without a token commands are refused", () => {
    const init = vizier(["init", "--db", pg!.url, "--json"]);
    const out = json<{ admin: { user: string; created: boolean }; oneTimePassword: string; token: string }>(init);
    expect(out.admin).toEqual({ user: "admin", created: true });
    expect(out.token).toMatch(/^vz_/);
    const refused = vizier(["user", "list", "--db", pg!.url]);
    expect([refused.code, refused.stderr.includes("UNAUTHENTICATED")]).toEqual([6, true]);
    expect(vizier(["user", "list", "--db", pg!.url, "--as", "admin"]).code).toBe(6);
    const env = { VIZIER_TOKEN: out.token };
    expect(json<UserJson[]>(vizier(["user", "list", "--db", pg!.url, "--json"], { env })).map((u) => u.id)).toEqual(["admin"]);
    const again = json<{ admin: { created: boolean } }>(vizier(["init", "--db", pg!.url, "--json"]));
    expect(again.admin.created).toBe(false);
    expect(vizier(["user", "add", "bob", "--db", pg!.url], { env }).code).toBe(0);
    expect(vizier(["stats", "--db", pg!.url], { env: { VIZIER_TOKEN: "vz_" + "A".repeat(43) } }).code).toBe(6);
  });
});
