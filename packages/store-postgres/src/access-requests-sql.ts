import { scopeGrantPairs, scopePairs, type AccessScope } from "@vizier/core";

/**
 * The scope as a SQL condition with grants: a row is readable iff its (dataset, handling) pair is
 * in the scope, or its (dataset, entity_id) pair was granted by an approved access request.
 * Filtered inside the query (never after fetching) so withheld rows never leave the database;
 * parameters are numbered from `first`. `none` means the scope allows nothing.
 */
export function grantScopeCondition(scope: AccessScope, alias: string, first: number): { sql: string; params: unknown[]; none: boolean } {
  if (scope.all) return { sql: "TRUE", params: [], none: false };
  const pairs = scopePairs(scope);
  const grants = scopeGrantPairs(scope);
  if (pairs.length === 0 && grants.length === 0) return { sql: "FALSE", params: [], none: true };
  return {
    sql: `((${alias}.dataset, ${alias}.handling) IN (SELECT * FROM unnest($${first}::text[], $${first + 1}::text[]))
      OR (${alias}.dataset, ${alias}.entity_id) IN (SELECT * FROM unnest($${first + 2}::text[], $${first + 3}::text[])))`,
    params: [pairs.map((p) => p[0]), pairs.map((p) => p[1]), grants.map((p) => p[0]), grants.map((p) => p[1])],
    none: false,
  };
}
