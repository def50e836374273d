declare const scopeBrand: unique symbol;

/**
 * The outcome of one policy decision: which (dataset, handling code) pairs the actor may read for
 * this purpose, plus the entity-scoped grants from approved access requests. Only `decide` makes
 * one (the brand stops anyone else), and stores filter by it.
 */
export interface AccessScope {
  readonly [scopeBrand]: true;
  readonly actor: string;
  readonly purpose: string;
  /** dataset → readable handling codes. A dataset absent here is not readable at all. */
  readonly allowed: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * dataset → entity ids the actor may read in full (any handling code) because the owner
   * approved an access request for this actor and purpose (docs/safeguards.md, "Access requests").
   */
  readonly grants: ReadonlyMap<string, ReadonlySet<string>>;
  /** True for system actors: everything is readable (still audited). */
  readonly all: boolean;
}

/**
 * Whether a statement with this dataset and handling code is readable WITHOUT grants. Stores that
 * know the statement's entity should call `scopeAllows`, which also honours grants.
 */
export function inScope(scope: AccessScope, dataset: string, handling: string): boolean {
  return scope.all || (scope.allowed.get(dataset)?.has(handling) ?? false);
}

/** Whether a statement of `entityId` in `dataset` with `handling` is readable, grants included. */
export function scopeAllows(scope: AccessScope, dataset: string, handling: string, entityId: string): boolean {
  return inScope(scope, dataset, handling) || (scope.grants.get(dataset)?.has(entityId) ?? false);
}

/** Builds the scope value; internal to the policy module. */
export function makeScope(
  actor: string, purpose: string, allowed: Map<string, Set<string>>, all: boolean, grants: Map<string, Set<string>> = new Map(),
): AccessScope {
  return Object.freeze({ actor, purpose, allowed, grants, all }) as unknown as AccessScope;
}

/** The (dataset, handling) pairs of a scope, for stores that filter in SQL. */
export function scopePairs(scope: AccessScope): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [ds, codes] of scope.allowed) for (const c of codes) out.push([ds, c]);
  return out;
}

/**
 * The (dataset, entity id) pairs granted by approved access requests, for stores that filter in
 * SQL: a row is readable iff (dataset, handling) ∈ scopePairs OR (dataset, entity_id) ∈ grantPairs.
 */
export function scopeGrantPairs(scope: AccessScope): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [ds, ids] of scope.grants) for (const id of ids) out.push([ds, id]);
  return out;
}
