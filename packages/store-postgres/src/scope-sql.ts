import { scopePairs, type AccessScope } from "@vizier/core";

/**
 * The scope as a SQL condition on (dataset, handling), filtered inside the query (never after
 * fetching) so withheld rows never leave the database. Returns the condition and its parameters,
 * numbered from `first`. `none` means the scope allows nothing.
 */
export function scopeCondition(scope: AccessScope, alias: string, first: number): { sql: string; params: unknown[]; none: boolean } {
  if (scope.all) return { sql: "TRUE", params: [], none: false };
  const pairs = scopePairs(scope);
  if (pairs.length === 0) return { sql: "FALSE", params: [], none: true };
  return {
    sql: `(${alias}.dataset, ${alias}.handling) IN (SELECT * FROM unnest($${first}::text[], $${first + 1}::text[]))`,
    params: [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    none: false,
  };
}
