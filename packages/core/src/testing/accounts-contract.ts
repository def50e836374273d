import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isVizierError, type ErrorCode } from "@vizier/model";
import { verifyAudit } from "../audit/chain";
import { makeCtx, userActor, type Actor, type Ctx } from "../context";
import * as acc from "../accounts/index";
import type { AccountDeps } from "../accounts/deps";
import type { UserRecord, WithAccounts } from "../ports/accounts";
import type { StorePort } from "../ports/store";

/** What the accounts contract needs from a store: its accounts port and its audit chain. */
export type AccountsStore = WithAccounts & Pick<StorePort, "appendAudit" | "scanAudit" | "close">;

const T0 = Date.parse("2026-06-01T09:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();
const rejectsWith = (code: ErrorCode) => (e: unknown) => isVizierError(e, code);

function user(id: string, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    id, displayName: id.toUpperCase(), agency: "A", roles: ["analyst"], cases: [], passwordHash: "", disabled: false,
    createdAt: iso(T0), updatedAt: iso(T0), ...extra,
  };
}

/**
 * The contract every AccountsPort adapter passes, plus the account use cases (core/accounts)
 * run against the real adapter: passwords, throttling, tokens, sessions, user management and
 * their audit records. `make` returns a fresh, empty, initialised store; `reopen` another handle.
 */
