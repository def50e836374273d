declare const scopeBrand: unique symbol;

/**
 * The outcome of one policy decision: which (dataset, handling code) pairs the actor may read for
 * this purpose. Only `decide` makes one (the brand stops anyone else), and stores filter by it.
 */
export interface AccessScope {
  readonly [scopeBrand]: true;
  readonly actor: string;
  readonly purpose: string;
  /** dataset → readable handling codes. A dataset absent here is not readable at all. */
  readonly allowed: ReadonlyMap<string, ReadonlySet<string>>;
  /** True for system actors: everything is readable (still audited). */
  readonly all: boolean;
}

/** Whether a statement with this dataset and handling code is inside the scope. */
export function inScope(scope: AccessScope, dataset: string, handling: string): boolean {
  return scope.all || (scope.allowed.get(dataset)?.has(handling) ?? false);
}

/** Builds the scope value; internal to the policy module. */
export function makeScope(actor: string, purpose: string, allowed: Map<string, Set<string>>, all: boolean): AccessScope {
  return Object.freeze({ actor, purpose, allowed, all }) as unknown as AccessScope;
}

/** The (dataset, handling) pairs of a scope, for stores that filter in SQL. */
export function scopePairs(scope: AccessScope): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [ds, codes] of scope.allowed) for (const c of codes) out.push([ds, c]);
  return out;
}
