import type { Role } from "../context";

/**
 * The accounts port: local users, API tokens, sessions and login attempts. Secrets never reach
 * it in clear: passwords arrive as scrypt hash strings, token and session secrets as sha256 hex
 * digests (core/accounts does the hashing). Timestamps are ISO-8601 strings (UTC).
 */

/** A local user. `id` is the login name (lower-case, stable); it is also the audit actor id. */
export interface UserRecord {
  id: string;
  displayName: string;
  /** Agency code the user works for (e.g. `politie`, `fiod`). */
  agency: string;
  roles: Role[];
  /** Case references (`case:…`) the user is a member of (compartments). */
  cases: string[];
  /** scrypt hash string (see core/accounts/password.ts); empty when the user may not log in by password. */
  passwordHash: string;
  /**
   * The password was generated for the user (a one-time password, shown to whoever created or
   * reset it): the user must set their own before any other request. Absent means false.
   */
  mustChangePassword?: boolean;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Fields that may change on an existing user; absent fields stay as they are. */
export interface UserPatch {
  displayName?: string;
  agency?: string;
  roles?: Role[];
  cases?: string[];
  passwordHash?: string;
  mustChangePassword?: boolean;
  disabled?: boolean;
  updatedAt: string;
}

/** An API token. Only the sha256 of its secret is stored; the secret is shown once. */
export interface TokenRecord {
  /** Public token id (shown in listings, used to revoke); not secret. */
  id: string;
  userId: string;
  name: string;
  /** sha256 hex of the full token string (`vz_…`). */
  secretHash: string;
  createdAt: string;
  /** Absent: never expires. */
  expiresAt?: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

/** A login session (HTTP API). Only the sha256 of the session secret is stored. */
export interface SessionRecord {
  /** sha256 hex of the session secret; the secret itself lives only in the client's cookie. */
  idHash: string;
  userId: string;
  /** Purpose bound to the session (reads in the session use it unless overridden). */
  purpose: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

/** One login attempt, kept for throttling and for the privacy officer. */
export interface LoginAttempt {
  /** The user name as typed (may name no existing user). */
  userId: string;
  at: string;
  ok: boolean;
  /** Where it came from (IP address, `cli`), when known. */
  source?: string;
}

/**
 * Storage of accounts. Adapters implement it with their own tables; every adapter passes
 * core/testing/accounts-contract.ts. All methods are plain storage: policy (hashing, throttling,
 * auditing, who may do what) lives in core/accounts.
 */
export interface AccountsPort {
  /** Creates the tables when missing; idempotent. */
  ensure(): Promise<void>;

  /** Inserts a user; ALREADY_EXISTS when the id is taken. */
  createUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | undefined>;
  /** All users ordered by id. */
  listUsers(): Promise<UserRecord[]>;
  /** Updates a user; NOT_FOUND when it does not exist. Returns the updated record. */
  updateUser(id: string, patch: UserPatch): Promise<UserRecord>;
  /** Number of users (`vizier init` refuses to create a second first administrator). */
  countUsers(): Promise<number>;
  /**
   * Creates `user` only if the store holds no user yet, atomically (two concurrent `init`s
   * cannot both create a first administrator). Returns false when a user already existed.
   */
  createFirstUser(user: UserRecord): Promise<boolean>;

  createToken(token: TokenRecord): Promise<void>;
  /** Looks a token up by the sha256 of its secret (revoked and expired ones included). */
  findTokenByHash(secretHash: string): Promise<TokenRecord | undefined>;
  getToken(id: string): Promise<TokenRecord | undefined>;
  /** Tokens of one user (or all users), ordered by creation time then id. */
  listTokens(userId?: string): Promise<TokenRecord[]>;
  /** Marks a token revoked; NOT_FOUND when it does not exist. Idempotent for revoked tokens. */
  revokeToken(id: string, at: string): Promise<void>;
  touchToken(id: string, at: string): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  findSession(idHash: string): Promise<SessionRecord | undefined>;
  revokeSession(idHash: string, at: string): Promise<void>;
  /** Deletes sessions that expired before `before`; returns how many. */
  deleteExpiredSessions(before: string): Promise<number>;

  recordLoginAttempt(attempt: LoginAttempt): Promise<void>;
  /** Deletes login attempts made before `before`; returns how many. */
  deleteLoginAttempts(before: string): Promise<number>;
  /**
   * Failed attempts for `userId` at or after `since` and after that user's most recent
   * successful attempt (a successful login resets the throttling window).
   */
  countFailedLogins(userId: string, since: string): Promise<number>;
}

/** A store that also keeps accounts (both adapters expose `store.accounts`). */
export interface WithAccounts {
  readonly accounts: AccountsPort;
}