export function runAccountsContract(
  label: string, make: () => Promise<{ store: AccountsStore; reopen: () => Promise<AccountsStore> }>, opts: { skip?: string } = {},
): void {
  describe.skipIf(Boolean(opts.skip))(`accounts contract: ${label}${opts.skip ? ` (skipped: ${opts.skip})` : ""}`, () => {
    let store: AccountsStore;
    let reopen: () => Promise<AccountsStore>;
    let deps: AccountDeps;
    let clock = T0;
    const now = () => new Date(clock);
    const ctxOf = (actor: Actor): Ctx => makeCtx(actor, "purpose:administration", now);

    beforeEach(async () => {
      ({ store, reopen } = await make());
      deps = { accounts: store.accounts, audit: store };
      clock = T0;
    });
    afterEach(async () => { await store.close(); });

    async function actions(): Promise<string[]> {
      const out: string[] = [];
      for await (const b of store.scanAudit(100)) out.push(...b.map((r) => `${r.action} ${r.actor}`));
      return out;
    }

    describe("port", () => {
      it("keeps users, refuses duplicates and patches only named fields", async () => {
        await store.accounts.ensure();
        await store.accounts.createUser(user("bob", { roles: ["analyst", "investigator"], cases: ["case:X-1"], passwordHash: "h" }));
        await store.accounts.createUser(user("alice"));
        await expect(store.accounts.createUser(user("bob"))).rejects.toSatisfy(rejectsWith("ALREADY_EXISTS"));
        expect(await store.accounts.countUsers()).toBe(2);
        expect((await store.accounts.listUsers()).map((u) => u.id)).toEqual(["alice", "bob"]);
        const other = await reopen();
        expect(await other.accounts.getUser("bob")).toEqual(user("bob", { roles: ["analyst", "investigator"], cases: ["case:X-1"], passwordHash: "h" }));
        await other.close();
        const updated = await store.accounts.updateUser("bob", { disabled: true, cases: [], updatedAt: iso(T0 + 1000) });
        expect(updated).toEqual(user("bob", { roles: ["analyst", "investigator"], passwordHash: "h", disabled: true, updatedAt: iso(T0 + 1000) }));
        expect(await store.accounts.getUser("bob")).toEqual(updated);
        expect(await store.accounts.getUser("nobody")).toBeUndefined();
        await expect(store.accounts.updateUser("nobody", { disabled: true, updatedAt: iso(T0) })).rejects.toSatisfy(rejectsWith("NOT_FOUND"));
      });

      it("creates a first user only once, even when two processes race", async () => {
        const other = await reopen();
        const results = await Promise.all([store.accounts.createFirstUser(user("admin1")), other.accounts.createFirstUser(user("admin2"))]);
        await other.close();
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.accounts.countUsers()).toBe(1);
        expect(await store.accounts.createFirstUser(user("admin3"))).toBe(false);
      });

      it("keeps tokens by hash, lists them in creation order, revokes idempotently", async () => {
        await store.accounts.createUser(user("bob"));
        await store.accounts.createUser(user("carol"));
        await store.accounts.createToken({ id: "tok_b", userId: "bob", name: "ci", secretHash: "h-b", createdAt: iso(T0 + 2), expiresAt: iso(T0 + 99) });
        await store.accounts.createToken({ id: "tok_a", userId: "bob", name: "laptop", secretHash: "h-a", createdAt: iso(T0 + 1) });
        await store.accounts.createToken({ id: "tok_c", userId: "carol", name: "x", secretHash: "h-c", createdAt: iso(T0) });
        await expect(store.accounts.createToken({ id: "tok_a", userId: "bob", name: "dup", secretHash: "h-z", createdAt: iso(T0) })).rejects.toSatisfy(rejectsWith("ALREADY_EXISTS"));
        expect(await store.accounts.findTokenByHash("h-b")).toEqual({ id: "tok_b", userId: "bob", name: "ci", secretHash: "h-b", createdAt: iso(T0 + 2), expiresAt: iso(T0 + 99) });
        expect(await store.accounts.findTokenByHash("nope")).toBeUndefined();
        expect((await store.accounts.listTokens("bob")).map((t) => t.id)).toEqual(["tok_a", "tok_b"]);
        expect((await store.accounts.listTokens()).map((t) => t.id)).toEqual(["tok_c", "tok_a", "tok_b"]);
        await store.accounts.touchToken("tok_a", iso(T0 + 5));
        await store.accounts.revokeToken("tok_a", iso(T0 + 6));
        await store.accounts.revokeToken("tok_a", iso(T0 + 7));
        expect(await store.accounts.getToken("tok_a")).toMatchObject({ lastUsedAt: iso(T0 + 5), revokedAt: iso(T0 + 6) });
        await expect(store.accounts.revokeToken("tok_zz", iso(T0))).rejects.toSatisfy(rejectsWith("NOT_FOUND"));
      });

      it("keeps sessions and removes expired ones", async () => {
        await store.accounts.createUser(user("bob"));
        await store.accounts.createSession({ idHash: "s1", userId: "bob", purpose: "case:X", createdAt: iso(T0), expiresAt: iso(T0 + 10) });
        await store.accounts.createSession({ idHash: "s2", userId: "bob", purpose: "case:X", createdAt: iso(T0), expiresAt: iso(T0 + 1000) });
        await store.accounts.revokeSession("s2", iso(T0 + 1));
        expect(await store.accounts.findSession("s2")).toEqual({ idHash: "s2", userId: "bob", purpose: "case:X", createdAt: iso(T0), expiresAt: iso(T0 + 1000), revokedAt: iso(T0 + 1) });
        expect(await store.accounts.deleteExpiredSessions(iso(T0 + 100))).toBe(1);
        expect(await store.accounts.findSession("s1")).toBeUndefined();
      });

      it("counts failed logins in the window and since the last success", async () => {
        const at = (ms: number, ok: boolean, userId = "bob") => store.accounts.recordLoginAttempt({ userId, at: iso(T0 + ms), ok, source: "test" });
        await at(0, false); await at(10, false); await at(20, true); await at(30, false); await at(40, false); await at(50, false, "eve");
        expect(await store.accounts.countFailedLogins("bob", iso(T0))).toBe(2);
        expect(await store.accounts.countFailedLogins("bob", iso(T0 + 35))).toBe(1);
        expect(await store.accounts.countFailedLogins("eve", iso(T0))).toBe(1);
        expect(await store.accounts.countFailedLogins("nobody", iso(T0))).toBe(0);
      });

      it("prunes expired sessions and old login attempts, never those inside the throttling window", async () => {
        await store.accounts.createUser(user("bob"));
        const day = 24 * 3_600_000;
        const now = new Date(T0 + 200 * day);
        await store.accounts.createSession({ idHash: "old", userId: "bob", purpose: "case:X", createdAt: iso(T0), expiresAt: iso(T0 + day) });
        await store.accounts.createSession({ idHash: "live", userId: "bob", purpose: "case:X", createdAt: iso(now.getTime() - 60_000), expiresAt: iso(now.getTime() + day) });
        for (const ago of [150 * day, 91 * day, 89 * day, 60_000]) await store.accounts.recordLoginAttempt({ userId: "bob", at: iso(now.getTime() - ago), ok: false });
        expect(await acc.pruneAccounts(store.accounts, now)).toEqual({ sessions: 1, loginAttempts: 2 });
        expect(await store.accounts.findSession("old")).toBeUndefined();
        expect(await store.accounts.findSession("live")).toBeDefined();
        expect(await store.accounts.countFailedLogins("bob", iso(T0))).toBe(2);
        // Even a keep period shorter than the throttling window leaves the window's failures.
        expect((await acc.pruneAccounts(store.accounts, now, 0)).loginAttempts).toBe(1);
        expect(await store.accounts.countFailedLogins("bob", iso(now.getTime() - acc.THROTTLE.windowMs))).toBe(1);
        expect(await acc.pruneAccounts(store.accounts, now)).toEqual({ sessions: 0, loginAttempts: 0 });
      });
    });

    describe("use cases", () => {
      let admin: Actor;
      beforeEach(async () => {
        const made = await acc.createFirstAdmin(deps, { username: "root", agency: "A", password: "first-admin-password", now });
        expect(made?.user).toMatchObject({ id: "root", roles: ["admin", "analyst"], hasPassword: true });
        admin = acc.actorForUser((await store.accounts.getUser("root"))!);
      });

      it("never creates a second first administrator nor resets its password", async () => {
        const before = await store.accounts.getUser("root");
        expect(await acc.createFirstAdmin(deps, { username: "root2", agency: "A", now })).toBeUndefined();
        expect(await acc.createFirstAdmin(deps, { username: "root", agency: "A", password: "another-password-1", now })).toBeUndefined();
        expect(await store.accounts.getUser("root")).toEqual(before);
        expect(await store.accounts.countUsers()).toBe(1);
        expect(await actions()).toEqual(["account.create system:init"]);
      });

      it("stores only a password hash and authenticates to the user's actor", async () => {
        const { oneTimePassword } = await acc.createUser(ctxOf(admin), deps, { username: "Bob", agency: "B", roles: ["investigator"], cases: ["case:NL-1"] });
        expect(oneTimePassword).toBeDefined();
        const stored = (await store.accounts.getUser("bob"))!;
        expect(stored.passwordHash).toMatch(/^scrypt\$/);
        expect(stored.passwordHash).not.toContain(oneTimePassword);
        const actor = await acc.authenticate(deps, { username: "bob", password: oneTimePassword!, source: "test", now });
        expect(actor).toEqual(userActor("bob", "B", ["investigator"], ["case:NL-1"]));
      });

      it("a one-time password must be replaced before anything else; a reset by an administrator makes it one-time again", async () => {
        const { oneTimePassword } = await acc.createUser(ctxOf(admin), deps, { username: "bob", agency: "A", roles: ["analyst"] });
        expect((await store.accounts.getUser("bob"))!.mustChangePassword).toBe(true);
        const s = await acc.login(deps, { username: "bob", password: oneTimePassword!, purpose: "case:X", now });
        expect(s.mustChangePassword).toBe(true);
        expect((await acc.sessionActor(deps, s.secret, now)).mustChangePassword).toBe(true);
        const change = (current: string, next: string) => acc.changeOwnPassword(deps, { userId: "bob", current, next, purpose: "case:X", now });
        await expect(change("not-the-password", "bobs-own-password")).rejects.toSatisfy(rejectsWith("FORBIDDEN"));
        expect((await actions()).filter((a) => a.startsWith("login"))).toEqual(["login bob", "login.failed bob"]);
        await expect(change(oneTimePassword!, oneTimePassword!)).rejects.toSatisfy(rejectsWith("INVALID_ARGUMENT"));
        await expect(change(oneTimePassword!, "short")).rejects.toSatisfy(rejectsWith("INVALID_ARGUMENT"));
        expect((await store.accounts.getUser("bob"))!.mustChangePassword).toBe(true);
        await change(oneTimePassword!, "bobs-own-password");
        expect((await acc.sessionActor(deps, s.secret, now)).mustChangePassword).toBe(false);
        await expect(acc.authenticate(deps, { username: "bob", password: oneTimePassword!, now })).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        expect((await acc.login(deps, { username: "bob", password: "bobs-own-password", purpose: "case:X", now })).mustChangePassword).toBe(false);
        // An administrator sets it for bob: one-time again (unless said otherwise); bob setting his own clears it.
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "set-password", password: "from-the-admin-1" });
        expect((await store.accounts.getUser("bob"))!.mustChangePassword).toBe(true);
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "set-password", password: "from-the-admin-2", temporary: false });
        expect((await store.accounts.getUser("bob"))!.mustChangePassword).toBeFalsy();
        expect((await actions()).filter((a) => a.startsWith("account.update"))).toEqual(["account.update bob", "account.update root", "account.update root"]);
      });

      it("refuses a wrong password, an unknown user and a disabled user alike", async () => {
        await acc.createUser(ctxOf(admin), deps, { username: "bob", agency: "A", roles: ["analyst"], password: "bobs-password-1" });
        await expect(acc.authenticate(deps, { username: "bob", password: "wrong-password-1", now })).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        await expect(acc.authenticate(deps, { username: "nobody", password: "bobs-password-1", now })).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "disable" });
        await expect(acc.authenticate(deps, { username: "bob", password: "bobs-password-1", now })).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "enable" });
        expect((await acc.authenticate(deps, { username: "bob", password: "bobs-password-1", now })).id).toBe("bob");
        expect((await actions()).filter((a) => a.startsWith("login"))).toEqual(["login.failed bob", "login.failed nobody", "login.failed bob", "login bob"]);
      });

      it("throttles after five failures in fifteen minutes, even with the right password, then lets the user in again", async () => {
        await acc.createUser(ctxOf(admin), deps, { username: "bob", agency: "A", roles: ["analyst"], password: "bobs-password-1" });
        for (let i = 0; i < acc.THROTTLE.maxFailures; i++) {
          clock += 60_000;
          await expect(acc.authenticate(deps, { username: "bob", password: `guess-number-${i}`, now })).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        }
        await expect(acc.authenticate(deps, { username: "bob", password: "bobs-password-1", now })).rejects.toSatisfy(rejectsWith("LOGIN_THROTTLED"));
        // Other users are not affected.
        expect((await acc.authenticate(deps, { username: "root", password: "first-admin-password", now })).id).toBe("root");
        clock += acc.THROTTLE.windowMs;
        expect((await acc.authenticate(deps, { username: "bob", password: "bobs-password-1", now })).id).toBe("bob");
      });

      it("issues vz_ tokens shown once and stored hashed; refuses expired, revoked, unknown tokens and disabled users", async () => {
        await acc.createUser(ctxOf(admin), deps, { username: "bob", agency: "B", roles: ["analyst"], password: "bobs-password-1" });
        const bob = acc.actorForUser((await store.accounts.getUser("bob"))!);
        const { secret, token } = await acc.createToken(ctxOf(bob), deps, { name: "laptop", lifetimeMs: 3_600_000 });
        expect(secret).toMatch(/^vz_[A-Za-z0-9_-]{43}$/);
        const stored = (await store.accounts.getToken(token.id))!;
        expect(stored.secretHash).toBe(acc.hashSecret(secret));
        expect(JSON.stringify(await store.accounts.listTokens())).not.toContain(secret.slice(3));
        expect(await acc.actorForToken(deps, secret, now)).toEqual(bob);
        expect((await store.accounts.getToken(token.id))?.lastUsedAt).toBe(iso(clock));
        // Tamper with the last character (never "replacing" it with itself: that was a 1-in-64 flake).
        const tampered = `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
        await expect(acc.actorForToken(deps, tampered, now)).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        await expect(acc.actorForToken(deps, "not-a-token", now)).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        clock += 3_600_000;
        await expect(acc.actorForToken(deps, secret, now)).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));

        const forever = await acc.createToken(ctxOf(bob), deps, { name: "ci" });
        expect(await acc.actorForToken(deps, forever.secret, now)).toEqual(bob);
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "disable" });
        await expect(acc.actorForToken(deps, forever.secret, now)).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "enable" });
        await acc.revokeToken(ctxOf(bob), deps, forever.token.id);
        await expect(acc.actorForToken(deps, forever.secret, now)).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        expect((await actions()).filter((a) => a.startsWith("token."))).toEqual(["token.create bob", "token.create bob", "token.revoke bob"]);
      });

      it("records a token's last use at most once a minute (a read is not also a write)", async () => {
        await acc.createUser(ctxOf(admin), deps, { username: "bob", agency: "B", roles: ["analyst"], password: "bobs-password-1" });
        const bob = acc.actorForUser((await store.accounts.getUser("bob"))!);
        const { secret, token } = await acc.createToken(ctxOf(bob), deps, { name: "laptop" });
        const lastUsed = async () => (await store.accounts.getToken(token.id))?.lastUsedAt;
        await acc.actorForToken(deps, secret, now);
        const first = iso(clock);
        expect(await lastUsed()).toBe(first);
        clock += acc.TOKEN_TOUCH_MS - 1;
        await acc.actorForToken(deps, secret, now);
        expect(await lastUsed()).toBe(first);
        clock += 1;
        await acc.actorForToken(deps, secret, now);
        expect(await lastUsed()).toBe(iso(clock));
      });

      it("lets only administrators manage other users' accounts and tokens", async () => {
        await acc.createUser(ctxOf(admin), deps, { username: "bob", agency: "A", roles: ["analyst"], password: "bobs-password-1" });
        await acc.createUser(ctxOf(admin), deps, { username: "carol", agency: "A", roles: ["analyst"], password: "carols-password" });
        const bob = acc.actorForUser((await store.accounts.getUser("bob"))!);
        await expect(acc.createUser(ctxOf(bob), deps, { username: "eve", agency: "A", roles: ["admin"] })).rejects.toSatisfy(rejectsWith("FORBIDDEN"));
        await expect(acc.changeUser(ctxOf(bob), deps, "bob", { kind: "set-roles", roles: ["admin"] })).rejects.toSatisfy(rejectsWith("FORBIDDEN"));
        await expect(acc.createToken(ctxOf(bob), deps, { name: "x", userId: "carol" })).rejects.toSatisfy(rejectsWith("FORBIDDEN"));
        const carols = await acc.createToken(ctxOf(admin), deps, { name: "x", userId: "carol" });
        await expect(acc.revokeToken(ctxOf(bob), deps, carols.token.id)).rejects.toSatisfy(rejectsWith("FORBIDDEN"));
        await expect(acc.listTokens(ctxOf(bob), deps, "all")).rejects.toSatisfy(rejectsWith("FORBIDDEN"));
        await expect(acc.listUsers(ctxOf(bob), deps)).rejects.toSatisfy(rejectsWith("FORBIDDEN"));
        expect((await acc.showUser(ctxOf(bob), deps, "bob")).id).toBe("bob");
        await expect(acc.createUser(ctxOf(admin), deps, { username: "bob", agency: "A", roles: ["analyst"] })).rejects.toSatisfy(rejectsWith("ALREADY_EXISTS"));
        await expect(acc.createUser(ctxOf(admin), deps, { username: "x y", agency: "A", roles: ["analyst"] })).rejects.toSatisfy(rejectsWith("INVALID_ARGUMENT"));
        await expect(acc.createUser(ctxOf(admin), deps, { username: "dave", agency: "A", roles: ["analyst"], password: "short" })).rejects.toSatisfy(rejectsWith("INVALID_ARGUMENT"));
      });

      it("manages case memberships, roles and the last administrator", async () => {
        await acc.createUser(ctxOf(admin), deps, { username: "bob", agency: "A", roles: ["analyst"], password: "bobs-password-1" });
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "grant-case", caseRef: "case:NL-2026-0042" });
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "grant-case", caseRef: "case:NL-2026-0043" });
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "revoke-case", caseRef: "case:NL-2026-0042" });
        await expect(acc.changeUser(ctxOf(admin), deps, "bob", { kind: "grant-case", caseRef: "NL-1" })).rejects.toSatisfy(rejectsWith("INVALID_ARGUMENT"));
        await expect(acc.changeUser(ctxOf(admin), deps, "bob", { kind: "revoke-case", caseRef: "case:NL-9" })).rejects.toSatisfy(rejectsWith("NOT_FOUND"));
        await acc.changeUser(ctxOf(admin), deps, "bob", { kind: "set-roles", roles: ["investigator", "liaison"] });
        const actor = await acc.authenticate(deps, { username: "bob", password: "bobs-password-1", now });
        expect([actor.cases, actor.roles]).toEqual([["case:NL-2026-0043"], ["investigator", "liaison"]]);
        await expect(acc.changeUser(ctxOf(admin), deps, "root", { kind: "disable" })).rejects.toSatisfy(rejectsWith("CONFLICT"));
        await expect(acc.changeUser(ctxOf(admin), deps, "root", { kind: "set-roles", roles: ["analyst"] })).rejects.toSatisfy(rejectsWith("CONFLICT"));
        await expect(acc.changeUser(ctxOf(admin), deps, "nobody", { kind: "disable" })).rejects.toSatisfy(rejectsWith("NOT_FOUND"));
        expect((await actions()).filter((a) => a.startsWith("account.update")).length).toBe(4);
        expect((await verifyAudit(store.scanAudit(100))).ok).toBe(true);
      });

      it("opens purpose-bound sessions that expire and end at logout", async () => {
        await acc.createUser(ctxOf(admin), deps, { username: "bob", agency: "A", roles: ["analyst"], password: "bobs-password-1" });
        const s = await acc.login(deps, { username: "bob", password: "bobs-password-1", purpose: "case:NL-1", ttlMs: 60_000, now });
        expect(s.secret.startsWith("vzs_")).toBe(true);
        expect(await store.accounts.findSession(s.secret)).toBeUndefined();
        expect(await acc.sessionActor(deps, s.secret, now)).toMatchObject({ purpose: "case:NL-1", actor: { id: "bob" } });
        clock += 60_000;
        await expect(acc.sessionActor(deps, s.secret, now)).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        const s2 = await acc.login(deps, { username: "bob", password: "bobs-password-1", purpose: "case:NL-1", now });
        await acc.logout(deps, s2.secret, now);
        await expect(acc.sessionActor(deps, s2.secret, now)).rejects.toSatisfy(rejectsWith("UNAUTHENTICATED"));
        await expect(acc.login(deps, { username: "bob", password: "bobs-password-1", purpose: " ", now })).rejects.toSatisfy(rejectsWith("PURPOSE_REQUIRED"));
      });
    });
  });
}
