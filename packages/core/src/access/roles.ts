import type { Actor, Role } from "../context";
import type { AccessRequest } from "../ports/access-requests";

/** Roles of the owning agency that may decide on access requests (docs/safeguards.md). */
export const DECIDING_ROLES: readonly Role[] = ["admin", "privacy_officer", "liaison"];

/** Why `actor` may not decide on `r`, or undefined when they may. */
export function mayDecide(actor: Actor, r: AccessRequest): string | undefined {
  if (actor.kind !== "user") return "access requests are decided by people, not system actors";
  if (actor.agency !== r.owner) return `only the owning agency (${r.owner}) decides on this request`;
  if (!actor.roles.some((x) => DECIDING_ROLES.includes(x))) return `deciding needs one of the roles ${DECIDING_ROLES.join(", ")}`;
  if (actor.id === r.requester) return "nobody decides on their own request";
  return undefined;
}
