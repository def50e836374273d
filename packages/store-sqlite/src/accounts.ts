import type Database from "better-sqlite3";
import { VizierError } from "@vizier/model";
import { sqlRows, type AccountsPort, type LoginAttempt, type Role, type SessionRecord, type TokenRecord, type UserPatch, type UserRecord } from "@vizier/core";
import { guard, mapSqliteError } from "./errors";
import { prepared } from "./prepared";

/** Accounts tables, kept apart from the statement schema (own `ensure`, idempotent). */
const DDL = `
CREATE TABLE IF NOT EXISTS account_users (
  id TEXT PRIMARY KEY, display_name TEXT NOT NULL, agency TEXT NOT NULL, roles TEXT NOT NULL, cases TEXT NOT NULL,
  password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS account_tokens (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES account_users(id), name TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, expires_at TEXT, last_used_at TEXT, revoked_at TEXT);
CREATE INDEX IF NOT EXISTS account_tokens_user ON account_tokens (user_id, created_at);
CREATE TABLE IF NOT EXISTS account_sessions (
  id_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES account_users(id), purpose TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS account_login_attempts (user_id TEXT NOT NULL, at TEXT NOT NULL, ok INTEGER NOT NULL, source TEXT);
CREATE INDEX IF NOT EXISTS account_login_attempts_user ON account_login_attempts (user_id, at);
`;

/** Creates the accounts tables when missing (called from SqliteStore.init on a writable store). */
export function ensureAccountTables(db: Database.Database): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'account_login_attempts'").get();
  if (!exists) db.exec(DDL);
  // Added after the first release of the accounts tables.
  if (!db.prepare("SELECT 1 FROM pragma_table_info('account_users') WHERE name = 'must_change_password'").get()) {
    db.exec("ALTER TABLE account_users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0");
  }
}

interface UserRow {
  id: string; display_name: string; agency: string; roles: string; cases: string; password_hash: string; disabled: number;
  created_at: string; updated_at: string; must_change_password?: number;
}
type TokenRow = sqlRows.TokenRow;
type SessionRow = sqlRows.SessionRow;
const { toToken, toSession } = sqlRows;

const toUser = (r: UserRow): UserRecord => ({
  id: r.id, displayName: r.display_name, agency: r.agency, roles: JSON.parse(r.roles) as Role[], cases: JSON.parse(r.cases) as string[],
  passwordHash: r.password_hash, ...(r.must_change_password === 1 ? { mustChangePassword: true } : {}), disabled: r.disabled === 1, createdAt: r.created_at, updatedAt: r.updated_at,
});
const userParams = (u: UserRecord) => [u.id, u.displayName, u.agency, JSON.stringify(u.roles), JSON.stringify(u.cases), u.passwordHash, u.disabled ? 1 : 0, u.createdAt, u.updatedAt, u.mustChangePassword ? 1 : 0];
const INSERT_USER = `INSERT INTO account_users (id, display_name, agency, roles, cases, password_hash, disabled, created_at, updated_at, must_change_password)
  VALUES (?,?,?,?,?,?,?,?,?,?)`;

function isConstraint(e: unknown, kind: string): boolean {
  return ((e as { code?: string }).code ?? "").startsWith(`SQLITE_CONSTRAINT_${kind}`);
}

/** AccountsPort on the embedded store's SQLite file (same connection as the store). */
export class SqliteAccounts implements AccountsPort {
  constructor(private readonly conn: () => Database.Database, private readonly where: () => string) {}

  private get location(): string {
    return this.where();
  }

  private run<T>(fn: (db: Database.Database) => T): T {
    return guard(this.location, () => fn(this.conn()));
  }

  async ensure(): Promise<void> {
    this.run(ensureAccountTables);
  }

  async createUser(user: UserRecord): Promise<void> {
    try {
      this.conn().prepare(INSERT_USER).run(userParams(user));
    } catch (e) {
      if (isConstraint(e, "PRIMARYKEY")) throw new VizierError("ALREADY_EXISTS", `user ${user.id} already exists`);
      throw mapSqliteError(e, this.location);
    }
  }

