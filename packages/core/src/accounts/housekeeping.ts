import type { AccountsPort } from "../ports/accounts";
import { THROTTLE } from "./auth";

/** Login attempts are kept this long (for a privacy officer's or security review), then deleted. */
export const LOGIN_ATTEMPTS_KEPT_MS = 90 * 24 * 3_600_000;

export interface AccountsPruned { sessions: number; loginAttempts: number }

/**
 * Deletes sessions that have expired and login attempts older than LOGIN_ATTEMPTS_KEPT_MS (never
 * inside the throttling window, so pruning cannot reset a lock-out). Run by `vizier serve` at
 * start and hourly, and by `vizier retention run`.
 */
export async function pruneAccounts(accounts: AccountsPort, now: Date, keptMs = LOGIN_ATTEMPTS_KEPT_MS): Promise<AccountsPruned> {
  const attemptsBefore = new Date(now.getTime() - Math.max(keptMs, THROTTLE.windowMs)).toISOString();
  return {
    sessions: await accounts.deleteExpiredSessions(now.toISOString()),
    loginAttempts: await accounts.deleteLoginAttempts(attemptsBefore),
  };
}
