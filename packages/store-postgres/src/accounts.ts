import type pg from "pg";
import { VizierError } from "@vizier/model";
import { sqlRows, type AccountsPort, type LoginAttempt, type Role, type SessionRecord, type TokenRecord, type UserPatch, type UserRecord } from "@vizier/core";
import { noNul } from "./copy-text";
import { inTransaction } from "./tx";
import { guarded, storeError } from "./errors";

/** Accounts tables, kept apart from the statement schema, in the store's schema (search_path). */
const DDL = `
CREATE TABLE IF NOT EXISTS account_users (
  id text PRIMARY KEY, display_name text NOT NULL, agency text NOT NULL, roles text[] NOT NULL, cases text[] NOT NULL,
  password_hash text NOT NULL, disabled boolean NOT NULL DEFAULT false, created_at text NOT NULL, updated_at text NOT NULL);
CREATE TABLE IF NOT EXISTS account_tokens (
  id text PRIMARY KEY, user_id text NOT NULL REFERENCES account_users(id), name text NOT NULL, secret_hash text NOT NULL UNIQUE,
  created_at text NOT NULL, expires_at text, last_used_at text, revoked_at text);
CREATE INDEX IF NOT EXISTS account_tokens_user ON account_tokens (user_id, created_at);
CREATE TABLE IF NOT EXISTS account_sessions (
  id_hash text PRIMARY KEY, user_id text NOT NULL REFERENCES account_users(id), purpose text NOT NULL,
  created_at text NOT NULL, expires_at text NOT NULL, revoked_at text);
CREATE TABLE IF NOT EXISTS account_login_attempts (user_id text NOT NULL, at text NOT NULL, ok boolean NOT NULL, source text);
CREATE INDEX IF NOT EXISTS account_login_attempts_user ON account_login_attempts (user_id, at);
ALTER TABLE account_users ADD COLUMN IF NOT EXISTS must_change_password boolean NOT NULL DEFAULT false;`;

/** Advisory lock key serialising DDL and first-user creation across processes. */
const LOCK = 7305937153;

/** Creates the accounts tables when missing (called from PostgresStore.init). */
export async function ensureAccountTables(client: pg.PoolClient): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK]);
    await client.query(DDL);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw storeError(e, "creating the accounts tables");
  }
}

interface UserRow {
  id: string; display_name: string; agency: string; roles: string[]; cases: string[]; password_hash: string; disabled: boolean;
  created_at: string; updated_at: string; must_change_password: boolean;
}
type TokenRow = sqlRows.TokenRow;
type SessionRow = sqlRows.SessionRow;
const { toToken, toSession } = sqlRows;

const toUser = (r: UserRow): UserRecord => ({
  id: r.id, displayName: r.display_name, agency: r.agency, roles: r.roles as Role[], cases: r.cases,
  passwordHash: r.password_hash, ...(r.must_change_password ? { mustChangePassword: true } : {}), disabled: r.disabled, createdAt: r.created_at, updatedAt: r.updated_at,
});
const clean = (v: unknown): unknown => (typeof v === "string" ? noNul(v) : Array.isArray(v) ? v.map(clean) : v);
const userParams = (u: UserRecord) => [u.id, u.displayName, u.agency, u.roles, u.cases, u.passwordHash, u.disabled, u.createdAt, u.updatedAt, u.mustChangePassword === true].map(clean);
const INSERT_USER = `INSERT INTO account_users (id, display_name, agency, roles, cases, password_hash, disabled, created_at, updated_at, must_change_password)
  VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`;

function sqlState(e: unknown): string {
  return (e as { code?: string }).code ?? "";
}

/** AccountsPort on the PostgreSQL store (same pool as the store). */
export class PgAccounts implements AccountsPort {
  constructor(private readonly pool: () => pg.Pool) {}

  private async q<R extends object>(what: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return guarded(what, () => this.pool().query<R>(sql, params.map(clean)));
  }

