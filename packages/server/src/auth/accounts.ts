import { accounts as acc } from "@vizier/core";
import { isVizierError } from "@vizier/model";
import type { Authenticator } from "./authenticator";

/**
 * The Authenticator over the store's accounts (core/accounts): hashed `vz_` API tokens, `vzs_`
 * sessions bound to a purpose, login throttling and audited logins and logouts.
 */
export function accountsAuthenticator(deps: acc.AccountDeps, now: () => Date = () => new Date()): Authenticator {
  const orUndefined = async <T>(f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await f();
    } catch (e) {
      if (isVizierError(e, "UNAUTHENTICATED")) return undefined;
      throw e;
    }
  };
  return {
    bearer: (token) => orUndefined(() => acc.actorForToken(deps, token, now)),
    session: (secret) => orUndefined(() => acc.sessionActor(deps, secret, now)),
    login: ({ user, password, purpose, source }) => acc.login(deps, { username: user, password, purpose, now, ...(source ? { source } : {}) }),
    logout: async (secret) => { await orUndefined(() => acc.logout(deps, secret, now)); },
    changePassword: (actorId, { current, next, purpose, source }) =>
      acc.changeOwnPassword(deps, { userId: actorId, current, next, purpose, now, ...(source ? { source } : {}) }),
  };
}
