/** Accounts: local users, password hashing, API tokens, sessions, login throttling (docs/accounts.md). */
export { checkPasswordPolicy, generatePassword, hashPassword, verifyPassword, MIN_PASSWORD_LENGTH, DEFAULT_SCRYPT, type ScryptParams } from "./password";
export { hashSecret, TOKEN_PREFIX, SESSION_PREFIX } from "./secrets";
export { parseLifetime } from "./duration";
export { userView, tokenView, type AccountDeps, type UserView, type TokenView } from "./deps";
export { createUser, createFirstAdmin, firstAdmin, listUsers, showUser, changeUser, UsernameSchema, CaseRefSchema, type NewUser, type CreatedUser, type UserChange } from "./users";
export { createToken, listTokens, revokeToken, type NewToken } from "./tokens";
export { authenticate, actorForToken, actorForUser, changeOwnPassword, login, sessionActor, logout, THROTTLE, SESSION_TTL_MS, TOKEN_TOUCH_MS, type LoginInput, type Session } from "./auth";
export { OidcConfigSchema, oidcActor, verifyOidcToken, type Jwks, type OidcConfig } from "./oidc";
export { pruneAccounts, LOGIN_ATTEMPTS_KEPT_MS, type AccountsPruned } from "./housekeeping";