  private async tx<T>(what: string, f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool(), what, f);
  }

  async ensure(): Promise<void> {
    const client = await guarded("creating the accounts tables", () => this.pool().connect());
    try {
      await ensureAccountTables(client);
    } finally {
      client.release();
    }
  }

  async createUser(user: UserRecord): Promise<void> {
    try {
      await this.pool().query(INSERT_USER, userParams(user));
    } catch (e) {
      if (sqlState(e) === "23505") throw new VizierError("ALREADY_EXISTS", `user ${user.id} already exists`);
      throw storeError(e, "adding a user");
    }
  }

  async createFirstUser(user: UserRecord): Promise<boolean> {
    return this.tx("adding the first user", async (c) => {
      await c.query("SELECT pg_advisory_xact_lock($1)", [LOCK]);
      if ((await c.query("SELECT 1 FROM account_users LIMIT 1")).rowCount) return false;
      await c.query(INSERT_USER, userParams(user));
      return true;
    });
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const r = (await this.q<UserRow>("reading a user", "SELECT * FROM account_users WHERE id = $1", [id])).rows[0];
    return r && toUser(r);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.q<UserRow>("listing users", "SELECT * FROM account_users ORDER BY id COLLATE \"C\"")).rows.map(toUser);
  }

  async countUsers(): Promise<number> {
    return Number((await this.q<{ n: string }>("counting users", "SELECT count(*) AS n FROM account_users")).rows[0]!.n);
  }

  async updateUser(id: string, patch: UserPatch): Promise<UserRecord> {
    return this.tx("updating a user", async (c) => {
      const r = (await c.query<UserRow>("SELECT * FROM account_users WHERE id = $1 FOR UPDATE", [id])).rows[0];
      if (!r) throw new VizierError("NOT_FOUND", `no user ${id}`);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<UserRecord>;
      const u: UserRecord = { ...toUser(r), ...defined };
      await c.query("UPDATE account_users SET display_name = $1, agency = $2, roles = $3, cases = $4, password_hash = $5, disabled = $6, updated_at = $7, must_change_password = $8 WHERE id = $9",
        [u.displayName, u.agency, u.roles, u.cases, u.passwordHash, u.disabled, u.updatedAt, u.mustChangePassword === true, id].map(clean));
      return u;
    });
  }

  async createToken(t: TokenRecord): Promise<void> {
    try {
      await this.pool().query("INSERT INTO account_tokens VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
        [t.id, t.userId, t.name, t.secretHash, t.createdAt, t.expiresAt ?? null, t.lastUsedAt ?? null, t.revokedAt ?? null].map(clean));
    } catch (e) {
      if (sqlState(e) === "23505") throw new VizierError("ALREADY_EXISTS", `token ${t.id} already exists`);
      if (sqlState(e) === "23503") throw new VizierError("NOT_FOUND", `no user ${t.userId}`);
      throw storeError(e, "adding a token");
    }
  }

  async findTokenByHash(secretHash: string): Promise<TokenRecord | undefined> {
    const r = (await this.q<TokenRow>("looking up a token", "SELECT * FROM account_tokens WHERE secret_hash = $1", [secretHash])).rows[0];
    return r && toToken(r);
  }

  async getToken(id: string): Promise<TokenRecord | undefined> {
    const r = (await this.q<TokenRow>("reading a token", "SELECT * FROM account_tokens WHERE id = $1", [id])).rows[0];
    return r && toToken(r);
  }

  async listTokens(userId?: string): Promise<TokenRecord[]> {
    const res = userId === undefined
      ? await this.q<TokenRow>("listing tokens", "SELECT * FROM account_tokens ORDER BY created_at, id COLLATE \"C\"")
      : await this.q<TokenRow>("listing tokens", "SELECT * FROM account_tokens WHERE user_id = $1 ORDER BY created_at, id COLLATE \"C\"", [userId]);
    return res.rows.map(toToken);
  }

  async revokeToken(id: string, at: string): Promise<void> {
    const r = await this.q("revoking a token", "UPDATE account_tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2", [at, id]);
    if (r.rowCount === 0) throw new VizierError("NOT_FOUND", `no token ${id}`);
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.q("recording token use", "UPDATE account_tokens SET last_used_at = $1 WHERE id = $2", [at, id]);
  }

  async createSession(s: SessionRecord): Promise<void> {
    try {
      await this.pool().query("INSERT INTO account_sessions VALUES ($1,$2,$3,$4,$5,$6)", [s.idHash, s.userId, s.purpose, s.createdAt, s.expiresAt, s.revokedAt ?? null].map(clean));
    } catch (e) {
      if (sqlState(e) === "23505") throw new VizierError("ALREADY_EXISTS", "session already exists");
      if (sqlState(e) === "23503") throw new VizierError("NOT_FOUND", `no user ${s.userId}`);
      throw storeError(e, "opening a session");
    }
  }

  async findSession(idHash: string): Promise<SessionRecord | undefined> {
    const r = (await this.q<SessionRow>("looking up a session", "SELECT * FROM account_sessions WHERE id_hash = $1", [idHash])).rows[0];
    return r && toSession(r);
  }

  async revokeSession(idHash: string, at: string): Promise<void> {
    await this.q("ending a session", "UPDATE account_sessions SET revoked_at = coalesce(revoked_at, $1) WHERE id_hash = $2", [at, idHash]);
  }

  async deleteExpiredSessions(before: string): Promise<number> {
    return (await this.q("removing expired sessions", "DELETE FROM account_sessions WHERE expires_at < $1", [before])).rowCount ?? 0;
  }

  async recordLoginAttempt(a: LoginAttempt): Promise<void> {
    await this.q("recording a login attempt", "INSERT INTO account_login_attempts VALUES ($1,$2,$3,$4)", [a.userId, a.at, a.ok, a.source ?? null]);
  }

  async deleteLoginAttempts(before: string): Promise<number> {
    return (await this.q("removing old login attempts", "DELETE FROM account_login_attempts WHERE at < $1", [before])).rowCount ?? 0;
  }

  async countFailedLogins(userId: string, since: string): Promise<number> {
    const r = await this.q<{ n: string }>("counting failed logins", `SELECT count(*) AS n FROM account_login_attempts WHERE user_id = $1 AND NOT ok AND at >= $2
      AND at > coalesce((SELECT max(at) FROM account_login_attempts WHERE user_id = $1 AND ok), '')`, [userId, since]);
    return Number(r.rows[0]!.n);
  }
}
