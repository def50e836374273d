import { scopeGrantPairs, scopePairs, type AccessScope } from "@vizier/core";

/**
 * The scope as a SQLite condition with grants, for queries that filter in SQL (FTS search): a row
 * is readable iff its (dataset, handling) pair is in the scope or its (dataset, entity_id) pair was
 * granted. Bind the returned named parameters (`@scope_pairs`, `@scope_grants`). Row-wise filters
 * in TypeScript use core's `scopeAllows(scope, dataset, handling, entityId)` instead.
 */
export function grantScopeFilter(scope: AccessScope, alias: string): { sql: string; params: Record<string, string> } {
  if (scope.all) return { sql: "1", params: {} };
  const key = (a: string, b: string) => `${a}\u001f${b}`;
  return {
    sql: `((${alias}.dataset || char(31) || ${alias}.handling) IN (SELECT value FROM json_each(@scope_pairs))
      OR (${alias}.dataset || char(31) || ${alias}.entity_id) IN (SELECT value FROM json_each(@scope_grants)))`,
    params: {
      scope_pairs: JSON.stringify(scopePairs(scope).map(([d, h]) => key(d, h))),
      scope_grants: JSON.stringify(scopeGrantPairs(scope).map(([d, e]) => key(d, e))),
    },
  };
}