  async createFirstUser(user: UserRecord): Promise<boolean> {
    return this.run((db) => db.transaction(() => {
      if (db.prepare("SELECT 1 FROM account_users LIMIT 1").get()) return false;
      db.prepare(INSERT_USER).run(userParams(user));
      return true;
    }).immediate());
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const r = this.run((db) => prepared(db, "SELECT * FROM account_users WHERE id = ?").get(id)) as UserRow | undefined;
    return r && toUser(r);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.run((db) => db.prepare("SELECT * FROM account_users ORDER BY id").all()) as UserRow[]).map(toUser);
  }

  async countUsers(): Promise<number> {
    return (this.run((db) => db.prepare("SELECT count(*) AS n FROM account_users").get()) as { n: number }).n;
  }

  async updateUser(id: string, patch: UserPatch): Promise<UserRecord> {
    return this.run((db) => db.transaction(() => {
      const r = db.prepare("SELECT * FROM account_users WHERE id = ?").get(id) as UserRow | undefined;
      if (!r) throw new VizierError("NOT_FOUND", `no user ${id}`);
      const u: UserRecord = { ...toUser(r), ...definedOnly(patch) };
      db.prepare("UPDATE account_users SET display_name = ?, agency = ?, roles = ?, cases = ?, password_hash = ?, disabled = ?, updated_at = ?, must_change_password = ? WHERE id = ?")
        .run(u.displayName, u.agency, JSON.stringify(u.roles), JSON.stringify(u.cases), u.passwordHash, u.disabled ? 1 : 0, u.updatedAt, u.mustChangePassword ? 1 : 0, id);
      return u;
    }).immediate());
  }

  async createToken(t: TokenRecord): Promise<void> {
    try {
      this.conn().prepare("INSERT INTO account_tokens VALUES (?,?,?,?,?,?,?,?)")
        .run(t.id, t.userId, t.name, t.secretHash, t.createdAt, t.expiresAt ?? null, t.lastUsedAt ?? null, t.revokedAt ?? null);
    } catch (e) {
      if (isConstraint(e, "PRIMARYKEY") || isConstraint(e, "UNIQUE")) throw new VizierError("ALREADY_EXISTS", `token ${t.id} already exists`);
      if (isConstraint(e, "FOREIGNKEY")) throw new VizierError("NOT_FOUND", `no user ${t.userId}`);
      throw mapSqliteError(e, this.location);
    }
  }

  async findTokenByHash(secretHash: string): Promise<TokenRecord | undefined> {
    const r = this.run((db) => prepared(db, "SELECT * FROM account_tokens WHERE secret_hash = ?").get(secretHash)) as TokenRow | undefined;
    return r && toToken(r);
  }

  async getToken(id: string): Promise<TokenRecord | undefined> {
    const r = this.run((db) => db.prepare("SELECT * FROM account_tokens WHERE id = ?").get(id)) as TokenRow | undefined;
    return r && toToken(r);
  }

  async listTokens(userId?: string): Promise<TokenRecord[]> {
    const rows = this.run((db) => userId === undefined
      ? db.prepare("SELECT * FROM account_tokens ORDER BY created_at, id").all()
      : db.prepare("SELECT * FROM account_tokens WHERE user_id = ? ORDER BY created_at, id").all(userId)) as TokenRow[];
    return rows.map(toToken);
  }

  async revokeToken(id: string, at: string): Promise<void> {
    const changed = this.run((db) => db.prepare("UPDATE account_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?").run(at, id)).changes;
    if (changed === 0) throw new VizierError("NOT_FOUND", `no token ${id}`);
  }

  async touchToken(id: string, at: string): Promise<void> {
    this.run((db) => prepared(db, "UPDATE account_tokens SET last_used_at = ? WHERE id = ?").run(at, id));
  }

  async createSession(s: SessionRecord): Promise<void> {
    try {
      this.conn().prepare("INSERT INTO account_sessions VALUES (?,?,?,?,?,?)").run(s.idHash, s.userId, s.purpose, s.createdAt, s.expiresAt, s.revokedAt ?? null);
    } catch (e) {
      if (isConstraint(e, "PRIMARYKEY")) throw new VizierError("ALREADY_EXISTS", "session already exists");
      if (isConstraint(e, "FOREIGNKEY")) throw new VizierError("NOT_FOUND", `no user ${s.userId}`);
      throw mapSqliteError(e, this.location);
    }
  }

  async findSession(idHash: string): Promise<SessionRecord | undefined> {
    const r = this.run((db) => prepared(db, "SELECT * FROM account_sessions WHERE id_hash = ?").get(idHash)) as SessionRow | undefined;
    return r && toSession(r);
  }

  async revokeSession(idHash: string, at: string): Promise<void> {
    this.run((db) => db.prepare("UPDATE account_sessions SET revoked_at = coalesce(revoked_at, ?) WHERE id_hash = ?").run(at, idHash));
  }

  async deleteExpiredSessions(before: string): Promise<number> {
    return this.run((db) => db.prepare("DELETE FROM account_sessions WHERE expires_at < ?").run(before)).changes;
  }

  async recordLoginAttempt(a: LoginAttempt): Promise<void> {
    this.run((db) => db.prepare("INSERT INTO account_login_attempts VALUES (?,?,?,?)").run(a.userId, a.at, a.ok ? 1 : 0, a.source ?? null));
  }

  async deleteLoginAttempts(before: string): Promise<number> {
    return this.run((db) => db.prepare("DELETE FROM account_login_attempts WHERE at < ?").run(before)).changes;
  }

  async countFailedLogins(userId: string, since: string): Promise<number> {
    return (this.run((db) => db.prepare(`SELECT count(*) AS n FROM account_login_attempts WHERE user_id = ? AND ok = 0 AND at >= ?
      AND at > coalesce((SELECT max(at) FROM account_login_attempts WHERE user_id = ? AND ok = 1), '')`).get(userId, since, userId)) as { n: number }).n;
  }
}

/** Drops keys whose value is undefined, so a patch never blanks a field it does not name. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
