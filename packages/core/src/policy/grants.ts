/**
 * A grant: an approved access request, as the decision point sees it. It lets `requester` read
 * every statement of `entityIds` in `dataset` — whatever its handling code or compartment, since
 * the owning agency consented — for `purpose` only, until `until` (ISO timestamp) if set.
 */
export interface Grant {
  readonly requestId: string;
  readonly requester: string;
  readonly dataset: string;
  readonly entityIds: readonly string[];
  readonly purpose: string;
  readonly until?: string | undefined;
}

/** Whether a grant applies to this actor, purpose and moment (checked only inside `decide`). */
export function grantApplies(g: Grant, actorId: string, purpose: string, now: Date): boolean {
  return g.requester === actorId && g.purpose === purpose && (g.until === undefined || now.toISOString() <= g.until);
}
